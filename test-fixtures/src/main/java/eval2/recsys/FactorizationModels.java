package eval2.recsys;

import java.util.List;
import java.util.Random;

/**
 * Recommender models trained in the JVM batch job: BPR matrix factorisation on implicit feedback,
 * explicit-rating MF, a Poisson factorisation and a sampled-softmax scorer with float factors.
 */
public final class FactorizationModels {

    private FactorizationModels() {
    }

    static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** (user, positive item, negative item) triple. */
    public record Triple(int user, int pos, int neg) {
    }

    /** Explicit rating. */
    public record Rating(int user, int item, double value) {
    }

    /** BPR-MF (Rendle et al.), SGD over sampled triples. */
    public static final class Bpr {
        final double[][] users;
        final double[][] items;
        final double reg;

        public Bpr(int numUsers, int numItems, int k, double reg, Random rng) {
            this.users = new double[numUsers][k];
            this.items = new double[numItems][k];
            this.reg = reg;
            for (double[] u : users) {
                for (int f = 0; f < k; f++) {
                    u[f] = rng.nextGaussian() * 0.01;
                }
            }
            for (double[] v : items) {
                for (int f = 0; f < k; f++) {
                    v[f] = rng.nextGaussian() * 0.01;
                }
            }
        }

        static double sigmoid(double x) {
            return 1.0 / (1.0 + Math.exp(-x));
        }

        /** One epoch of SGD; returns the BPR loss -sum log sigmoid(x_uij). */
        public double epoch(List<Triple> triples, double lr) {
            double loss = 0.0;
            for (Triple t : triples) {
                double[] u = users[t.user()];
                double[] vi = items[t.pos()];
                double[] vj = items[t.neg()];
                double x = dot(u, vi) - dot(u, vj);
                loss += Math.max(-x, 0.0) + Math.log1p(Math.exp(-Math.abs(x))); // SAFE: LogOfSoftmax
                double g = sigmoid(-x);
                for (int f = 0; f < u.length; f++) {
                    double uf = u[f];
                    u[f] += lr * (g * (vi[f] - vj[f]) - reg * uf);
                    vi[f] += lr * (g * uf - reg * vi[f]);
                    vj[f] += lr * (-g * uf - reg * vj[f]);
                }
            }
            return loss;
        }

        /** Variant logged by the first prototype: loss through the probability. */
        public double epochProbabilityLoss(List<Triple> triples, double lr) {
            double loss = 0.0;
            for (Triple t : triples) {
                double[] u = users[t.user()];
                double x = dot(u, items[t.pos()]) - dot(u, items[t.neg()]);
                double p = sigmoid(x);
                loss -= Math.log(p + 1e-12); // EXPECT: LogOfSoftmax
                double g = 1.0 - p;
                for (int f = 0; f < u.length; f++) {
                    double uf = u[f];
                    u[f] += lr * (g * (items[t.pos()][f] - items[t.neg()][f]) - reg * uf);
                    items[t.pos()][f] += lr * (g * uf - reg * items[t.pos()][f]);
                    items[t.neg()][f] += lr * (-g * uf - reg * items[t.neg()][f]);
                }
            }
            return loss;
        }

        public void fit(List<Triple> triples, int epochs, double lr) {
            for (int e = 0; e < epochs; e++) { // EXPECT: UncheckedTrainingLoss
                double loss = epoch(triples, lr);
                System.out.println("epoch " + e + " bpr loss " + loss);
            }
        }
    }

    /** Explicit-feedback MF with biases, early exit on divergence. */
    public static double[][] fitRatings(List<Rating> ratings, int numUsers, int numItems, int k, int epochs, double lr) {
        Random rng = new Random(7);
        double[][] p = new double[numUsers][k];
        double[][] q = new double[numItems][k];
        for (double[] row : p) {
            for (int f = 0; f < k; f++) {
                row[f] = rng.nextGaussian() * 0.1;
            }
        }
        for (double[] row : q) {
            for (int f = 0; f < k; f++) {
                row[f] = rng.nextGaussian() * 0.1;
            }
        }
        for (int epoch = 0; epoch < epochs; epoch++) { // SAFE: UncheckedTrainingLoss
            double sse = 0.0;
            for (Rating r : ratings) {
                double err = r.value() - dot(p[r.user()], q[r.item()]);
                sse += err * err;
                for (int f = 0; f < k; f++) {
                    double pf = p[r.user()][f];
                    p[r.user()][f] += lr * (err * q[r.item()][f] - 0.02 * pf);
                    q[r.item()][f] += lr * (err * pf - 0.02 * q[r.item()][f]);
                }
            }
            double rmse = Math.sqrt(sse / Math.max(1, ratings.size())); // SAFE: UnguardedSqrt
            if (!Double.isFinite(rmse)) {
                throw new IllegalStateException("MF diverged at epoch " + epoch);
            }
        }
        return p;
    }

    /** Poisson factorisation scores with float factors (memory-bound job). */
    public static float[] poissonRates(float[] userFactor, float[][] itemFactors, float[] itemBias) {
        float[] rates = new float[itemFactors.length];
        for (int i = 0; i < itemFactors.length; i++) {
            float eta = itemBias[i];
            for (int f = 0; f < userFactor.length; f++) {
                eta += userFactor[f] * itemFactors[i][f];
            }
            rates[i] = (float) Math.exp(eta); // EXPECT: HalfPrecision
        }
        return rates;
    }

    /** Sampled-softmax probabilities over candidate items, float scores. */
    public static float[] candidateProbabilities(float[] scores) {
        float max = Float.NEGATIVE_INFINITY;
        for (float s : scores) {
            max = Math.max(max, s);
        }
        float z = 0f;
        float[] out = new float[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = (float) Math.exp(scores[i] - max); // SAFE: HalfPrecision
            z += out[i];
        }
        for (int i = 0; i < scores.length; i++) {
            out[i] /= z; // SAFE: UnguardedDivision
        }
        return out;
    }
}
