package eval2.optim;

import java.util.HashMap;
import java.util.Map;

/**
 * AdamW (decoupled weight decay) over flat parameter vectors, and a lazy "sparse Adam" for embedding
 * tables where only the rows in the minibatch are updated.
 */
public final class AdamW {

    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final double[] m;
    private final double[] v;
    private int t;

    public AdamW(int size, double lr, double beta1, double beta2, double eps, double weightDecay) {
        if (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1) {
            throw new IllegalArgumentException("betas must be in [0, 1)");
        }
        if (eps <= 0) {
            throw new IllegalArgumentException("eps must be positive");
        }
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.m = new double[size];
        this.v = new double[size];
    }

    public void step(double[] w, double[] g) {
        t++;
        double bc1 = 1.0 - Math.pow(beta1, t); // SAFE: PowDomain
        double bc2 = 1.0 - Math.pow(beta2, t);
        for (int i = 0; i < w.length; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            double mHat = m[i] / bc1; // SAFE: UnguardedDivision
            double vHat = v[i] / bc2;
            w[i] -= lr * (mHat / (Math.sqrt(vHat) + eps) + weightDecay * w[i]); // SAFE: UnguardedSqrt
        }
    }

    /** Step size with the bias corrections folded in, as in the paper's efficient form. */
    public double effectiveStepSize() {
        return lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)); // SAFE: UnguardedSqrt
    }

    /** Lazy Adam for an embedding table: moments are kept and updated only for the rows seen. */
    public static final class SparseAdam {
        private final double lr;
        private final double beta1;
        private final double beta2;
        private final Map<Integer, double[]> m1 = new HashMap<>();
        private final Map<Integer, double[]> m2 = new HashMap<>();

        public SparseAdam(double lr, double beta1, double beta2) {
            this.lr = lr;
            this.beta1 = beta1;
            this.beta2 = beta2;
        }

        public void updateRow(double[][] table, int row, double[] grad) {
            double[] mr = m1.computeIfAbsent(row, r -> new double[grad.length]);
            double[] vr = m2.computeIfAbsent(row, r -> new double[grad.length]);
            double[] emb = table[row];
            for (int j = 0; j < grad.length; j++) {
                mr[j] = beta1 * mr[j] + (1 - beta1) * grad[j];
                vr[j] = beta2 * vr[j] + (1 - beta2) * grad[j] * grad[j];
                emb[j] -= lr * mr[j] / Math.sqrt(vr[j]); // EXPECT: UnguardedSqrt
            }
        }
    }
}
