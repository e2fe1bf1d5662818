package eval.clustering;

/** One-dimensional Gaussian mixture fitted with EM (latency modelling). */
public class GaussianMixture1d {
    private static final double VAR_FLOOR = 1e-6;
    private static final double LOG_2PI = Math.log(2 * Math.PI); // SAFE: UnguardedLog
    private final double[] weight;
    private final double[] mu;
    private final double[] var;

    public GaussianMixture1d(double[] initMeans) {
        int k = initMeans.length;
        weight = new double[k];
        mu = initMeans.clone();
        var = new double[k];
        java.util.Arrays.fill(weight, 1.0 / k);
        java.util.Arrays.fill(var, 1.0);
    }

    double density(int c, double x) {
        double d = x - mu[c];
        return Math.exp(-d * d / (2 * var[c])) / Math.sqrt(2 * Math.PI * var[c]);
    }

    /** Log-likelihood of the data: an outlier far from every component gets density 0. */
    public double logLikelihood(double[] xs) {
        double ll = 0;
        for (double x : xs) {
            double px = 0;
            for (int c = 0; c < weight.length; c++) px += weight[c] * density(c, x);
            ll += Math.log(px); // EXPECT: UnguardedLog
        }
        return ll;
    }

    /** Same quantity through log-densities and log-sum-exp. */
    public double logLikelihoodStable(double[] xs) {
        double ll = 0;
        double[] lp = new double[weight.length];
        for (double x : xs) {
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < weight.length; c++) {
                double d = x - mu[c];
                lp[c] = Math.log(weight[c]) - 0.5 * (LOG_2PI + Math.log(var[c]) + d * d / var[c]);
                best = Math.max(best, lp[c]);
            }
            double s = 0;
            for (double v : lp) s += Math.exp(v - best); // SAFE: UnstableSoftmax
            ll += best + Math.log(s); // SAFE: UnguardedLog
        }
        return ll;
    }

    public void emStep(double[] xs) {
        int k = weight.length;
        double[] nk = new double[k];
        double[] sx = new double[k];
        double[] sxx = new double[k];
        for (double x : xs) {
            double[] r = new double[k];
            double total = 0;
            for (int c = 0; c < k; c++) {
                r[c] = weight[c] * density(c, x);
                total += r[c];
            }
            for (int c = 0; c < k; c++) {
                r[c] /= total; // EXPECT: UnguardedDivision
                nk[c] += r[c];
                sx[c] += r[c] * x;
                sxx[c] += r[c] * x * x;
            }
        }
        for (int c = 0; c < k; c++) {
            weight[c] = nk[c] / xs.length;
            mu[c] = sx[c] / Math.max(nk[c], 1e-12); // SAFE: UnguardedDivision
            var[c] = Math.max(sxx[c] / Math.max(nk[c], 1e-12) - mu[c] * mu[c], VAR_FLOOR);
        }
    }
}
