package eval.softmax;

/** Single-head scaled dot-product attention over float[] rows (inference helper for the ranker). */
public final class AttentionHead {
    private final int headDim;

    public AttentionHead(int headDim) {
        this.headDim = headDim;
    }

    /** weights[i][j] = softmax_j(q_i . k_j / sqrt(d)) */
    public float[][] attentionWeights(float[][] q, float[][] k) {
        float scale = (float) (1.0 / Math.sqrt(headDim));
        float[][] w = new float[q.length][k.length];
        for (int i = 0; i < q.length; i++) {
            float rowMax = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < k.length; j++) {
                float s = 0f;
                for (int d = 0; d < headDim; d++) s += q[i][d] * k[j][d];
                w[i][j] = s * scale;
                if (w[i][j] > rowMax) rowMax = w[i][j];
            }
            double denom = 0;
            for (int j = 0; j < k.length; j++) {
                w[i][j] = (float) Math.exp(w[i][j] - rowMax); // SAFE: HalfPrecision
                denom += w[i][j];
            }
            for (int j = 0; j < k.length; j++) w[i][j] /= denom;
        }
        return w;
    }

    /** Older variant kept for the A/B comparison; no max shift. */
    public float[] attentionRowLegacy(float[] q, float[][] k) {
        float[] scores = new float[k.length];
        for (int j = 0; j < k.length; j++) {
            float s = 0f;
            for (int d = 0; d < headDim; d++) s += q[d] * k[j][d];
            scores[j] = s;
        }
        double[] e = new double[k.length];
        double total = 0;
        for (int j = 0; j < k.length; j++) {
            e[j] = Math.exp(scores[j]); // EXPECT: UnstableSoftmax
            total += e[j];
        }
        float[] out = new float[k.length];
        for (int j = 0; j < k.length; j++) out[j] = (float) (e[j] / total);
        return out;
    }

    /** Two-logit gate written as a ratio of exponentials. */
    public static double gate(double a, double b) {
        return Math.exp(a) / (Math.exp(a) + Math.exp(b)); // EXPECT: UnstableSoftmax
    }

    /** Same gate, as a logistic of the difference. */
    public static double gateStable(double a, double b) {
        return 1.0 / (1.0 + Math.exp(-(a - b))); // SAFE: UnstableSoftmax
    }
}
