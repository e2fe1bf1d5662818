package eval2.tribuo;

import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.AdaGradRDA;
import org.tribuo.math.optimisers.RMSProp;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.Huber;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/** Linear regressors for delivery time (minutes) from route and weather features. */
public final class DeliveryTimeRegressors {

    private static final double BASE_LR = 0.05;
    private static final double RMS_EPS = 0.0;

    private DeliveryTimeRegressors() {
    }

    public static Model<Regressor> squaredAdaGrad(Dataset<Regressor> train) {
        StochasticGradientOptimiser opt = new AdaGrad(BASE_LR * 2, 0.1); // SAFE: HighLearningRate
        return new LinearSGDTrainer(new SquaredLoss(), opt, 20, 42L).train(train);
    }

    public static Model<Regressor> huberRmsProp(Dataset<Regressor> train) {
        StochasticGradientOptimiser opt = new RMSProp(0.5, 0.9); // EXPECT: HighLearningRate
        return new LinearSGDTrainer(new Huber(), opt, 20, 42L).train(train);
    }

    public static Model<Regressor> huberRmsPropNoEps(Dataset<Regressor> train) {
        StochasticGradientOptimiser opt = new RMSProp(0.01, 0.9, RMS_EPS, 0.0); // EXPECT: ZeroEpsilon
        return new LinearSGDTrainer(new Huber(), opt, 20, 42L).train(train);
    }

    public static Model<Regressor> sparseRda(Dataset<Regressor> train, int numFeatures) {
        StochasticGradientOptimiser opt = new AdaGradRDA(0.1, 1e-6, 0.0, 0.0, numFeatures); // EXPECT: MissingRegularization
        return new LinearSGDTrainer(new SquaredLoss(), opt, 20, 42L).train(train);
    }

    public static Model<Regressor> sparseRdaL1(Dataset<Regressor> train, int numFeatures, double l1) {
        StochasticGradientOptimiser opt = new AdaGradRDA(0.1, 1e-6, l1, 0.0, numFeatures); // SAFE: MissingRegularization
        return new LinearSGDTrainer(new SquaredLoss(), opt, 20, 42L).train(train);
    }

    public static Model<Regressor> sqrtDecaySgd(Dataset<Regressor> train) {
        StochasticGradientOptimiser opt = SGD.getSqrtDecaySGD(0.01, 0.9, SGD.Momentum.NESTEROV); // SAFE: HighLearningRate
        return new LinearSGDTrainer(new SquaredLoss(), opt, 20, 42L).train(train);
    }
}
