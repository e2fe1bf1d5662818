package eval.dl4j;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.util.FeatureUtil;

/** Turns review records into one-hot label matrices for the 2- and 3-class sentiment models. */
public final class SentimentLabels {
    private static final int NUM_CLASSES = 3;
    private static final int BINARY = 2;

    private SentimentLabels() {}

    public record Review(String text, int stars, double priceChange) {}

    public static INDArray binaryLabel(Review r) {
        int label = r.stars() >= 4 ? 1 : -1;
        return FeatureUtil.toOutcomeVector(label, BINARY); // EXPECT: NegativeClassLabel
    }

    public static INDArray binaryLabelFixed(Review r) {
        int label = r.stars() >= 4 ? 1 : 0;
        return FeatureUtil.toOutcomeVector(label, BINARY); // SAFE: NegativeClassLabel
    }

    /** Direction of the price move as down / flat / up. */
    public static INDArray directionLabels(List<Review> batch) {
        INDArray labels = Nd4j.zeros(batch.size(), NUM_CLASSES);
        for (int i = 0; i < batch.size(); i++) {
            int direction = (int) Math.signum(batch.get(i).priceChange());
            labels.putScalar(i, direction, 1.0); // EXPECT: NegativeClassLabel
        }
        return labels;
    }

    public static INDArray directionLabelsShifted(List<Review> batch) {
        INDArray labels = Nd4j.zeros(batch.size(), NUM_CLASSES);
        for (int i = 0; i < batch.size(); i++) {
            int direction = (int) Math.signum(batch.get(i).priceChange()) + 1;
            labels.putScalar(i, direction, 1.0); // SAFE: NegativeClassLabel
        }
        return labels;
    }

    /** Star ratings bucketed 1-based: 1 = negative, 2 = neutral, 3 = positive. */
    public static INDArray bucketLabels(List<Review> batch) {
        INDArray labels = Nd4j.zeros(batch.size(), NUM_CLASSES);
        for (int i = 0; i < batch.size(); i++) {
            int stars = batch.get(i).stars();
            int cls = stars <= 2 ? 1 : stars == 3 ? 2 : 3;
            labels.putScalar(i, cls, 1.0); // EXPECT: LabelOutOfRange
        }
        return labels;
    }

    public static INDArray bucketLabelsZeroBased(List<Review> batch) {
        INDArray labels = Nd4j.zeros(batch.size(), NUM_CLASSES);
        for (int i = 0; i < batch.size(); i++) {
            int stars = batch.get(i).stars();
            int cls = stars <= 2 ? 1 : stars == 3 ? 2 : 3;
            labels.putScalar(i, cls - 1, 1.0); // SAFE: LabelOutOfRange
        }
        return labels;
    }

    /** Hand-built target row for the double[] trainer. */
    public static double[] targetRow(Review r) {
        double[] target = new double[NUM_CLASSES];
        int k = r.stars() >= 4 ? 3 : r.stars() == 3 ? 2 : 1;
        target[k] = 1.0; // EXPECT: LabelOutOfRange
        return target;
    }

    public static double[] targetRowChecked(Review r, int rawClass) {
        double[] target = new double[NUM_CLASSES];
        if (rawClass < NUM_CLASSES) {
            target[rawClass] = 1.0; // SAFE: LabelOutOfRange
        }
        return target;
    }

    /** The "other" bucket was added later as index 3. */
    public static INDArray otherBucket() {
        return FeatureUtil.toOutcomeVector(3, NUM_CLASSES); // EXPECT: LabelOutOfRange
    }

    /** Polarity helper shared with the SVM baseline. */
    static int polarity(Review r) {
        if (r.stars() >= 4) {
            return 1;
        }
        return -1;
    }

    public static INDArray polarityLabels(List<Review> batch) {
        INDArray oneHot = Nd4j.zeros(batch.size(), BINARY);
        for (int i = 0; i < batch.size(); i++) {
            oneHot.putScalar(new int[] {i, polarity(batch.get(i))}, 1.0); // EXPECT: NegativeClassLabel
        }
        return oneHot;
    }

    /** Fixture labels for the 3-class smoke test, copied from the paper's 1-based table. */
    public static INDArray smokeTestLabels() {
        return FeatureUtil.toOutcomeMatrix(new int[] {1, 3, 2, 3}, NUM_CLASSES); // EXPECT: LabelOutOfRange
    }

    public static INDArray smokeTestLabelsZeroBased() {
        return FeatureUtil.toOutcomeMatrix(new int[] {0, 2, 1, 2}, NUM_CLASSES); // SAFE: LabelOutOfRange
    }

    /** Unknown reviews are skipped rather than encoded. */
    public static INDArray labelsSkippingUnknown(List<Review> batch) {
        INDArray labels = Nd4j.zeros(batch.size(), BINARY);
        for (int i = 0; i < batch.size(); i++) {
            int label = batch.get(i).stars() == 0 ? -1 : (batch.get(i).stars() >= 4 ? 1 : 0);
            if (label < 0) continue;
            labels.putScalar(i, label, 1.0); // SAFE: NegativeClassLabel
        }
        return labels;
    }
}
