package eval2.embed;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/** Skip-gram with negative sampling, and GloVe, trained in-process on the product-title corpus. */
public final class SkipGramAndGlove {

    private SkipGramAndGlove() {
    }

    static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x)); // SAFE: UnstableSoftmax
    }

    static double softplus(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x))); // SAFE: UnstableSoftmax
    }

    /** Skip-gram with negative sampling. */
    public static final class SkipGram {
        private final double[][] in;
        private final double[][] out;
        private final double[] noiseCdf;
        private final Random rng;

        public SkipGram(long[] counts, int dim, Random rng) {
            this.rng = rng;
            int v = counts.length;
            this.in = new double[v][dim];
            this.out = new double[v][dim];
            for (double[] row : in) {
                for (int j = 0; j < dim; j++) {
                    row[j] = (rng.nextDouble() - 0.5) / dim; // SAFE: UnguardedDivision
                }
            }
            double[] weights = new double[v];
            double total = 0.0;
            for (int w = 0; w < v; w++) {
                weights[w] = Math.pow(counts[w], 0.75); // SAFE: PowDomain
                total += weights[w];
            }
            this.noiseCdf = new double[v];
            double acc = 0.0;
            for (int w = 0; w < v; w++) {
                acc += weights[w] / total;
                noiseCdf[w] = acc;
            }
        }

        int sampleNoise() {
            int idx = Arrays.binarySearch(noiseCdf, rng.nextDouble());
            return Math.min(idx >= 0 ? idx : -idx - 1, noiseCdf.length - 1);
        }

        /** One (center, context) pair with k negatives; returns the loss. */
        public double trainPair(int center, int context, int k, double lr) {
            double[] v = in[center];
            double[] grad = new double[v.length];
            double score = dot(v, out[context]);
            double p = sigmoid(score);
            double loss = -Math.log(Math.max(p, 1e-10)); // EXPECT: LogOfSoftmax
            double g = p - 1.0;
            for (int j = 0; j < v.length; j++) {
                grad[j] += g * out[context][j];
                out[context][j] -= lr * g * v[j];
            }
            for (int n = 0; n < k; n++) {
                int neg = sampleNoise();
                double s = dot(v, out[neg]);
                loss += softplus(s); // SAFE: LogOfSoftmax
                double gn = sigmoid(s);
                for (int j = 0; j < v.length; j++) {
                    grad[j] += gn * out[neg][j];
                    out[neg][j] -= lr * gn * v[j];
                }
            }
            for (int j = 0; j < v.length; j++) {
                v[j] -= lr * grad[j];
            }
            return loss;
        }

        /** Mikolov's subsampling: probability of keeping a word of relative frequency f. */
        public static double keepProbability(long count, long totalWords, double sample) {
            if (count <= 0 || totalWords <= 0) {
                return 1.0;
            }
            double f = count / (double) totalWords; // SAFE: UnguardedDivision
            return Math.min(1.0, (Math.sqrt(f / sample) + 1.0) * sample / f); // SAFE: UnguardedSqrt
        }
    }

    /** GloVe over a sparse co-occurrence map keyed by row * vocab + col. */
    public static final class Glove {
        private final int vocab;
        private final double[][] w;
        private final double[][] c;
        private final double[] bw;
        private final double[] bc;
        private final double[][] gradSqW;
        private final double xMax;
        private final double alpha;

        public Glove(int vocab, int dim, double xMax, double alpha, Random rng) {
            this.vocab = vocab;
            this.w = new double[vocab][dim];
            this.c = new double[vocab][dim];
            this.bw = new double[vocab];
            this.bc = new double[vocab];
            this.gradSqW = new double[vocab][dim];
            this.xMax = xMax;
            this.alpha = alpha;
            for (int i = 0; i < vocab; i++) {
                Arrays.fill(gradSqW[i], 1.0);
                for (int j = 0; j < dim; j++) {
                    w[i][j] = (rng.nextDouble() - 0.5) / dim;
                    c[i][j] = (rng.nextDouble() - 0.5) / dim;
                }
            }
        }

        double weight(double x) {
            return x < xMax ? Math.pow(x / xMax, alpha) : 1.0; // SAFE: PowDomain
        }

        /** One epoch of AdaGrad over the co-occurrences; returns the weighted squared error. */
        public double epoch(Map<Long, Double> cooc, double lr) {
            double cost = 0.0;
            for (Map.Entry<Long, Double> e : cooc.entrySet()) {
                double x = e.getValue();
                if (x <= 0) {
                    continue;
                }
                int i = (int) (e.getKey() / vocab);
                int j = (int) (e.getKey() % vocab);
                double diff = dot(w[i], c[j]) + bw[i] + bc[j] - Math.log(x); // SAFE: UnguardedLog
                double fdiff = weight(x) * diff;
                cost += 0.5 * fdiff * diff;
                for (int k = 0; k < w[i].length; k++) {
                    double g = fdiff * c[j][k];
                    c[j][k] -= lr * fdiff * w[i][k];
                    gradSqW[i][k] += g * g;
                    w[i][k] -= lr * g / Math.sqrt(gradSqW[i][k]); // SAFE: UnguardedSqrt
                }
                bw[i] -= lr * fdiff;
                bc[j] -= lr * fdiff;
            }
            return cost;
        }

        public void train(Map<Long, Double> cooc, int epochs, double lr) {
            for (int ep = 0; ep < epochs; ep++) { // SAFE: UncheckedTrainingLoss
                double cost = epoch(cooc, lr);
                if (Double.isNaN(cost) || Double.isInfinite(cost)) {
                    throw new IllegalStateException("GloVe diverged at epoch " + ep);
                }
                System.out.printf("epoch %d cost %.4f%n", ep, cost);
            }
        }
    }
}
