package eval2.prob;

import java.util.Random;

/** Diagonal-covariance Gaussian mixture fitted by EM, used to model normal traffic for anomaly scores. */
public class DiagonalGmm {

    private static final double REG_COVAR = 1e-6;
    private static final double LOG_2PI = Math.log(2 * Math.PI); // SAFE: UnguardedLog

    private final int k;
    private final double[] weights;
    private final double[][] means;
    private final double[][] vars;

    public DiagonalGmm(int k, int d, Random rng) {
        this.k = k;
        this.weights = new double[k];
        this.means = new double[k][d];
        this.vars = new double[k][d];
        for (int c = 0; c < k; c++) {
            weights[c] = 1.0 / k; // SAFE: UnguardedDivision
            for (int j = 0; j < d; j++) {
                means[c][j] = rng.nextGaussian();
                vars[c][j] = 1.0;
            }
        }
    }

    double logGaussian(double[] x, int c) {
        double s = 0.0;
        for (int j = 0; j < x.length; j++) {
            double dev = x[j] - means[c][j];
            s += LOG_2PI + Math.log(vars[c][j]) + dev * dev / vars[c][j];
        }
        return -0.5 * s;
    }

    /** E-step for one point: responsibilities, returns the point's log-likelihood. */
    double responsibilities(double[] x, double[] resp) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            resp[c] = Math.log(weights[c]) + logGaussian(x, c);
            max = Math.max(max, resp[c]);
        }
        double norm = 0.0;
        for (int c = 0; c < k; c++) {
            resp[c] = Math.exp(resp[c] - max); // SAFE: UnstableSoftmax
            norm += resp[c];
        }
        for (int c = 0; c < k; c++) {
            resp[c] /= norm; // SAFE: UnguardedDivision
        }
        return max + Math.log(norm); // SAFE: UnguardedLog
    }

    /** One EM iteration over the data; returns the mean log-likelihood. */
    public double emStep(double[][] data) {
        int n = data.length;
        int d = means[0].length;
        double[][] resp = new double[n][k];
        double ll = 0.0;
        for (int i = 0; i < n; i++) {
            ll += responsibilities(data[i], resp[i]);
        }
        for (int c = 0; c < k; c++) {
            double nk = 0.0;
            for (int i = 0; i < n; i++) {
                nk += resp[i][c];
            }
            weights[c] = nk / n;
            for (int j = 0; j < d; j++) {
                double s = 0.0;
                for (int i = 0; i < n; i++) {
                    s += resp[i][c] * data[i][j];
                }
                means[c][j] = s / nk; // EXPECT: UnguardedDivision
            }
            for (int j = 0; j < d; j++) {
                double s = 0.0;
                for (int i = 0; i < n; i++) {
                    double dev = data[i][j] - means[c][j];
                    s += resp[i][c] * dev * dev;
                }
                vars[c][j] = s / (nk + 10 * Math.ulp(1.0)) + REG_COVAR; // SAFE: UnguardedDivision
            }
        }
        return ll / n;
    }

    /** Draws a sample for the synthetic-anomaly generator (Box-Muller). */
    public double[] sample(Random rng) {
        double u = rng.nextDouble();
        int c = 0;
        double acc = weights[0];
        while (u > acc && c < k - 1) {
            c++;
            acc += weights[c];
        }
        double[] x = new double[means[c].length];
        for (int j = 0; j < x.length; j++) {
            double u1 = 1.0 - rng.nextDouble();
            double u2 = rng.nextDouble();
            double logU = Math.log(u1); // SAFE: UnguardedLog
            double radius = Math.sqrt(-2.0 * logU); // SAFE: UnguardedSqrt
            double z = radius * Math.cos(2 * Math.PI * u2);
            x[j] = means[c][j] + Math.sqrt(vars[c][j]) * z;
        }
        return x;
    }
}
