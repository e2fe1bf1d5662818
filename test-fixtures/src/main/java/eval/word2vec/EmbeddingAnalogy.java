package eval.word2vec;

import java.util.Arrays;

/** Analogy queries and nearest neighbours over trained word vectors. */
public class EmbeddingAnalogy {
    private final float[][] vectors;
    private final double[] norms;

    public EmbeddingAnalogy(float[][] vectors) {
        this.vectors = vectors;
        this.norms = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            double s = 0;
            for (float x : vectors[i]) s += x * x;
            norms[i] = Math.sqrt(s); // SAFE: UnguardedSqrt
        }
    }

    /** Padding and never-updated rows are exactly zero after training. */
    public double similarity(int a, int b) {
        double dot = 0;
        for (int d = 0; d < vectors[a].length; d++) dot += vectors[a][d] * vectors[b][d];
        return dot / (norms[a] * norms[b]); // EXPECT: UnguardedDivision
    }

    public int[] nearest(int query, int topK) {
        Integer[] idx = new Integer[vectors.length];
        double[] sims = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            idx[i] = i;
            sims[i] = norms[i] == 0 || norms[query] == 0 ? -1.0 : similarity(query, i);
        }
        Arrays.sort(idx, (x, y) -> Double.compare(sims[y], sims[x]));
        int[] out = new int[Math.min(topK, idx.length)];
        for (int k = 0; k < out.length; k++) out[k] = idx[k];
        return out;
    }

    /** b - a + c, normalised, guarded against cancellation to the zero vector. */
    public double[] analogyVector(int a, int b, int c) {
        int dim = vectors[a].length;
        double[] v = new double[dim];
        double sq = 0;
        for (int d = 0; d < dim; d++) {
            v[d] = vectors[b][d] - vectors[a][d] + vectors[c][d];
            sq += v[d] * v[d];
        }
        double len = Math.sqrt(sq) + 1e-9;
        for (int d = 0; d < dim; d++) v[d] /= len; // SAFE: UnguardedDivision
        return v;
    }

    /** Angle between two words, in degrees, for the visualisation tooltip. */
    public double angleDegrees(int a, int b) {
        if (norms[a] == 0 || norms[b] == 0) return 90.0;
        double cosine = similarity(a, b);
        return Math.toDegrees(Math.acos(cosine)); // EXPECT: InverseTrigDomain
    }
}
