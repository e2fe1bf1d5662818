package eval.metrics;

/** Per-class and macro metrics from predictions; used in the nightly evaluation job. */
public final class ClassificationMetrics {
    private ClassificationMetrics() {}

    /** A class the model never predicts on the validation split has tp + fp = 0. */
    public static double precision(int[] yTrue, int[] yPred, int cls) {
        int tp = 0, fp = 0;
        for (int i = 0; i < yTrue.length; i++) {
            if (yPred[i] == cls) {
                if (yTrue[i] == cls) tp++;
                else fp++;
            }
        }
        return tp / (double) (tp + fp); // EXPECT: UnguardedDivision
    }

    public static double recall(int[] yTrue, int[] yPred, int cls) {
        int tp = 0, support = 0;
        for (int i = 0; i < yTrue.length; i++) {
            if (yTrue[i] == cls) {
                support++;
                if (yPred[i] == cls) tp++;
            }
        }
        return support == 0 ? 0.0 : tp / (double) support; // SAFE: UnguardedDivision
    }

    /** Harmonic mean; zero precision and zero recall is a normal outcome for a rare class. */
    public static double f1(double precision, double recall) {
        return 2 * precision * recall / (precision + recall); // EXPECT: UnguardedDivision
    }

    public static double f1Safe(double precision, double recall) {
        double denom = precision + recall;
        if (denom == 0) return 0.0;
        return 2 * precision * recall / denom; // SAFE: UnguardedDivision
    }

    public static double macroF1(int[] yTrue, int[] yPred, int numClasses) {
        double sum = 0;
        int counted = 0;
        for (int c = 0; c < numClasses; c++) {
            double p = precisionOrZero(yTrue, yPred, c);
            double r = recall(yTrue, yPred, c);
            sum += f1Safe(p, r);
            counted++;
        }
        return sum / counted; // SAFE: UnguardedDivision
    }

    static double precisionOrZero(int[] yTrue, int[] yPred, int cls) {
        int tp = 0, predicted = 0;
        for (int i = 0; i < yTrue.length; i++) {
            if (yPred[i] == cls) {
                predicted++;
                if (yTrue[i] == cls) tp++;
            }
        }
        if (predicted == 0) return 0.0;
        return (double) tp / predicted; // SAFE: UnguardedDivision
    }

    /** Accuracy over a batch; an empty validation shard happens when the split is stratified by date. */
    public static double accuracy(int[] yTrue, int[] yPred) {
        int correct = 0;
        for (int i = 0; i < yTrue.length; i++) if (yTrue[i] == yPred[i]) correct++;
        return correct / (double) yTrue.length; // EXPECT: UnguardedDivision
    }

    /** Batch accuracy; the trainer never calls this with an empty batch. */
    public static double batchAccuracy(int[] yTrue, int[] yPred) {
        org.nd4j.common.base.Preconditions.checkArgument(yTrue.length > 0, "empty batch");
        int correct = 0;
        for (int i = 0; i < yTrue.length; i++) if (yTrue[i] == yPred[i]) correct++;
        return correct / (double) yTrue.length; // SAFE: UnguardedDivision
    }
}
