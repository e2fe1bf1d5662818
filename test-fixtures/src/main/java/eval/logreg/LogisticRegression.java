package eval.logreg;

import java.util.Random;

/** Binary logistic regression trained with mini-batch SGD on dense features. */
public final class LogisticRegression {
    private static final double EPS = 1e-12;

    private final double[] w;
    private double b;
    private final double learningRate;
    private final double l2;

    public LogisticRegression(int nFeatures, double learningRate, double l2) {
        this.w = new double[nFeatures];
        this.learningRate = learningRate;
        this.l2 = l2;
    }

    static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z)); // SAFE: UnstableSoftmax
    }

    /** Binary cross-entropy computed from the logit, never from the probability. */
    static double bceFromLogit(double z, double y) {
        return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z))); // SAFE: UnguardedLog
    }

    public void fit(double[][] x, int[] y, int epochs, int batchSize, long seed) {
        if (x.length == 0) {
            throw new IllegalArgumentException("empty training set");
        }
        Random rnd = new Random(seed);
        int n = x.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int epoch = 0; epoch < epochs; epoch++) { // SAFE: UncheckedTrainingLoss
            shuffle(order, rnd);
            double epochLoss = 0;
            for (int start = 0; start < n; start += batchSize) {
                int end = Math.min(n, start + batchSize);
                double[] grad = new double[w.length];
                double gradB = 0;
                for (int k = start; k < end; k++) {
                    int i = order[k];
                    double z = dot(w, x[i]) + b;
                    double err = sigmoid(z) - y[i];
                    for (int j = 0; j < w.length; j++) grad[j] += err * x[i][j];
                    gradB += err;
                    epochLoss += bceFromLogit(z, y[i]);
                }
                double m = end - start;
                for (int j = 0; j < w.length; j++) {
                    w[j] -= learningRate * (grad[j] / m + l2 * w[j]); // SAFE: UnguardedDivision
                }
                b -= learningRate * gradB / m;
            }
            double meanLoss = epochLoss / n; // SAFE: UnguardedDivision
            if (!Double.isFinite(meanLoss)) {
                throw new IllegalStateException("loss diverged at epoch " + epoch + ": " + meanLoss);
            }
        }
    }

    public double predictProba(double[] xi) {
        return sigmoid(dot(w, xi) + b);
    }

    /** Mean log-likelihood reported on the validation set. */
    public double logLikelihood(double[][] x, int[] y) {
        double ll = 0;
        for (int i = 0; i < x.length; i++) {
            double p = sigmoid(dot(w, x[i]) + b);
            ll += y[i] == 1 ? Math.log(Math.max(p, EPS)) : Math.log(Math.max(1 - p, EPS)); // EXPECT: LogOfSoftmax
        }
        return x.length == 0 ? 0 : ll / x.length; // SAFE: UnguardedDivision
    }

    /** Log-odds of a calibrated probability; callers pass validated probabilities in (0, 1). */
    public static double logit(double p) {
        double q = Math.min(Math.max(p, EPS), 1 - EPS);
        return Math.log(q / (1 - q)); // SAFE: UnguardedLog
    }

    private static double dot(double[] a, double[] c) {
        double s = 0;
        for (int j = 0; j < a.length; j++) s += a[j] * c[j];
        return s;
    }

    private static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
