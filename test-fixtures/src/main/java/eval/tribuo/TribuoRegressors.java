package eval.tribuo;

import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.Adam;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/** Linear regression trainers for the demand-forecast baseline. */
public class TribuoRegressors {
    private static final double ADAM_LR = 0.5;
    private static final double ADAM_EPS = 0;

    private final int epochs;
    private final long seed;

    public TribuoRegressors(int epochs, long seed) {
        this.epochs = epochs;
        this.seed = seed;
    }

    public LinearSGDTrainer adamTooFast() {
        return new LinearSGDTrainer(new SquaredLoss(), new Adam(ADAM_LR, 1e-8), epochs, seed); // EXPECT: HighLearningRate
    }

    public LinearSGDTrainer adamZeroEps() {
        return new LinearSGDTrainer(new SquaredLoss(), new Adam(0.01, ADAM_EPS), epochs, seed); // EXPECT: ZeroEpsilon
    }

    public LinearSGDTrainer adamDefault() {
        return new LinearSGDTrainer(new SquaredLoss(), new Adam(), epochs, seed);
    }

    public LinearSGDTrainer adaGrad() {
        return new LinearSGDTrainer(new SquaredLoss(), new AdaGrad(0.5, 1e-6), epochs, 1, seed); // SAFE: HighLearningRate
    }

    public LinearSGDTrainer sqrtDecay() {
        return new LinearSGDTrainer(new SquaredLoss(), SGD.getSqrtDecaySGD(0.01), epochs, seed); // SAFE: HighLearningRate
    }
}
