package eval2.metrics;

import java.util.stream.IntStream;

/** Metrics of the demand-forecasting regressor (daily unit sales per store and item). */
public final class RegressionMetrics {

    private RegressionMetrics() {
    }

    /** Mean absolute percentage error, in percent. */
    public static double mape(double[] actual, double[] forecast) {
        double s = 0.0;
        for (int i = 0; i < actual.length; i++) {
            s += Math.abs((actual[i] - forecast[i]) / actual[i]); // EXPECT: UnguardedDivision
        }
        return 100.0 * s / actual.length;
    }

    /** Symmetric MAPE, in percent. */
    public static double smape(double[] actual, double[] forecast) {
        return 100.0 * IntStream.range(0, actual.length)
                .mapToDouble(i -> Math.abs(forecast[i] - actual[i]) / ((Math.abs(actual[i]) + Math.abs(forecast[i])) / 2.0)) // EXPECT: UnguardedDivision
                .average()
                .orElse(0.0);
    }

    /** SMAPE with the 0/0 case defined as a perfect forecast. */
    public static double smapeDefined(double[] actual, double[] forecast) {
        double s = 0.0;
        for (int i = 0; i < actual.length; i++) {
            double denom = Math.abs(actual[i]) + Math.abs(forecast[i]);
            if (denom == 0.0) {
                continue;
            }
            s += 2.0 * Math.abs(forecast[i] - actual[i]) / denom; // SAFE: UnguardedDivision
        }
        return actual.length == 0 ? 0.0 : 100.0 * s / actual.length;
    }

    /** Coefficient of determination. */
    public static double r2(double[] y, double[] yHat) {
        double mean = 0.0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double ssRes = 0.0;
        double ssTot = 0.0;
        for (int i = 0; i < y.length; i++) {
            ssRes += (y[i] - yHat[i]) * (y[i] - yHat[i]);
            ssTot += (y[i] - mean) * (y[i] - mean);
        }
        return 1.0 - ssRes / ssTot; // EXPECT: UnguardedDivision
    }

    /** Pearson correlation, one pass (used on streaming data). */
    public static double pearsonOnePass(double[] x, double[] y) {
        int n = x.length;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sx += x[i];
            sy += y[i];
            sxx += x[i] * x[i];
            syy += y[i] * y[i];
            sxy += x[i] * y[i];
        }
        double num = n * sxy - sx * sy;
        double denX = Math.sqrt(n * sxx - sx * sx); // EXPECT: UnguardedSqrt
        double denY = Math.sqrt(Math.max(n * syy - sy * sy, 0.0)); // SAFE: UnguardedSqrt
        return num / (denX * denY);
    }

    /** Pearson correlation, two passes. */
    public static double pearson(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return 0.0;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return 0.0;
        }
        return sxy / Math.sqrt(sxx * syy); // SAFE: UnguardedDivision
    }

    /** Kendall's tau implied by a Pearson correlation under bivariate normality (Greiner's relation). */
    public static double impliedKendallTau(double[] x, double[] y) {
        double r = pearsonOnePass(x, y);
        return 2.0 / Math.PI * Math.asin(r); // EXPECT: InverseTrigDomain
    }

    public static double impliedKendallTauClamped(double[] x, double[] y) {
        double r = Math.max(-1.0, Math.min(1.0, pearson(x, y)));
        return 2.0 / Math.PI * Math.asin(r); // SAFE: InverseTrigDomain
    }

    /** Root mean squared error. */
    public static double rmse(double[] y, double[] yHat) {
        if (y.length == 0) {
            return 0.0;
        }
        double sse = 0.0;
        for (int i = 0; i < y.length; i++) {
            double e = y[i] - yHat[i];
            sse += e * e;
        }
        return Math.sqrt(sse / y.length); // SAFE: UnguardedSqrt
    }

    /** Standard deviation of residuals, computed in one pass for the monitoring job. */
    public static double residualStd(double[] y, double[] yHat) {
        if (y.length == 0) {
            return 0.0;
        }
        double sum = 0.0;
        double sumSq = 0.0;
        for (int i = 0; i < y.length; i++) {
            double e = y[i] - yHat[i];
            sum += e;
            sumSq += e * e;
        }
        double mean = sum / y.length;
        return Math.sqrt(sumSq / y.length - mean * mean); // EXPECT: UnguardedSqrt
    }
}
