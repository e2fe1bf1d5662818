package eval.stats;

/** Gaussian naive Bayes on continuous sensor features (several sensors are stuck at a constant value). */
public class GaussianNaiveBayes {
    private static final double VAR_SMOOTHING = 1e-9;
    private double[][] mu;
    private double[][] var;
    private double[] logPrior;

    public void fit(double[][] x, int[] y, int numClasses) {
        int d = x[0].length;
        mu = new double[numClasses][d];
        var = new double[numClasses][d];
        logPrior = new double[numClasses];
        int[] n = new int[numClasses];
        for (int i = 0; i < x.length; i++) {
            n[y[i]]++;
            for (int j = 0; j < d; j++) mu[y[i]][j] += x[i][j];
        }
        for (int c = 0; c < numClasses; c++) {
            if (n[c] == 0) throw new IllegalArgumentException("class " + c + " has no samples");
            for (int j = 0; j < d; j++) mu[c][j] /= n[c]; // SAFE: UnguardedDivision
            logPrior[c] = Math.log(n[c] / (double) x.length); // SAFE: UnguardedLog
        }
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d; j++) {
                double diff = x[i][j] - mu[y[i]][j];
                var[y[i]][j] += diff * diff;
            }
        }
        for (int c = 0; c < numClasses; c++) {
            for (int j = 0; j < d; j++) var[c][j] /= n[c];
        }
    }

    /** Per-feature log density without smoothing. */
    double logDensityRaw(int c, int j, double v) {
        double diff = v - mu[c][j];
        double logNorm = -0.5 * Math.log(2 * Math.PI * var[c][j]); // EXPECT: UnguardedLog
        return logNorm - diff * diff / (2 * var[c][j]); // EXPECT: UnguardedDivision
    }

    /** sklearn-style: var_smoothing added to every variance. */
    double logDensity(int c, int j, double v) {
        double s2 = var[c][j] + VAR_SMOOTHING;
        double diff = v - mu[c][j];
        double logNorm = -0.5 * Math.log(2 * Math.PI * s2); // SAFE: UnguardedLog
        return logNorm - diff * diff / (2 * s2); // SAFE: UnguardedDivision
    }

    public int predict(double[] xi) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < logPrior.length; c++) {
            double s = logPrior[c];
            for (int j = 0; j < xi.length; j++) s += logDensity(c, j, xi[j]);
            if (s > bestScore) {
                bestScore = s;
                best = c;
            }
        }
        return best;
    }
}
