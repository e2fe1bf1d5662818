package eval.word2vec;

import java.util.Random;

/** Skip-gram with negative sampling, single-threaded port of word2vec.c. */
public class SkipGramNegativeSampling {
    private static final int MAX_EXP = 6;
    private static final double EPS = 1e-7;
    private final float[][] syn0;
    private final float[][] syn1neg;
    private final int[] unigramTable;
    private final Random rnd = new Random(1);
    private final float alpha;

    public SkipGramNegativeSampling(int vocab, int dim, long[] counts, float alpha) {
        this.alpha = alpha;
        syn0 = new float[vocab][dim];
        syn1neg = new float[vocab][dim];
        for (float[] row : syn0) {
            for (int d = 0; d < dim; d++) row[d] = (rnd.nextFloat() - 0.5f) / dim;
        }
        unigramTable = buildTable(counts, 1_000_000);
    }

    /** Unigram^0.75 sampling table. */
    static int[] buildTable(long[] counts, int size) {
        double total = 0;
        for (long c : counts) total += Math.pow(c, 0.75); // SAFE: PowDomain
        int[] table = new int[size];
        int w = 0;
        double cum = Math.pow(counts[0], 0.75) / total;
        for (int a = 0; a < size; a++) {
            table[a] = w;
            if (a / (double) size > cum && w < counts.length - 1) {
                w++;
                cum += Math.pow(counts[w], 0.75) / total;
            }
        }
        return table;
    }

    static double sigmoid(double f) {
        return 1.0 / (1.0 + Math.exp(-f)); // SAFE: UnstableSoftmax
    }

    /** One (center, context) update; returns the pair's loss for logging. */
    public double train(int center, int context, int negatives) {
        float[] v = syn0[center];
        float[] neu1e = new float[v.length];
        double loss = 0;
        for (int s = 0; s <= negatives; s++) {
            int target = s == 0 ? context : unigramTable[rnd.nextInt(unigramTable.length)];
            int label = s == 0 ? 1 : 0;
            float[] u = syn1neg[target];
            double f = 0;
            for (int d = 0; d < v.length; d++) f += v[d] * u[d];
            double p = sigmoid(f);
            double q = label == 1 ? p : 1 - p;
            loss -= Math.log(Math.max(q, EPS)); // EXPECT: LogOfSoftmax
            double g;
            if (f > MAX_EXP) g = (label - 1) * alpha;
            else if (f < -MAX_EXP) g = label * alpha;
            else g = (label - p) * alpha;
            for (int d = 0; d < v.length; d++) {
                neu1e[d] += (float) (g * u[d]);
                u[d] += (float) (g * v[d]);
            }
        }
        for (int d = 0; d < v.length; d++) v[d] += neu1e[d];
        return loss;
    }

    /** Loss from the logit, log-sigmoid written out stably. */
    public static double pairLoss(double f, int label) {
        double z = label == 1 ? f : -f;
        return Math.max(-z, 0) + Math.log1p(Math.exp(-Math.abs(z))); // SAFE: LogOfSoftmax
    }

    /** Frequent-word subsampling keep probability (Mikolov et al.). */
    public static double keepProbability(long count, long totalWords, double sample) {
        double freq = count / (double) totalWords;
        return (Math.sqrt(freq / sample) + 1) * sample / freq;
    }

    /** Gradient-magnitude monitor: float accumulator of exponentiated dot products. */
    public float partitionEstimate(int center, int[] candidates) {
        float z = 0f;
        for (int c : candidates) {
            double f = 0;
            for (int d = 0; d < syn0[center].length; d++) f += syn0[center][d] * syn1neg[c][d];
            z += (float) Math.exp(f); // EXPECT: HalfPrecision
        }
        return z;
    }
}
