package eval.optim;

/** Hand-rolled Adam for the embedding tables (sparse rows stay at zero gradient for a long time). */
public class AdamOptimizer {
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double[] m;
    private final double[] v;
    private int t;

    public AdamOptimizer(int size, double lr, double beta1, double beta2) {
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.m = new double[size];
        this.v = new double[size];
    }

    /** Step as written in the first port: no epsilon. */
    public void stepNoEps(double[] w, double[] g) {
        t++;
        double bc1 = 1 - Math.pow(beta1, t);
        double bc2 = 1 - Math.pow(beta2, t);
        for (int i = 0; i < w.length; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            double mHat = m[i] / bc1; // SAFE: UnguardedDivision
            double vHat = v[i] / bc2;
            w[i] -= lr * mHat / Math.sqrt(vHat); // EXPECT: UnguardedSqrt
        }
    }

    /** Paper version: epsilon outside the root, step size with folded bias correction. */
    public void step(double[] w, double[] g) {
        t++;
        double corr2 = Math.sqrt(1 - Math.pow(beta2, t)); // SAFE: UnguardedSqrt
        double alphaT = lr * corr2 / (1 - Math.pow(beta1, t)); // SAFE: UnguardedDivision
        for (int i = 0; i < w.length; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            w[i] -= alphaT * m[i] / (Math.sqrt(v[i]) + 1e-8); // SAFE: UnguardedSqrt
        }
    }

    /** AdamW-style decoupled decay, epsilon inside the root. */
    public void stepDecoupled(double[] w, double[] g, double weightDecay) {
        t++;
        for (int i = 0; i < w.length; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            w[i] -= lr * (m[i] / Math.sqrt(v[i] + 1e-8) + weightDecay * w[i]); // SAFE: UnguardedSqrt
        }
    }

    /** Only touch weights that have seen a gradient. */
    public void stepLazy(double[] w, double[] g) {
        t++;
        for (int i = 0; i < w.length; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            if (v[i] > 0) {
                w[i] -= lr * m[i] / Math.sqrt(v[i]); // SAFE: UnguardedSqrt
            }
        }
    }
}
