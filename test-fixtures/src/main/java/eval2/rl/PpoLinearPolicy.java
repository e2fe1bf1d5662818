package eval2.rl;

import java.util.List;

/**
 * PPO with a linear softmax policy and a linear value function, for the warehouse-routing simulator
 * (discrete actions, sparse rewards).
 */
public class PpoLinearPolicy {

    private static final double CLIP = 0.2;
    private static final double ENTROPY_COEF = 0.01;

    private final double[][] theta;
    private final double[] valueW;

    public PpoLinearPolicy(int numActions, int numFeatures) {
        this.theta = new double[numActions][numFeatures];
        this.valueW = new double[numFeatures];
    }

    /** One transition of a rollout. */
    public static final class Step {
        double[] state;
        int action;
        double reward;
        boolean done;
        double oldLogProb;
        double value;
    }

    static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    double[] logits(double[] s) {
        double[] z = new double[theta.length];
        for (int a = 0; a < theta.length; a++) {
            z[a] = dot(theta[a], s);
        }
        return z;
    }

    double[] policy(double[] s) {
        double[] z = logits(s);
        double max = z[0];
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0.0;
        double[] p = new double[z.length];
        for (int a = 0; a < z.length; a++) {
            p[a] = Math.exp(z[a] - max); // SAFE: UnstableSoftmax
            sum += p[a];
        }
        for (int a = 0; a < z.length; a++) {
            p[a] /= sum;
        }
        return p;
    }

    /** log pi(a | s) via log-softmax of the logits. */
    double logProb(double[] s, int action) {
        double[] z = logits(s);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0.0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        return z[action] - max - Math.log(sum); // SAFE: LogOfSoftmax
    }

    /** Policy entropy, added as an exploration bonus. */
    double entropy(double[] s) {
        double[] p = policy(s);
        double h = 0.0;
        for (double pa : p) {
            h -= pa * Math.log(pa); // EXPECT: UnguardedLog
        }
        return h;
    }

    /** Entropy with the 0 log 0 = 0 convention. */
    double entropySafe(double[] s) {
        double[] p = policy(s);
        double h = 0.0;
        for (double pa : p) {
            if (pa > 0) {
                h -= pa * Math.log(pa); // SAFE: UnguardedLog
            }
        }
        return h;
    }

    /** Generalised advantage estimation over one rollout, then per-batch normalisation. */
    static double[] advantages(List<Step> rollout, double gamma, double lambda, double lastValue) {
        int n = rollout.size();
        double[] adv = new double[n];
        double next = lastValue;
        double gae = 0.0;
        for (int t = n - 1; t >= 0; t--) {
            Step st = rollout.get(t);
            double notDone = st.done ? 0.0 : 1.0;
            double delta = st.reward + gamma * next * notDone - st.value;
            gae = delta + gamma * lambda * notDone * gae;
            adv[t] = gae;
            next = st.value;
        }
        if (n == 0) {
            return adv;
        }
        double mean = 0.0;
        for (double a : adv) {
            mean += a / n;
        }
        double var = 0.0;
        for (double a : adv) {
            var += (a - mean) * (a - mean) / n;
        }
        double std = Math.sqrt(var);
        for (int t = 0; t < n; t++) {
            adv[t] = (adv[t] - mean) / std; // EXPECT: UnguardedDivision
        }
        return adv;
    }

    static void normalizeWithEps(double[] adv) {
        if (adv.length == 0) {
            return;
        }
        double mean = 0.0;
        for (double a : adv) {
            mean += a;
        }
        mean /= adv.length; // SAFE: UnguardedDivision
        double var = 0.0;
        for (double a : adv) {
            var += (a - mean) * (a - mean);
        }
        double std = Math.sqrt(var / adv.length);
        for (int t = 0; t < adv.length; t++) {
            adv[t] = (adv[t] - mean) / (std + 1e-8); // SAFE: UnguardedDivision
        }
    }

    /** One PPO epoch over a rollout; returns the mean surrogate loss. */
    public double update(List<Step> rollout, double lr, double gamma, double lambda) {
        double[] adv = advantages(rollout, gamma, lambda, 0.0);
        double total = 0.0;
        for (int t = 0; t < rollout.size(); t++) {
            Step st = rollout.get(t);
            double ratio = Math.exp(logProb(st.state, st.action) - st.oldLogProb); // SAFE: UnstableSoftmax
            double clipped = Math.max(1 - CLIP, Math.min(1 + CLIP, ratio));
            double surrogate = Math.min(ratio * adv[t], clipped * adv[t]);
            total += -surrogate - ENTROPY_COEF * entropySafe(st.state);
            boolean active = ratio * adv[t] <= clipped * adv[t];
            if (active) {
                double[] p = policy(st.state);
                for (int a = 0; a < theta.length; a++) {
                    double indicator = a == st.action ? 1.0 : 0.0;
                    for (int j = 0; j < st.state.length; j++) {
                        theta[a][j] += lr * adv[t] * ratio * (indicator - p[a]) * st.state[j];
                    }
                }
            }
            double vErr = dot(valueW, st.state) - (adv[t] + st.value);
            for (int j = 0; j < valueW.length; j++) {
                valueW[j] -= lr * vErr * st.state[j];
            }
        }
        return rollout.isEmpty() ? 0.0 : total / rollout.size(); // SAFE: UnguardedDivision
    }

    /** Training driver: stops at the first non-finite loss. */
    public void train(List<List<Step>> rollouts, int iterations, double lr) {
        for (int it = 0; it < iterations; it++) { // SAFE: UncheckedTrainingLoss
            double loss = 0.0;
            for (List<Step> r : rollouts) {
                loss += update(r, lr, 0.99, 0.95);
            }
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("PPO diverged at iteration " + it);
            }
        }
    }
}
