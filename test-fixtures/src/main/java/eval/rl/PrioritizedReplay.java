package eval.rl;

import java.util.Random;

/** Proportional prioritized experience replay (Schaul et al. 2016), array-backed. */
public class PrioritizedReplay {
    private static final double EPS = 1e-6;
    private final double alpha;
    private final double beta;
    private final double[] priorities;
    private final Random rnd = new Random(7);
    private int size;

    public PrioritizedReplay(int capacity, double alpha, double beta) {
        this.alpha = alpha;
        this.beta = beta;
        this.priorities = new double[capacity];
    }

    /** First version: the TD error is signed. */
    public void setPriorityRaw(int idx, double tdError) {
        priorities[idx] = Math.pow(tdError, alpha); // EXPECT: PowDomain
        size = Math.max(size, idx + 1);
    }

    public void setPriority(int idx, double tdError) {
        priorities[idx] = Math.pow(Math.abs(tdError) + EPS, alpha); // SAFE: PowDomain
        size = Math.max(size, idx + 1);
    }

    public int sample() {
        double total = 0;
        for (int i = 0; i < size; i++) total += priorities[i];
        double u = rnd.nextDouble() * total;
        double acc = 0;
        for (int i = 0; i < size; i++) {
            acc += priorities[i];
            if (acc >= u) return i;
        }
        return size - 1;
    }

    /** Importance-sampling weights normalised by their maximum. */
    public double[] isWeights(int[] batch) {
        double total = 0;
        for (int i = 0; i < size; i++) total += priorities[i];
        double[] w = new double[batch.length];
        double maxW = 0;
        for (int k = 0; k < batch.length; k++) {
            double prob = priorities[batch[k]] / total;
            w[k] = Math.pow(size * prob, -beta);
            maxW = Math.max(maxW, w[k]);
        }
        for (int k = 0; k < batch.length; k++) w[k] /= maxW;
        return w;
    }

    /** Rank-based variant: priority 1/rank, never zero. */
    public static double rankPriority(int rank, double alpha) {
        return Math.pow(rank + 1.0, -alpha); // SAFE: PowDomain
    }

    /** Huber-like "L1.5" loss on the TD error, as in the ablation. */
    public static double l15(double tdError) {
        double diff = tdError;
        return Math.pow(diff, 1.5); // EXPECT: PowDomain
    }

    public static double l15Signed(double tdError) {
        return Math.signum(tdError) * Math.pow(Math.abs(tdError), 1.5); // SAFE: PowDomain
    }
}
