package eval.similarity;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Cosine similarity for the recommendation candidate scorer. */
public final class CosineSimilarity {
    private static final double EPS = 1e-10;

    private CosineSimilarity() {}

    /** New users have all-zero interaction vectors. */
    public static double cosine(double[] a, double[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / (Math.sqrt(na) * Math.sqrt(nb)); // EXPECT: UnguardedDivision
    }

    public static double cosineEps(double[] a, double[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.max(Math.sqrt(na) * Math.sqrt(nb), EPS); // SAFE: UnguardedDivision
    }

    public static double cosineGuarded(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        if (na == 0 || nb == 0) {
            return 0.0;
        }
        return dot / Math.sqrt(na * nb); // SAFE: UnguardedDivision
    }

    /** Batched: rows of q against rows of k. */
    public static INDArray cosineMatrix(INDArray q, INDArray k) {
        INDArray qn = q.divColumnVector(q.norm2(1).reshape(q.rows(), 1).addi(EPS)); // SAFE: UnguardedDivision
        INDArray kn = k.divColumnVector(k.norm2(1).reshape(k.rows(), 1)); // EXPECT: UnguardedDivision
        return qn.mmul(kn.transpose());
    }

    /** InfoNCE logits: similarities divided by a temperature. */
    public static double[] contrastiveLogits(double[][] anchors, double[] positive, double temperature) {
        double[] logits = new double[anchors.length];
        for (int i = 0; i < anchors.length; i++) {
            logits[i] = cosineEps(anchors[i], positive) / temperature;
        }
        return logits;
    }
}
