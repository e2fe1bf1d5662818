package eval.metrics;

/** Calibration metrics: expected calibration error and clipped log-loss. */
public final class Calibration {
    private static final double EPS = 1e-15;

    private Calibration() {}

    /** ECE with equal-width bins; sharp models leave middle bins empty. */
    public static double ece(double[] confidence, boolean[] correct, int bins) {
        double[] confSum = new double[bins];
        double[] accSum = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < confidence.length; i++) {
            int b = Math.min(bins - 1, (int) (confidence[i] * bins));
            confSum[b] += confidence[i];
            accSum[b] += correct[i] ? 1 : 0;
            count[b]++;
        }
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            double avgConf = confSum[b] / count[b]; // EXPECT: UnguardedDivision
            double avgAcc = accSum[b] / count[b]; // EXPECT: UnguardedDivision
            ece += count[b] / (double) confidence.length * Math.abs(avgAcc - avgConf);
        }
        return ece;
    }

    public static double eceSafe(double[] confidence, boolean[] correct, int bins) {
        if (confidence.length == 0) return 0.0;
        double[] confSum = new double[bins];
        double[] accSum = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < confidence.length; i++) {
            int b = Math.min(bins - 1, (int) (confidence[i] * bins));
            confSum[b] += confidence[i];
            accSum[b] += correct[i] ? 1 : 0;
            count[b]++;
        }
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] == 0) continue;
            double gap = Math.abs(accSum[b] / count[b] - confSum[b] / count[b]); // SAFE: UnguardedDivision
            ece += count[b] / (double) confidence.length * gap; // SAFE: UnguardedDivision
        }
        return ece;
    }

    /** sklearn-style log_loss with eps clipping of the predicted probabilities. */
    public static double logLoss(double[] yTrue, double[] yPred) {
        double total = 0;
        for (int i = 0; i < yTrue.length; i++) {
            double p = clip(yPred[i], EPS, 1 - EPS);
            total += -(yTrue[i] * Math.log(p) + (1 - yTrue[i]) * Math.log(1 - p)); // SAFE: UnguardedLog
        }
        return total / Math.max(yTrue.length, 1); // SAFE: UnguardedDivision
    }

    /** Brier score. */
    public static double brier(double[] yTrue, double[] yPred) {
        double s = 0;
        for (int i = 0; i < yTrue.length; i++) s += (yPred[i] - yTrue[i]) * (yPred[i] - yTrue[i]);
        return s / yTrue.length;
    }

    private static double clip(double p, double lo, double hi) {
        return Math.max(lo, Math.min(hi, p));
    }
}
