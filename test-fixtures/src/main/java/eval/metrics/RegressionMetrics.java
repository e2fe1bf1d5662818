package eval.metrics;

/** Regression metrics for the demand-forecast evaluation. */
public final class RegressionMetrics {
    private static final double EPS = 1e-9;

    private RegressionMetrics() {}

    /** R^2; a store whose sales were constant over the window has ssTot = 0. */
    public static double r2(double[] y, double[] yHat) {
        double mean = 0;
        for (double v : y) mean += v;
        mean /= y.length;
        double ssRes = 0, ssTot = 0;
        for (int i = 0; i < y.length; i++) {
            ssRes += (y[i] - yHat[i]) * (y[i] - yHat[i]);
            ssTot += (y[i] - mean) * (y[i] - mean);
        }
        return 1 - ssRes / ssTot; // EXPECT: UnguardedDivision
    }

    /** MAPE; zero-sales days are routine for slow-moving items. */
    public static double mape(double[] y, double[] yHat) {
        double acc = 0;
        for (int i = 0; i < y.length; i++) {
            acc += Math.abs((y[i] - yHat[i]) / y[i]); // EXPECT: UnguardedDivision
        }
        return 100 * acc / y.length;
    }

    /** Symmetric MAPE with an epsilon in the denominator. */
    public static double smape(double[] y, double[] yHat) {
        double acc = 0;
        for (int i = 0; i < y.length; i++) {
            acc += Math.abs(y[i] - yHat[i]) / (Math.abs(y[i]) + Math.abs(yHat[i]) + EPS); // SAFE: UnguardedDivision
        }
        return 200 * acc / y.length;
    }

    public static double rmse(double[] y, double[] yHat) {
        double s = 0;
        for (int i = 0; i < y.length; i++) s += (y[i] - yHat[i]) * (y[i] - yHat[i]);
        return Math.sqrt(s / y.length); // SAFE: UnguardedSqrt
    }

    /** RMSLE; predictions come from a Poisson head (exp of the linear predictor), targets are counts. */
    public static double rmsle(double[] counts, double[] predictedRate) {
        double s = 0;
        for (int i = 0; i < counts.length; i++) {
            double d = Math.log1p(predictedRate[i]) - Math.log1p(counts[i]); // SAFE: UnguardedLog
            s += d * d;
        }
        return Math.sqrt(s / counts.length);
    }

    /** Log ratio of forecast to actual, used to detect systematic bias. */
    public static double meanLogRatio(double[] actual, double[] forecast) {
        double s = 0;
        int used = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] <= 0 || forecast[i] <= 0) continue;
            s += Math.log(forecast[i] / actual[i]); // SAFE: UnguardedLog
            used++;
        }
        return used == 0 ? 0.0 : s / used; // SAFE: UnguardedDivision
    }
}
