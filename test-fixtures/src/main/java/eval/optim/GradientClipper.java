package eval.optim;

/** Global-norm gradient clipping and gradient normalisation for the hand-written trainer. */
public final class GradientClipper {
    private static final double TINY = 1e-12;

    private GradientClipper() {}

    static double globalNorm(double[][] grads) {
        double sq = 0;
        for (double[] g : grads) {
            for (double v : g) sq += v * v;
        }
        return Math.sqrt(sq); // SAFE: UnguardedSqrt
    }

    /** Rescale only when the norm exceeds the threshold. */
    public static void clipByGlobalNorm(double[][] grads, double maxNorm) {
        double norm = globalNorm(grads);
        if (norm > maxNorm) {
            double scale = maxNorm / norm; // SAFE: UnguardedDivision
            for (double[] g : grads) {
                for (int i = 0; i < g.length; i++) g[i] *= scale;
            }
        }
    }

    /** Normalised-gradient descent direction; frozen layers have all-zero gradients. */
    public static void normalize(double[] grad) {
        double norm = 0;
        for (double v : grad) norm += v * v;
        norm = Math.sqrt(norm);
        for (int i = 0; i < grad.length; i++) grad[i] = grad[i] / norm; // EXPECT: UnguardedDivision
    }

    public static void normalizeSafe(double[] grad) {
        double norm = 0;
        for (double v : grad) norm += v * v;
        norm = Math.sqrt(norm) + TINY;
        for (int i = 0; i < grad.length; i++) grad[i] = grad[i] / norm; // SAFE: UnguardedDivision
    }

    /** Mean gradient over the examples that passed the filter (possibly none). */
    public static double[] meanGradient(double[][] perExample, boolean[] keep) {
        double[] mean = new double[perExample[0].length];
        int used = 0;
        for (int e = 0; e < perExample.length; e++) {
            if (!keep[e]) continue;
            used++;
            for (int j = 0; j < mean.length; j++) mean[j] += perExample[e][j];
        }
        for (int j = 0; j < mean.length; j++) mean[j] /= used; // EXPECT: UnguardedDivision
        return mean;
    }

    /** Per-parameter clip to [-c, c]. */
    public static void clipValues(double[] grad, double c) {
        for (int i = 0; i < grad.length; i++) grad[i] = Math.max(-c, Math.min(c, grad[i]));
    }
}
