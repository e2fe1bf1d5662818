package eval2.optim;

/**
 * Large-batch optimisers for the pretraining job: LAMB (layer-wise trust ratio on top of Adam) and
 * Adafactor (factored second moments for weight matrices).
 */
public final class LambAdafactor {

    static double l2(double[] x) {
        double s = 0.0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s); // SAFE: UnguardedSqrt
    }

    /** One LAMB layer. */
    public static final class Lamb {
        private final double lr;
        private final double beta1 = 0.9;
        private final double beta2 = 0.999;
        private final double eps = 1e-6;
        private final double weightDecay;
        private final double[] m;
        private final double[] v;

        public Lamb(int size, double lr, double weightDecay) {
            this.lr = lr;
            this.weightDecay = weightDecay;
            this.m = new double[size];
            this.v = new double[size];
        }

        public void step(double[] w, double[] g) {
            double[] update = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                update[i] = m[i] / (Math.sqrt(v[i]) + eps) + weightDecay * w[i]; // SAFE: UnguardedSqrt
            }
            double wNorm = l2(w);
            double uNorm = l2(update);
            double trust = wNorm / uNorm; // EXPECT: UnguardedDivision
            for (int i = 0; i < w.length; i++) {
                w[i] -= lr * trust * update[i];
            }
        }

        /** Trust ratio as in the reference implementation. */
        public static double trustRatio(double wNorm, double uNorm) {
            return wNorm > 0 && uNorm > 0 ? wNorm / uNorm : 1.0; // SAFE: UnguardedDivision
        }
    }

    /** Adafactor for one weight matrix (no momentum, relative step size, update clipping). */
    public static final class Adafactor {
        private static final double EPS1 = 1e-30;
        private static final double EPS2 = 1e-3;
        private static final double CLIP_THRESHOLD = 1.0;
        private final double[] rowAcc;
        private final double[] colAcc;
        private int t;

        public Adafactor(int rows, int cols) {
            this.rowAcc = new double[rows];
            this.colAcc = new double[cols];
        }

        public void step(double[][] w, double[][] grad) {
            t++;
            int rows = rowAcc.length;
            int cols = colAcc.length;
            double beta2 = 1.0 - Math.pow(t, -0.8); // SAFE: PowDomain
            double[] rowMean = new double[rows];
            double[] colMean = new double[cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double g2 = grad[i][j] * grad[i][j] + EPS1;
                    rowMean[i] += g2 / cols;
                    colMean[j] += g2 / rows;
                }
            }
            double rowTotal = 0.0;
            for (int i = 0; i < rows; i++) {
                rowAcc[i] = beta2 * rowAcc[i] + (1 - beta2) * rowMean[i];
                rowTotal += rowAcc[i];
            }
            for (int j = 0; j < cols; j++) {
                colAcc[j] = beta2 * colAcc[j] + (1 - beta2) * colMean[j];
            }
            double[][] u = new double[rows][cols];
            double sq = 0.0;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double vHat = rowAcc[i] * colAcc[j] / rowTotal; // SAFE: UnguardedDivision
                    u[i][j] = grad[i][j] / Math.sqrt(vHat); // SAFE: UnguardedSqrt
                    sq += u[i][j] * u[i][j];
                }
            }
            double rms = Math.sqrt(sq / (rows * cols));
            double clip = Math.max(1.0, rms / CLIP_THRESHOLD);
            double wSq = 0.0;
            for (double[] row : w) {
                for (double x : row) {
                    wSq += x * x;
                }
            }
            double relStep = Math.min(1e-2, 1.0 / Math.sqrt(t)); // SAFE: UnguardedDivision
            double alpha = Math.max(EPS2, Math.sqrt(wSq / (rows * cols))) * relStep;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    w[i][j] -= alpha * u[i][j] / clip; // SAFE: UnguardedDivision
                }
            }
        }
    }
}
