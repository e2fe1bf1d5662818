package eval.optim;

import java.util.Arrays;

/** RMSProp and AdaGrad updaters for the float[] parameter buffers of the CTR model. */
public final class RmsPropAndAdaGrad {

    public static final class RmsProp {
        private final float[] cache;
        private final float lr;
        private final float decay;

        public RmsProp(int n, float lr, float decay) {
            this.cache = new float[n];
            this.lr = lr;
            this.decay = decay;
        }

        public void update(float[] w, float[] grad) {
            for (int i = 0; i < w.length; i++) {
                cache[i] = decay * cache[i] + (1 - decay) * grad[i] * grad[i];
                w[i] -= lr * grad[i] / (float) Math.sqrt(cache[i]); // EXPECT: UnguardedSqrt
            }
        }

        public void updateWithEps(float[] w, float[] grad) {
            for (int i = 0; i < w.length; i++) {
                cache[i] = decay * cache[i] + (1 - decay) * grad[i] * grad[i];
                w[i] -= lr * grad[i] / ((float) Math.sqrt(cache[i]) + 1e-6f); // SAFE: UnguardedSqrt
            }
        }
    }

    /** AdaGrad with the accumulator starting at zero. */
    public static final class AdaGradZeroInit {
        private final double[] acc;
        private final double lr;

        public AdaGradZeroInit(int n, double lr) {
            this.acc = new double[n];
            this.lr = lr;
        }

        public void update(double[] w, double[] grad) {
            for (int i = 0; i < w.length; i++) {
                acc[i] += grad[i] * grad[i];
                w[i] -= lr * grad[i] / Math.sqrt(acc[i]); // EXPECT: UnguardedSqrt
            }
        }
    }

    /** AdaGrad with the accumulator initialised to 0.1, as in the original paper's experiments. */
    public static final class AdaGradWarmStart {
        private static final double INITIAL_ACCUMULATOR = 0.1;
        private final double[] acc;
        private final double lr;

        public AdaGradWarmStart(int n, double lr) {
            this.acc = new double[n];
            Arrays.fill(acc, INITIAL_ACCUMULATOR);
            this.lr = lr;
        }

        public void update(double[] w, double[] grad) {
            for (int i = 0; i < w.length; i++) {
                acc[i] += grad[i] * grad[i];
                w[i] -= lr * grad[i] / Math.sqrt(acc[i]); // SAFE: UnguardedSqrt
            }
        }
    }

    private RmsPropAndAdaGrad() {}
}
