package eval2.dl4j;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.util.FeatureUtil;

/** Turns raw records into one-hot label matrices for the DL4J trainers. */
public final class LabelEncoders {

    private static final int NUM_DIRECTIONS = 3;
    private static final int NUM_QUALITY = 3;
    private static final int NUM_PHONEMES = 40;
    private static final int BLANK = NUM_PHONEMES;

    private LabelEncoders() {
    }

    /** Sentiment: review stars mapped to negative/positive. */
    public static INDArray sentimentLabel(int stars) {
        int label = stars >= 4 ? 1 : -1;
        return FeatureUtil.toOutcomeVector(label, 2); // EXPECT: NegativeClassLabel
    }

    public static INDArray sentimentLabelFixed(int stars) {
        int label = stars >= 4 ? 1 : 0;
        return FeatureUtil.toOutcomeVector(label, 2); // SAFE: NegativeClassLabel
    }

    /** Price-move labels for the next-day classifier: down / flat / up. */
    public static DataSet priceMoves(double[][] features, double[] nextDayReturn) {
        int n = nextDayReturn.length;
        INDArray labels = Nd4j.zeros(n, NUM_DIRECTIONS);
        for (int i = 0; i < n; i++) {
            int direction = (int) Math.signum(nextDayReturn[i]);
            labels.putScalar(i, direction, 1.0); // EXPECT: NegativeClassLabel
        }
        return new DataSet(Nd4j.create(features), labels);
    }

    public static DataSet priceMovesFixed(double[][] features, double[] nextDayReturn) {
        int n = nextDayReturn.length;
        INDArray labels = Nd4j.zeros(n, NUM_DIRECTIONS);
        for (int i = 0; i < n; i++) {
            int direction = (int) Math.signum(nextDayReturn[i]) + 1;
            labels.putScalar(i, direction, 1.0); // SAFE: NegativeClassLabel
        }
        return new DataSet(Nd4j.create(features), labels);
    }

    /** Hand-written softmax-regression gradient for the binary fraud model (labels from the rules engine). */
    public static double[] gradient(double[] probs, boolean flaggedByRules) {
        int target = flaggedByRules ? 1 : -1;
        double[] g = probs.clone();
        g[target] -= 1.0; // EXPECT: NegativeClassLabel
        return g;
    }

    /** Same gradient with labels read from data, skipping unlabelled rows (label -1). */
    public static void accumulate(double[][] probs, int[] labels, double[][] gradOut) {
        for (int i = 0; i < labels.length; i++) {
            int y = labels[i];
            if (y < 0) {
                continue;
            }
            gradOut[i] = probs[i].clone();
            gradOut[i][y] -= 1.0; // SAFE: NegativeClassLabel
        }
    }

    /** Picks the arg-max class of each row and one-hot encodes it (pseudo-labels for self-training). */
    public static INDArray pseudoLabels(double[][] scores, int numClasses) {
        INDArray out = Nd4j.zeros(scores.length, numClasses);
        for (int i = 0; i < scores.length; i++) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < numClasses; k++) {
                if (scores[i][k] > bestScore) {
                    bestScore = scores[i][k];
                    best = k;
                }
            }
            out.putScalar(i, best, 1.0); // SAFE: NegativeClassLabel
        }
        return out;
    }

    /** Wine quality (integer score 3..9) bucketed into three classes. */
    public static INDArray wineQuality(List<Integer> quality) {
        INDArray labels = Nd4j.zeros(quality.size(), NUM_QUALITY);
        for (int i = 0; i < quality.size(); i++) {
            int q = quality.get(i);
            int cls = q <= 4 ? 1 : q <= 6 ? 2 : 3;
            labels.putScalar(i, cls, 1.0); // EXPECT: LabelOutOfRange
        }
        return labels;
    }

    public static INDArray wineQualityFixed(List<Integer> quality) {
        INDArray labels = Nd4j.zeros(quality.size(), NUM_QUALITY);
        for (int i = 0; i < quality.size(); i++) {
            int q = quality.get(i);
            int cls = q <= 4 ? 1 : q <= 6 ? 2 : 3;
            labels.putScalar(i, cls - 1, 1.0); // SAFE: LabelOutOfRange
        }
        return labels;
    }

    /** Frame targets for the CTC-style phoneme model: the blank symbol is appended after the phonemes. */
    public static double[] blankFrame() {
        double[] target = new double[NUM_PHONEMES];
        target[BLANK] = 1.0; // EXPECT: LabelOutOfRange
        return target;
    }

    public static double[] blankFrameFixed() {
        double[] target = new double[NUM_PHONEMES + 1];
        target[BLANK] = 1.0; // SAFE: LabelOutOfRange
        return target;
    }

    /** Unknown directions are mapped to an extra "other" bucket. */
    public static INDArray directionOrOther(Integer direction) {
        if (direction == null) {
            return FeatureUtil.toOutcomeVector(NUM_DIRECTIONS, NUM_DIRECTIONS); // EXPECT: LabelOutOfRange
        }
        return FeatureUtil.toOutcomeVector(direction, NUM_DIRECTIONS);
    }

    public static INDArray directionOrFlat(Integer direction) {
        int index = direction == null ? 1 : direction;
        return FeatureUtil.toOutcomeVector(index, NUM_DIRECTIONS);
    }

    public static INDArray lastClass() {
        return FeatureUtil.toOutcomeVector(NUM_DIRECTIONS - 1, NUM_DIRECTIONS); // SAFE: LabelOutOfRange
    }
}
