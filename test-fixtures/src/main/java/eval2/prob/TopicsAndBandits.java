package eval2.prob;

import java.util.Random;

/**
 * Collapsed Gibbs sampling for LDA (topic features for the recommender), and the Bernoulli bandit that
 * picks which topic carousel to show.
 */
public final class TopicsAndBandits {

    private TopicsAndBandits() {
    }

    /** LDA state: counts of topic assignments. */
    public static final class LdaGibbs {
        private final int numTopics;
        private final int vocab;
        private final double alpha;
        private final double beta;
        private final int[][] docTopic;
        private final int[][] topicWord;
        private final int[] topicTotal;
        private final int[] docLength;
        private final int[][] z;

        public LdaGibbs(int[][] docs, int numTopics, int vocab, double alpha, double beta, Random rng) {
            if (alpha <= 0 || beta <= 0) {
                throw new IllegalArgumentException("Dirichlet priors must be positive");
            }
            this.numTopics = numTopics;
            this.vocab = vocab;
            this.alpha = alpha;
            this.beta = beta;
            this.docTopic = new int[docs.length][numTopics];
            this.topicWord = new int[numTopics][vocab];
            this.topicTotal = new int[numTopics];
            this.docLength = new int[docs.length];
            this.z = new int[docs.length][];
            for (int d = 0; d < docs.length; d++) {
                z[d] = new int[docs[d].length];
                docLength[d] = docs[d].length;
                for (int i = 0; i < docs[d].length; i++) {
                    int t = rng.nextInt(numTopics);
                    z[d][i] = t;
                    docTopic[d][t]++;
                    topicWord[t][docs[d][i]]++;
                    topicTotal[t]++;
                }
            }
        }

        public void sweep(int[][] docs, Random rng) {
            double[] p = new double[numTopics];
            for (int d = 0; d < docs.length; d++) {
                for (int i = 0; i < docs[d].length; i++) {
                    int w = docs[d][i];
                    int old = z[d][i];
                    docTopic[d][old]--;
                    topicWord[old][w]--;
                    topicTotal[old]--;
                    double total = 0.0;
                    for (int t = 0; t < numTopics; t++) {
                        p[t] = (docTopic[d][t] + alpha) * (topicWord[t][w] + beta) / (topicTotal[t] + vocab * beta); // SAFE: UnguardedDivision
                        total += p[t];
                    }
                    double u = rng.nextDouble() * total;
                    int t = 0;
                    while (t < numTopics - 1 && u > p[t]) {
                        u -= p[t];
                        t++;
                    }
                    z[d][i] = t;
                    docTopic[d][t]++;
                    topicWord[t][w]++;
                    topicTotal[t]++;
                }
            }
        }

        /** Document-topic proportions theta[d]. */
        public double[] theta(int d) {
            double[] th = new double[numTopics];
            for (int t = 0; t < numTopics; t++) {
                th[t] = (docTopic[d][t] + alpha) / (docLength[d] + numTopics * alpha); // SAFE: UnguardedDivision
            }
            return th;
        }

        /** Perplexity of a batch of documents under the current sampler state. */
        public double perplexity(int[][] docs) {
            double logLik = 0.0;
            long tokens = 0;
            for (int d = 0; d < docs.length; d++) {
                double[] th = theta(d);
                for (int w : docs[d]) {
                    double pw = 0.0;
                    for (int t = 0; t < numTopics; t++) {
                        pw += th[t] * (topicWord[t][w] + beta) / (topicTotal[t] + vocab * beta);
                    }
                    logLik += Math.log(pw); // SAFE: UnguardedLog
                    tokens++;
                }
            }
            return Math.exp(-logLik / tokens);
        }
    }

    /** Beta-Bernoulli bandit with UCB1 arm selection. */
    public static final class CarouselBandit {
        private final long[] pulls;
        private final long[] successes;
        private long totalPulls;

        public CarouselBandit(int arms) {
            this.pulls = new long[arms];
            this.successes = new long[arms];
        }

        public void update(int arm, boolean clicked) {
            pulls[arm]++;
            totalPulls++;
            if (clicked) {
                successes[arm]++;
            }
        }

        public int selectUcb() {
            for (int a = 0; a < pulls.length; a++) {
                if (pulls[a] == 0) {
                    return a;
                }
            }
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < pulls.length; a++) {
                double mean = successes[a] / (double) pulls[a]; // SAFE: UnguardedDivision
                double bonus = Math.sqrt(2.0 * Math.log(totalPulls) / pulls[a]); // SAFE: UnguardedLog
                if (mean + bonus > bestScore) {
                    bestScore = mean + bonus;
                    best = a;
                }
            }
            return best;
        }

        /** Posterior mean click-through rate of each arm, for the dashboard. */
        public double[] empiricalCtr() {
            double[] ctr = new double[pulls.length];
            for (int a = 0; a < pulls.length; a++) {
                ctr[a] = successes[a] / (double) pulls[a]; // EXPECT: UnguardedDivision
            }
            return ctr;
        }

        /** Posterior mean under a Beta(1, 1) prior. */
        public double posteriorMean(int arm) {
            return (successes[arm] + 1.0) / (pulls[arm] + 2.0); // SAFE: UnguardedDivision
        }
    }
}
