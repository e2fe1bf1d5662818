package eval.rl;

/** REINFORCE / PPO pieces for the discrete-action agent. */
public class PolicyGradient {
    private static final double ADV_EPS = 1e-8;
    private final double[][] theta; // [actions][features]
    private final double lr;

    public PolicyGradient(int actions, int features, double lr) {
        this.theta = new double[actions][features];
        this.lr = lr;
    }

    double[] policy(double[] state) {
        double[] logits = new double[theta.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < theta.length; a++) {
            for (int j = 0; j < state.length; j++) logits[a] += theta[a][j] * state[j];
            max = Math.max(max, logits[a]);
        }
        double sum = 0;
        double[] pi = new double[logits.length];
        for (int a = 0; a < logits.length; a++) {
            pi[a] = Math.exp(logits[a] - max);
            sum += pi[a];
        }
        for (int a = 0; a < pi.length; a++) pi[a] /= sum;
        return pi;
    }

    /** Entropy bonus; a near-deterministic policy has actions with probability exactly 0. */
    static double entropy(double[] pi) {
        double h = 0;
        for (double p : pi) h -= p * Math.log(p); // EXPECT: UnguardedLog
        return h;
    }

    /** Advantages standardised over the rollout. */
    static double[] normalizeAdvantages(double[] adv) {
        double mean = 0;
        for (double a : adv) mean += a;
        mean /= adv.length;
        double sq = 0;
        for (double a : adv) sq += (a - mean) * (a - mean);
        double std = Math.sqrt(sq / adv.length);
        double[] out = new double[adv.length];
        for (int i = 0; i < adv.length; i++) out[i] = (adv[i] - mean) / (std + ADV_EPS); // SAFE: UnguardedDivision
        return out;
    }

    /** PPO clipped surrogate for one sample. */
    static double ppoObjective(double logp, double oldLogp, double advantage, double clip) {
        double ratio = Math.exp(logp - oldLogp); // SAFE: UnstableSoftmax
        double clipped = Math.max(1 - clip, Math.min(1 + clip, ratio));
        return Math.min(ratio * advantage, clipped * advantage);
    }

    /** Vanilla REINFORCE over sampled episodes. */
    public void train(double[][][] episodes, int[][] actions, double[][] returns, int numIterations) {
        for (int iter = 0; iter < numIterations; iter++) { // EXPECT: UncheckedTrainingLoss
            double loss = 0;
            for (int e = 0; e < episodes.length; e++) {
                double[] adv = normalizeAdvantages(returns[e]);
                for (int t = 0; t < episodes[e].length; t++) {
                    double[] pi = policy(episodes[e][t]);
                    int a = actions[e][t];
                    loss -= Math.log(Math.max(pi[a], 1e-12)) * adv[t]; // EXPECT: LogOfSoftmax
                    for (int b = 0; b < theta.length; b++) {
                        double g = ((b == a ? 1.0 : 0.0) - pi[b]) * adv[t];
                        for (int j = 0; j < theta[b].length; j++) theta[b][j] += lr * g * episodes[e][t][j];
                    }
                }
            }
            System.out.println("iter " + iter + " surrogate loss " + loss);
        }
    }
}
