package eval.softmax;

import java.util.Arrays;

/** Multinomial logistic regression (softmax classifier) with plain SGD. */
public class SoftmaxRegression {
    private static final double EPS = 1e-12;
    private final double[][] weights; // [numClasses][numFeatures]
    private final int numClasses;

    public SoftmaxRegression(int numClasses, int numFeatures) {
        this.numClasses = numClasses;
        this.weights = new double[numClasses][numFeatures];
    }

    double[] logits(double[] x) {
        double[] z = new double[numClasses];
        for (int c = 0; c < numClasses; c++) {
            for (int j = 0; j < x.length; j++) z[c] += weights[c][j] * x[j];
        }
        return z;
    }

    /** First version from the prototype notebook port. */
    static double[] softmaxNaive(double[] z) {
        double[] out = new double[z.length];
        double sum = 0.0;
        for (int i = 0; i < z.length; i++) {
            out[i] = Math.exp(z[i]); // EXPECT: UnstableSoftmax
            sum += out[i];
        }
        for (int i = 0; i < z.length; i++) out[i] /= sum;
        return out;
    }

    static double[] softmax(double[] z) {
        double max = Arrays.stream(z).max().getAsDouble();
        double[] out = new double[z.length];
        double sum = 0.0;
        for (int i = 0; i < z.length; i++) {
            out[i] = Math.exp(z[i] - max); // SAFE: UnstableSoftmax
            sum += out[i];
        }
        for (int i = 0; i < z.length; i++) out[i] /= sum; // SAFE: UnguardedDivision
        return out;
    }

    /** Cross-entropy through the probabilities (clamped). */
    double lossFromProbs(double[] x, int label) {
        double[] probs = softmax(logits(x));
        return -Math.log(Math.max(probs[label], EPS)); // EXPECT: LogOfSoftmax
    }

    /** Cross-entropy straight from the logits (log-softmax). */
    double loss(double[] x, int label) {
        double[] z = logits(x);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) max = Math.max(max, v);
        double sum = 0;
        for (double v : z) sum += Math.exp(v - max);
        return -(z[label] - max - Math.log(sum)); // SAFE: LogOfSoftmax
    }

    void sgdStep(double[] x, int label, double lr) {
        double[] p = softmax(logits(x));
        for (int c = 0; c < numClasses; c++) {
            double g = p[c] - (c == label ? 1.0 : 0.0);
            for (int j = 0; j < x.length; j++) weights[c][j] -= lr * g * x[j];
        }
    }

    public void train(double[][] xs, int[] ys, int epochs, double lr) {
        for (int epoch = 0; epoch < epochs; epoch++) { // EXPECT: UncheckedTrainingLoss
            double epochLoss = 0;
            for (int i = 0; i < xs.length; i++) {
                epochLoss += loss(xs[i], ys[i]);
                sgdStep(xs[i], ys[i], lr);
            }
            System.out.printf("epoch %d loss %.4f%n", epoch, epochLoss / Math.max(1, xs.length)); // SAFE: UnguardedDivision
        }
    }
}
