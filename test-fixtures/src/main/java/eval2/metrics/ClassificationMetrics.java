package eval2.metrics;

/**
 * Confusion-matrix based metrics for the nightly evaluation report (per-class precision, recall, F1,
 * Matthews correlation, log-loss).
 */
public final class ClassificationMetrics {

    private final int numClasses;
    private final long[][] confusion;

    public ClassificationMetrics(int numClasses) {
        if (numClasses < 2) {
            throw new IllegalArgumentException("need at least two classes");
        }
        this.numClasses = numClasses;
        this.confusion = new long[numClasses][numClasses];
    }

    public void add(int actual, int predicted) {
        confusion[actual][predicted]++;
    }

    public double precision(int k) {
        long tp = confusion[k][k];
        long predicted = 0;
        for (int a = 0; a < numClasses; a++) {
            predicted += confusion[a][k];
        }
        return tp / (double) predicted; // EXPECT: UnguardedDivision
    }

    public double recall(int k) {
        long tp = confusion[k][k];
        long actual = 0;
        for (long c : confusion[k]) {
            actual += c;
        }
        return actual == 0 ? 0.0 : tp / (double) actual; // SAFE: UnguardedDivision
    }

    public double f1(int k) {
        double p = precision(k);
        double r = recall(k);
        return 2 * p * r / (p + r); // EXPECT: UnguardedDivision
    }

    public double macroF1() {
        double sum = 0.0;
        for (int k = 0; k < numClasses; k++) {
            double f = f1(k);
            if (f != Double.NaN) { // EXPECT: NaNEquality
                sum += f;
            }
        }
        return sum / numClasses; // SAFE: UnguardedDivision
    }

    /** Macro F1 that skips classes whose F1 is undefined. */
    public double macroF1Defined() {
        double sum = 0.0;
        int defined = 0;
        for (int k = 0; k < numClasses; k++) {
            double f = f1(k);
            if (Double.isNaN(f)) { // SAFE: NaNEquality
                continue;
            }
            sum += f;
            defined++;
        }
        return defined == 0 ? 0.0 : sum / defined; // SAFE: UnguardedDivision
    }

    /** Matthews correlation coefficient for a binary confusion matrix. */
    public static double mcc(long tp, long tn, long fp, long fn) {
        double num = (double) tp * tn - (double) fp * fn;
        double den = Math.sqrt((double) (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
        return num / den; // EXPECT: UnguardedDivision
    }

    public static double mccDefined(long tp, long tn, long fp, long fn) {
        double den = Math.sqrt((double) (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
        if (den == 0.0) {
            return 0.0;
        }
        return ((double) tp * tn - (double) fp * fn) / den; // SAFE: UnguardedDivision
    }

    /** Binary log-loss of predicted probabilities, as logged by the serving shadow run. */
    public static double logLoss(double[] probs, int[] labels) {
        if (probs.length == 0) {
            throw new IllegalArgumentException("no predictions");
        }
        double total = 0.0;
        for (int i = 0; i < probs.length; i++) {
            double p = labels[i] == 1 ? probs[i] : 1.0 - probs[i];
            total -= Math.log(p); // EXPECT: UnguardedLog
        }
        return total / probs.length; // SAFE: UnguardedDivision
    }

    /** The same metric clipped as scikit-learn does. */
    public static double logLossClipped(double[] probs, int[] labels) {
        if (probs.length == 0) {
            return 0.0;
        }
        double total = 0.0;
        for (int i = 0; i < probs.length; i++) {
            double p = Math.min(Math.max(probs[i], 1e-15), 1 - 1e-15);
            double logP = Math.log(p); // SAFE: UnguardedLog
            double logQ = Math.log(1 - p); // SAFE: UnguardedLog
            total -= labels[i] * logP + (1 - labels[i]) * logQ;
        }
        return total / probs.length;
    }

    /** Brier-style check used in CI: fails on NaN predictions. */
    public static void requireFinite(double[] probs) {
        for (double p : probs) {
            if (p != p) { // SAFE: NaNEquality
                throw new IllegalStateException("NaN prediction");
            }
        }
    }
}
