package eval2.optim;

import java.util.Arrays;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** AdaGrad and RMSProp as used by the online CTR learner (double[]) and the ND4J trainer. */
public final class AdaptiveUpdaters {

    private AdaptiveUpdaters() {
    }

    /** AdaGrad with the accumulator initialised to 0.1, as in the original FTRL/AdaGrad setups. */
    public static final class AdaGrad {
        private final double lr;
        private final double[] acc;

        public AdaGrad(int size, double lr) {
            this.lr = lr;
            this.acc = new double[size];
            Arrays.fill(acc, 0.1);
        }

        public void step(double[] w, double[] g) {
            for (int i = 0; i < w.length; i++) {
                acc[i] += g[i] * g[i];
                w[i] -= lr * g[i] / Math.sqrt(acc[i]); // SAFE: UnguardedSqrt
            }
        }
    }

    /** AdaGrad for sparse hashed features: the accumulator only exists for features that occurred. */
    public static final class SparseAdaGrad {
        private final double lr;
        private final double[] acc;

        public SparseAdaGrad(int hashSpace, double lr) {
            this.lr = lr;
            this.acc = new double[hashSpace];
        }

        public void step(double[] w, int[] activeFeatures, double[] activeGrads) {
            for (int k = 0; k < activeFeatures.length; k++) {
                int f = activeFeatures[k];
                double g = activeGrads[k];
                acc[f] += g * g;
                w[f] -= lr * g / Math.sqrt(acc[f]); // EXPECT: UnguardedSqrt
            }
        }
    }

    /** RMSProp with epsilon inside the root (TensorFlow's form). */
    public static void rmsPropStep(double[] w, double[] g, double[] ms, double lr, double rho) {
        for (int i = 0; i < w.length; i++) {
            ms[i] = rho * ms[i] + (1 - rho) * g[i] * g[i];
            w[i] -= lr * g[i] / Math.sqrt(ms[i] + 1e-7); // SAFE: UnguardedSqrt
        }
    }

    /** Centered RMSProp: the variance estimate is clamped before the root. */
    public static void centeredRmsPropStep(double[] w, double[] g, double[] ms, double[] mg, double lr, double rho) {
        for (int i = 0; i < w.length; i++) {
            ms[i] = rho * ms[i] + (1 - rho) * g[i] * g[i];
            mg[i] = rho * mg[i] + (1 - rho) * g[i];
            double var = Math.max(ms[i] - mg[i] * mg[i], 0.0);
            w[i] -= lr * g[i] / (Math.sqrt(var) + 1e-8); // SAFE: UnguardedSqrt
        }
    }

    /** RMSProp on INDArrays, written for the ND4J trainer. */
    public static void rmsPropNd4j(INDArray params, INDArray grad, INDArray meanSquare, double lr, double decay) {
        meanSquare.muli(decay).addi(grad.mul(grad).muli(1 - decay));
        params.subi(grad.mul(lr).divi(Transforms.sqrt(meanSquare, true))); // EXPECT: UnguardedSqrt
    }

    /** Same, with epsilon. */
    public static void rmsPropNd4jEps(INDArray params, INDArray grad, INDArray meanSquare, double lr, double decay) {
        meanSquare.muli(decay).addi(grad.mul(grad).muli(1 - decay));
        INDArray denom = Transforms.sqrt(meanSquare, true).addi(1e-8);
        params.subi(grad.mul(lr).divi(denom)); // SAFE: UnguardedSqrt
    }

    /** AdaGrad on INDArrays, accumulator starting at 0.1 everywhere. */
    public static final class AdaGradNd4j {
        private final INDArray history;
        private final double lr;

        public AdaGradNd4j(long[] shape, double lr) {
            this.history = Nd4j.valueArrayOf(shape, 0.1);
            this.lr = lr;
        }

        public void step(INDArray params, INDArray grad) {
            history.addi(grad.mul(grad));
            params.subi(grad.mul(lr).divi(Transforms.sqrt(history, true))); // SAFE: UnguardedSqrt
        }
    }
}
