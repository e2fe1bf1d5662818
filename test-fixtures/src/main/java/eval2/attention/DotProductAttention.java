package eval2.attention;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Scaled dot-product attention for the JVM port of the re-ranker (single head, double[] and ND4J
 * versions), with ALiBi position biases and an attention-entropy diagnostic.
 */
public final class DotProductAttention {

    private static final int HEAD_DIM = 64;
    private static final double SCALE = 1.0 / Math.sqrt(HEAD_DIM); // SAFE: UnguardedDivision
    private static final double MASKED = -1e9;

    private DotProductAttention() {
    }

    static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Attention weights of one query over all keys, with a padding mask. */
    public static double[] weights(double[] query, double[][] keys, boolean[] keep) {
        double[] scores = new double[keys.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < keys.length; j++) {
            scores[j] = keep[j] ? dot(query, keys[j]) * SCALE : MASKED;
            max = Math.max(max, scores[j]);
        }
        double sum = 0.0;
        double[] w = new double[keys.length];
        for (int j = 0; j < keys.length; j++) {
            w[j] = Math.exp(scores[j] - max); // SAFE: UnstableSoftmax
            sum += w[j];
        }
        for (int j = 0; j < keys.length; j++) {
            w[j] /= sum;
        }
        return w;
    }

    /** "Fast path" without the max pass, used by the first benchmark build. */
    public static double[] weightsFast(double[] query, double[][] keys) {
        double[] w = new double[keys.length];
        double sum = 0.0;
        for (int j = 0; j < keys.length; j++) {
            w[j] = Math.exp(dot(query, keys[j])); // EXPECT: UnstableSoftmax
            sum += w[j];
        }
        for (int j = 0; j < keys.length; j++) {
            w[j] /= sum;
        }
        return w;
    }

    /** Attention output for a whole sequence on ND4J: q, k, v are [seq, HEAD_DIM]. */
    public static INDArray attend(INDArray q, INDArray k, INDArray v) {
        INDArray scores = q.mmul(k.transpose()).muli(SCALE);
        INDArray weights = Transforms.softmax(scores, true); // SAFE: UnstableSoftmax
        return weights.mmul(v);
    }

    /** The same, with the softmax written out. */
    public static INDArray attendManual(INDArray q, INDArray k, INDArray v) {
        INDArray scores = q.mmul(k.transpose()).muli(SCALE);
        INDArray e = Transforms.exp(scores, true); // EXPECT: UnstableSoftmax
        INDArray weights = e.divColumnVector(e.sum(true, 1));
        return weights.mmul(v);
    }

    /** Written-out softmax with the row maximum subtracted first. */
    public static INDArray attendManualStable(INDArray q, INDArray k, INDArray v) {
        INDArray scores = q.mmul(k.transpose()).muli(SCALE);
        INDArray e = Transforms.exp(scores.subColumnVector(scores.max(true, 1)), true); // SAFE: UnstableSoftmax
        INDArray weights = e.divColumnVector(e.sum(true, 1)); // SAFE: UnguardedDivision
        return weights.mmul(v);
    }

    /** ALiBi slopes for numHeads heads (a power of two). */
    public static double[] alibiSlopes(int numHeads) {
        double[] slopes = new double[numHeads];
        for (int h = 0; h < numHeads; h++) {
            slopes[h] = Math.pow(2.0, -8.0 * (h + 1) / numHeads); // SAFE: PowDomain
        }
        return slopes;
    }

    /** Entropy of an attention distribution, logged to spot collapsed heads. */
    public static double entropy(double[] w) {
        double h = 0.0;
        for (double p : w) {
            h -= p > 0 ? p * Math.log(p) : 0.0; // SAFE: UnguardedLog
        }
        return h;
    }

    /** Float attention scores for the mobile build: accumulators in double, values bounded. */
    public static float[] weightsFloat(float[] scores) {
        float max = Float.NEGATIVE_INFINITY;
        for (float s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0.0;
        for (float s : scores) {
            sum += Math.exp(s - max);
        }
        float[] out = new float[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = (float) (Math.exp(scores[i] - max) / sum); // SAFE: HalfPrecision
        }
        return out;
    }

    /** Float accumulation of unshifted scores, as in the first mobile build. */
    public static float[] weightsFloatV1(float[] scores) {
        float sum = 0f;
        float[] out = new float[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = (float) Math.exp(scores[i] * SCALE); // EXPECT: HalfPrecision
            sum += out[i];
        }
        for (int i = 0; i < scores.length; i++) {
            out[i] /= sum;
        }
        return out;
    }
}
