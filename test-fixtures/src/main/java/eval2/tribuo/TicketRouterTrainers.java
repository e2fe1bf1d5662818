package eval2.tribuo;

import java.util.LinkedHashMap;
import java.util.Map;

import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaDelta;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.AdaGradRDA;
import org.tribuo.math.optimisers.Adam;
import org.tribuo.math.optimisers.Pegasos;
import org.tribuo.math.optimisers.RMSProp;
import org.tribuo.math.optimisers.SGD;

/**
 * Candidate linear trainers for the support-ticket router (bag-of-words features, ~200k dimensions,
 * 14 queues). The grid is trained nightly and the best model on the validation split is promoted.
 */
public final class TicketRouterTrainers {

    private static final int EPOCHS = 10;
    private static final long SEED = 1L;
    private static final double RDA_L2 = 1e-4;

    private TicketRouterTrainers() {
    }

    public static Map<String, Trainer<Label>> grid(int numFeatures) {
        Map<String, Trainer<Label>> grid = new LinkedHashMap<>();
        grid.put("logistic-adagrad", new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), EPOCHS, SEED)); // SAFE: HighLearningRate
        grid.put("logistic-adagrad-hot", new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(2.5, 0.1), EPOCHS, SEED)); // EXPECT: HighLearningRate
        grid.put("logistic-adagrad-noeps", new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.0), EPOCHS, SEED)); // EXPECT: ZeroEpsilon
        grid.put("logistic-rda", new LinearSGDTrainer(new LogMulticlass(), new AdaGradRDA(0.1, 1e-6), EPOCHS, SEED)); // EXPECT: MissingRegularization
        grid.put("logistic-rda-l2", new LinearSGDTrainer(new LogMulticlass(), new AdaGradRDA(0.1, 1e-6, 0.0, RDA_L2, numFeatures), EPOCHS, SEED)); // SAFE: MissingRegularization
        grid.put("svm-pegasos", new LinearSGDTrainer(new Hinge(), new Pegasos(0.05, 1e-4), EPOCHS, SEED)); // SAFE: ZeroEpsilon
        grid.put("svm-pegasos-nolambda", new LinearSGDTrainer(new Hinge(), new Pegasos(0.05, 0.0), EPOCHS, SEED)); // EXPECT: ZeroEpsilon
        grid.put("logistic-sgd", new LinearSGDTrainer(new LogMulticlass(), SGD.getLinearDecaySGD(0.5), EPOCHS, SEED)); // SAFE: HighLearningRate
        grid.put("logistic-sgd-hot", new LinearSGDTrainer(new LogMulticlass(), SGD.getSimpleSGD(5.0), EPOCHS, SEED)); // EXPECT: HighLearningRate
        grid.put("logistic-adam", new LinearSGDTrainer(new LogMulticlass(), new Adam(0.001, 0.9, 0.999, 1e-8), EPOCHS, SEED)); // SAFE: ZeroEpsilon
        grid.put("logistic-adam-fast", new LinearSGDTrainer(new LogMulticlass(), new Adam(0.3, 1e-8), EPOCHS, SEED)); // EXPECT: HighLearningRate
        grid.put("logistic-rmsprop", new LinearSGDTrainer(new LogMulticlass(), new RMSProp(0.001, 0.0), EPOCHS, SEED)); // SAFE: ZeroEpsilon
        grid.put("logistic-adadelta", new LinearSGDTrainer(new LogMulticlass(), new AdaDelta(1e-6), EPOCHS, SEED)); // SAFE: ZeroEpsilon
        return grid;
    }

    public static Map<String, Model<Label>> trainAll(Dataset<Label> train, int numFeatures) {
        Map<String, Model<Label>> models = new LinkedHashMap<>();
        for (Map.Entry<String, Trainer<Label>> e : grid(numFeatures).entrySet()) {
            models.put(e.getKey(), e.getValue().train(train));
        }
        return models;
    }
}
