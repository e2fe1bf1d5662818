package eval.rl;

/** Class weights for the imbalanced intent classifier, recomputed per mini-batch. */
public final class ClassBalancing {
    private ClassBalancing() {}

    static int[] countPerClass(int[] labels, int numClasses) {
        int[] counts = new int[numClasses];
        for (int y : labels) counts[y]++;
        return counts;
    }

    /** Inverse frequency; a rare class is often absent from a batch of 32. */
    public static double[] inverseFrequency(int[] batchLabels, int numClasses) {
        int[] counts = countPerClass(batchLabels, numClasses);
        double[] w = new double[numClasses];
        for (int c = 0; c < numClasses; c++) {
            w[c] = batchLabels.length / (double) (numClasses * counts[c]); // EXPECT: UnguardedDivision
        }
        return w;
    }

    /** Inverse square-root frequency. */
    public static double[] inverseSqrtFrequency(int[] batchLabels, int numClasses) {
        int[] counts = countPerClass(batchLabels, numClasses);
        double[] w = new double[numClasses];
        for (int c = 0; c < numClasses; c++) {
            w[c] = Math.pow(counts[c], -0.5); // EXPECT: PowDomain
        }
        return w;
    }

    /** Smoothed with add-one counts. */
    public static double[] inverseSqrtFrequencySmoothed(int[] batchLabels, int numClasses) {
        int[] counts = countPerClass(batchLabels, numClasses);
        double[] w = new double[numClasses];
        for (int c = 0; c < numClasses; c++) {
            w[c] = Math.pow(counts[c] + 1.0, -0.5); // SAFE: PowDomain
        }
        return w;
    }

    /** "Effective number of samples" weights (Cui et al.), computed over the whole training set. */
    public static double[] effectiveNumber(int[] trainLabels, int numClasses, double beta) {
        int[] counts = countPerClass(trainLabels, numClasses);
        double[] w = new double[numClasses];
        double total = 0;
        for (int c = 0; c < numClasses; c++) {
            double effective = 1.0 - Math.pow(beta, counts[c]);
            w[c] = (1.0 - beta) / Math.max(effective, 1e-12); // SAFE: UnguardedDivision
            total += w[c];
        }
        for (int c = 0; c < numClasses; c++) w[c] = w[c] * numClasses / total;
        return w;
    }
}
