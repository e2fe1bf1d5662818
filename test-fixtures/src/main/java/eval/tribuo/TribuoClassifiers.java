package eval.tribuo;

import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.Adam;
import org.tribuo.math.optimisers.Pegasos;
import org.tribuo.math.optimisers.RMSProp;
import org.tribuo.math.optimisers.SGD;

/** Trainer presets for the ticket-routing classifier. */
public final class TribuoClassifiers {
    private static final int EPOCHS = 10;
    private static final long SEED = 12345L;
    private static final double LAMBDA = 0.0;

    private TribuoClassifiers() {}

    public static LinearSGDTrainer logisticAdaGrad() {
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), EPOCHS, SEED); // SAFE: ZeroEpsilon
    }

    public static LinearSGDTrainer logisticAdaGradNoEps() {
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.0), EPOCHS, SEED); // EXPECT: ZeroEpsilon
    }

    public static LinearSGDTrainer logisticAdaGradHot() {
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(2.5, 0.1), EPOCHS, SEED); // EXPECT: HighLearningRate
    }

    public static LinearSGDTrainer svmPegasos() {
        return new LinearSGDTrainer(new Hinge(), new Pegasos(0.1, 1e-4), EPOCHS, SEED); // SAFE: ZeroEpsilon
    }

    public static LinearSGDTrainer svmPegasosUnregularised() {
        return new LinearSGDTrainer(new Hinge(), new Pegasos(0.1, LAMBDA), EPOCHS, SEED); // EXPECT: ZeroEpsilon
    }

    public static LinearSGDTrainer rmsNoMomentum() {
        return new LinearSGDTrainer(new LogMulticlass(), new RMSProp(0.001, 0.0), EPOCHS, SEED); // SAFE: ZeroEpsilon
    }

    public static LinearSGDTrainer rmsNoEps() {
        return new LinearSGDTrainer(new LogMulticlass(), new RMSProp(0.001, 0.9, 0.0, 0.0), EPOCHS, SEED); // EXPECT: ZeroEpsilon
    }

    public static LinearSGDTrainer adam() {
        return new LinearSGDTrainer(new LogMulticlass(), new Adam(0.001, 0.9, 0.999, 1e-8), EPOCHS, SEED); // SAFE: ZeroEpsilon
    }

    public static LinearSGDTrainer sgdDecay() {
        return new LinearSGDTrainer(new LogMulticlass(), SGD.getLinearDecaySGD(0.5), EPOCHS, SEED); // SAFE: HighLearningRate
    }

    public static LinearSGDTrainer sgdSimpleHot() {
        double rate = 5.0;
        return new LinearSGDTrainer(new LogMulticlass(), SGD.getSimpleSGD(rate), EPOCHS, SEED); // EXPECT: HighLearningRate
    }

    public static LinearSGDTrainer adamFromFlag(double rate) {
        return new LinearSGDTrainer(new LogMulticlass(), new Adam(rate, 1e-8), EPOCHS, SEED); // SAFE: HighLearningRate
    }
}
