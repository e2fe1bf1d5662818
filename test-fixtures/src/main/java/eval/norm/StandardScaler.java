package eval.norm;

/** Column-wise z-score scaling fitted on the training matrix. */
public class StandardScaler {
    private static final double EPS = 1e-8;
    private double[] mean;
    private double[] std;

    /** One-pass fit (sum and sum of squares), as in the streaming ingestion job. */
    public void fitOnePass(double[][] x) {
        int d = x[0].length;
        int n = x.length;
        mean = new double[d];
        std = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = 0, sumSq = 0;
            for (double[] row : x) {
                sum += row[j];
                sumSq += row[j] * row[j];
            }
            mean[j] = sum / n;
            double variance = sumSq / n - mean[j] * mean[j];
            std[j] = Math.sqrt(variance); // EXPECT: UnguardedSqrt
        }
    }

    /** One-pass fit with the variance clamped at zero. */
    public void fitOnePassClamped(double[][] x) {
        int d = x[0].length;
        int n = x.length;
        mean = new double[d];
        std = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = 0, sumSq = 0;
            for (double[] row : x) {
                sum += row[j];
                sumSq += row[j] * row[j];
            }
            mean[j] = sum / n;
            double variance = sumSq / n - mean[j] * mean[j];
            if (variance < 0) variance = 0;
            std[j] = Math.sqrt(variance); // SAFE: UnguardedSqrt
        }
    }

    /** Two-pass fit: centred squares. */
    public void fit(double[][] x) {
        int d = x[0].length;
        mean = new double[d];
        std = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (double[] row : x) sum += row[j];
            mean[j] = sum / x.length;
            double squares = 0;
            for (double[] row : x) squares += (row[j] - mean[j]) * (row[j] - mean[j]);
            std[j] = Math.sqrt(squares / x.length); // SAFE: UnguardedSqrt
        }
    }

    /** A one-hot or constant column has std 0 here. */
    public double[] transform(double[] row) {
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = (row[j] - mean[j]) / std[j]; // EXPECT: UnguardedDivision
        }
        return out;
    }

    public double[] transformSafe(double[] row) {
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = (row[j] - mean[j]) / (std[j] + EPS); // SAFE: UnguardedDivision
        }
        return out;
    }

    /** sklearn behaviour: a zero scale is replaced by 1. */
    public double[] transformSklearn(double[] row) {
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            double s = std[j];
            if (s == 0.0) s = 1.0;
            out[j] = (row[j] - mean[j]) / s; // SAFE: UnguardedDivision
        }
        return out;
    }

    /** Std via pow, copied from the feature-store UDF. */
    public static double stdPow(double[] col) {
        double s = 0, s2 = 0;
        for (double v : col) {
            s += v;
            s2 += v * v;
        }
        double mu = s / col.length;
        double variance = s2 / col.length - mu * mu;
        return Math.pow(variance, 0.5); // EXPECT: PowDomain
    }
}
