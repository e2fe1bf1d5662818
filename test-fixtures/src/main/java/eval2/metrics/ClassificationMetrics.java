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
        return tp / (double) predicted; // EXPECT: UnguardedDivision @@ a class the model never predicts (typical for rare classes early in training) has predicted == 0: 0/0 = NaN in the report and in macro averages
    }

    public double recall(int k) {
        long tp = confusion[k][k];
        long actual = 0;
        for (long c : confusion[k]) {
            actual += c;
        }
        return actual == 0 ? 0.0 : tp / (double) actual; // SAFE: UnguardedDivision @@ actual == 0 handled by the ternary
    }

    public double f1(int k) {
        double p = precision(k);
        double r = recall(k);
        return 2 * p * r / (p + r); // EXPECT: UnguardedDivision @@ precision + recall is 0 for any class with no true positives: 0/0 = NaN
    }

    public double macroF1() {
        double sum = 0.0;
        for (int k = 0; k < numClasses; k++) {
            double f = f1(k);
            if (f != Double.NaN) { // EXPECT: NaNEquality @@ f != NaN is always true: the NaN F1 of a never-predicted class is summed into the macro average anyway
                sum += f;
            }
        }
        return sum / numClasses; // SAFE: UnguardedDivision @@ numClasses is a final field validated >= 2 in the constructor
    }

    /** Macro F1 that skips classes whose F1 is undefined. */
    public double macroF1Defined() {
        double sum = 0.0;
        int defined = 0;
        for (int k = 0; k < numClasses; k++) {
            double f = f1(k);
            if (Double.isNaN(f)) { // SAFE: NaNEquality @@ Double.isNaN is the correct test
                continue;
            }
            sum += f;
            defined++;
        }
        return defined == 0 ? 0.0 : sum / defined; // SAFE: UnguardedDivision @@ defined == 0 handled by the ternary
    }

    /** Matthews correlation coefficient for a binary confusion matrix. */
    public static double mcc(long tp, long tn, long fp, long fn) {
        double num = (double) tp * tn - (double) fp * fn;
        double den = Math.sqrt((double) (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
        return num / den; // EXPECT: UnguardedDivision @@ den is 0 whenever a row or column of the confusion matrix is empty (a classifier predicting only one class): 0/0 = NaN
    }

    public static double mccDefined(long tp, long tn, long fp, long fn) {
        double den = Math.sqrt((double) (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
        if (den == 0.0) {
            return 0.0;
        }
        return ((double) tp * tn - (double) fp * fn) / den; // SAFE: UnguardedDivision @@ den == 0 returns early
    }

    /** Binary log-loss of predicted probabilities, as logged by the serving shadow run. */
    public static double logLoss(double[] probs, int[] labels) {
        if (probs.length == 0) {
            throw new IllegalArgumentException("no predictions");
        }
        double total = 0.0;
        for (int i = 0; i < probs.length; i++) {
            double p = labels[i] == 1 ? probs[i] : 1.0 - probs[i];
            total -= Math.log(p); // EXPECT: UnguardedLog @@ p is a predicted probability or its complement, 0 for a confidently wrong prediction (or probs[i] == 1.0 for a negative): -log(0) = Infinity
        }
        return total / probs.length; // SAFE: UnguardedDivision @@ empty input throws at the top
    }

    /** The same metric clipped as scikit-learn does. */
    public static double logLossClipped(double[] probs, int[] labels) {
        if (probs.length == 0) {
            return 0.0;
        }
        double total = 0.0;
        for (int i = 0; i < probs.length; i++) {
            double p = Math.min(Math.max(probs[i], 1e-15), 1 - 1e-15);
            double logP = Math.log(p); // SAFE: UnguardedLog @@ p clamped to [1e-15, 1 - 1e-15]
            double logQ = Math.log(1 - p); // SAFE: UnguardedLog @@ 1 - p with p clamped below 1 - 1e-15
            total -= labels[i] * logP + (1 - labels[i]) * logQ;
        }
        return total / probs.length;
    }

    /** Brier-style check used in CI: fails on NaN predictions. */
    public static void requireFinite(double[] probs) {
        for (double p : probs) {
            if (p != p) { // SAFE: NaNEquality @@ the x != x idiom is a correct NaN test
                throw new IllegalStateException("NaN prediction");
            }
        }
    }
}
