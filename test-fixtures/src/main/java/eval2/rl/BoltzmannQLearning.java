package eval2.rl;

import java.util.Random;

/**
 * Tabular Q-learning with Boltzmann (softmax) exploration and a prioritised replay buffer, for the
 * pricing simulator (rewards are revenues in euros, so Q-values reach the hundreds).
 */
public class BoltzmannQLearning {

    private static final double PRIORITY_EPS = 1e-6;

    private final double[][] q;
    private final Random rng;
    private final double priorityAlpha;

    public BoltzmannQLearning(int states, int actions, double priorityAlpha, long seed) {
        this.q = new double[states][actions];
        this.rng = new Random(seed);
        this.priorityAlpha = priorityAlpha;
    }

    /** Samples an action with probability proportional to exp(Q / temperature). */
    int boltzmann(double[] qs, double temperature) {
        double[] prefs = new double[qs.length];
        double total = 0.0;
        for (int a = 0; a < qs.length; a++) {
            prefs[a] = Math.exp(qs[a] / temperature); // EXPECT: UnstableSoftmax
            total += prefs[a];
        }
        double u = rng.nextDouble();
        double acc = 0.0;
        for (int a = 0; a < qs.length; a++) {
            acc += prefs[a] / total;
            if (u <= acc) {
                return a;
            }
        }
        return qs.length - 1;
    }

    /** The same sampler, shifted by the best Q-value. */
    int boltzmannStable(double[] qs, double temperature) {
        double best = Double.NEGATIVE_INFINITY;
        for (double v : qs) {
            if (v > best) {
                best = v;
            }
        }
        double[] prefs = new double[qs.length];
        double total = 0.0;
        for (int a = 0; a < qs.length; a++) {
            prefs[a] = Math.exp((qs[a] - best) / temperature); // SAFE: UnstableSoftmax
            total += prefs[a];
        }
        double u = rng.nextDouble();
        double acc = 0.0;
        for (int a = 0; a < qs.length; a++) {
            acc += prefs[a] / total;
            if (u <= acc) {
                return a;
            }
        }
        return qs.length - 1;
    }

    /** Priority of a transition for prioritised replay (Schaul et al.). */
    double priority(double tdError) {
        return Math.pow(Math.abs(tdError) + PRIORITY_EPS, priorityAlpha); // SAFE: PowDomain
    }

    /** First version of the priority, kept for the A/B comparison. */
    double priorityV1(double tdError) {
        return Math.pow(tdError, priorityAlpha); // EXPECT: PowDomain
    }

    /** Largest importance-sampling weight in the buffer, used to normalise all weights to <= 1. */
    static double maxIsWeight(double[] priorities, double beta) {
        double total = 0.0;
        double min = Double.POSITIVE_INFINITY;
        for (double p : priorities) {
            total += p;
            min = Math.min(min, p);
        }
        double minProb = min / total;
        return Math.pow(priorities.length * minProb, -beta); // EXPECT: PowDomain
    }

    /** Importance-sampling weight of a transition stored with priority p (priority() adds epsilon). */
    static double isWeight(double p, double total, int n, double beta) {
        double prob = (p + PRIORITY_EPS) / (total + n * PRIORITY_EPS);
        return Math.pow(n * prob, -beta); // SAFE: PowDomain
    }

    /** Runs episodes in the simulator and returns the final Q-table. */
    public double[][] train(PricingSimulator sim, int episodes, double lr, double discount) {
        double temperature = 5.0;
        for (int ep = 0; ep < episodes; ep++) { // EXPECT: UncheckedTrainingLoss
            int s = sim.reset();
            double tdLoss = 0.0;
            boolean done = false;
            while (!done) {
                int a = boltzmann(q[s], temperature);
                double r = sim.reward(s, a);
                int next = sim.next(s, a);
                done = sim.terminal(next);
                double target = r + (done ? 0.0 : discount * max(q[next]));
                double td = target - q[s][a];
                q[s][a] += lr * td;
                tdLoss += td * td;
                s = next;
            }
            temperature = Math.max(0.1, temperature * 0.995);
            if (ep % 100 == 0) {
                System.out.println("episode " + ep + " td loss " + tdLoss);
            }
        }
        return q;
    }

    /** Sanity check before exporting the table. */
    public boolean tableHasNaN() {
        for (double[] row : q) {
            for (double v : row) {
                if (v == Double.NaN) { // EXPECT: NaNEquality
                    return true;
                }
            }
        }
        return false;
    }

    /** Same check, as used by the export job. */
    public boolean tableHasNaNFixed() {
        for (double[] row : q) {
            for (double v : row) {
                if (Double.compare(v, Double.NaN) == 0) { // SAFE: NaNEquality
                    return true;
                }
                if (Double.valueOf(v).equals(Double.NaN)) { // SAFE: NaNEquality
                    return true;
                }
            }
        }
        return false;
    }

    static double max(double[] xs) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : xs) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** The environment interface. */
    public interface PricingSimulator {
        int reset();

        double reward(int state, int action);

        int next(int state, int action);

        boolean terminal(int state);
    }
}
