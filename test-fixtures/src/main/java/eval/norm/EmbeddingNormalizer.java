package eval.norm;

import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/** L2-normalises embedding rows before they go into the ANN index and the contrastive loss. */
public class EmbeddingNormalizer {
    private static final double MIN_NORM = 1e-8;

    /** Rows for unseen tokens are all zero (the embedding table is zero-initialised for OOV). */
    public static double[] unit(double[] v) {
        double sq = 0;
        for (double x : v) sq += x * x;
        double norm = Math.sqrt(sq);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] / norm; // EXPECT: UnguardedDivision
        return out;
    }

    public static double[] unitSafe(double[] v) {
        double sq = 0;
        for (double x : v) sq += x * x;
        double norm = Math.max(Math.sqrt(sq), MIN_NORM);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] / norm; // SAFE: UnguardedDivision
        return out;
    }

    /** Skips degenerate rows instead of normalising them. */
    public static void normalizeInPlace(List<float[]> rows) {
        Objects.requireNonNull(rows, "rows");
        for (float[] r : rows) {
            double sq = 0;
            for (float x : r) sq += x * x;
            double norm = Math.sqrt(sq);
            if (norm < 1e-8) continue;
            for (int i = 0; i < r.length; i++) r[i] = (float) (r[i] / norm); // SAFE: UnguardedDivision
        }
    }

    public static INDArray unitRow(INDArray features) {
        return features.div(features.norm2Number()); // EXPECT: UnguardedDivision
    }

    public static INDArray unitRowSafe(INDArray features) {
        return features.div(features.norm2Number().doubleValue() + 1e-8); // SAFE: UnguardedDivision
    }

    /** Every row of the matrix to unit length. */
    public static INDArray unitRows(INDArray m) {
        INDArray norms = m.norm2(1).reshape(m.rows(), 1);
        return m.divColumnVector(norms); // EXPECT: UnguardedDivision
    }
}
