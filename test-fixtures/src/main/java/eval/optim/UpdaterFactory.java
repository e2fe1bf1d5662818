package eval.optim;

import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/** Maps the experiment YAML's "optimizer" key to an ND4J updater. */
public final class UpdaterFactory {
    private static final double ADAM_EPSILON = 0.0;
    private static final double DEFAULT_LR = 1e-3;
    private static final double FAST_ADAM_LR = 0.5;

    private UpdaterFactory() {}

    public static IUpdater forName(String name) {
        switch (name) {
            case "adam":
                return new Adam(DEFAULT_LR, 0.9, 0.999, 1e-8); // SAFE: ZeroEpsilon
            case "adam-noeps":
                return new Adam(DEFAULT_LR, 0.9, 0.999, ADAM_EPSILON); // EXPECT: ZeroEpsilon
            case "adam-fast":
                return new Adam(FAST_ADAM_LR); // EXPECT: HighLearningRate
            case "adamax":
                return new AdaMax(0.002, 0.9, 0.999, 0); // EXPECT: ZeroEpsilon
            case "adagrad":
                return new AdaGrad(0.05, 1e-6); // SAFE: ZeroEpsilon
            case "adagrad-raw":
                return new AdaGrad(0.05, 0); // EXPECT: ZeroEpsilon
            case "adagrad-hot":
                return new AdaGrad(1.5); // EXPECT: HighLearningRate
            case "rmsprop":
                return new RmsProp(0.1); // SAFE: HighLearningRate
            case "rmsprop-noeps":
                return new RmsProp(1e-3, 0.95, 0.0); // EXPECT: ZeroEpsilon
            case "sgd":
                return new Sgd(0.05); // SAFE: HighLearningRate
            case "sgd-aggressive":
                return new Sgd(2.0); // EXPECT: HighLearningRate
            case "nesterov":
                return new Nesterovs(0.9); // SAFE: HighLearningRate
            case "nesterov-hot":
                return new Nesterovs(1.5, 0.9); // EXPECT: HighLearningRate
            case "adam-schedule":
                return new Adam(new StepSchedule(ScheduleType.EPOCH, 1e-3, 0.5, 10)); // SAFE: HighLearningRate
            default:
                throw new IllegalArgumentException("unknown optimizer " + name);
        }
    }

    /** Learning rate read from the config file at run time. */
    public static IUpdater adamWithRate(double configuredRate) {
        return new Adam(configuredRate); // SAFE: HighLearningRate
    }

    /** Builder form. */
    public static IUpdater warmAdam() {
        return Adam.builder().learningRate(0.3).build(); // EXPECT: HighLearningRate
    }

    public static IUpdater smallEpsAdam() {
        return Adam.builder().learningRate(1e-3).epsilon(1e-12).build(); // SAFE: ZeroEpsilon
    }
}
