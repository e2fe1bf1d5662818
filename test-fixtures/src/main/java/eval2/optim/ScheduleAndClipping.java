package eval2.optim;

import java.util.List;

/** Learning-rate schedules and gradient clipping shared by the hand-written trainers. */
public final class ScheduleAndClipping {

    private ScheduleAndClipping() {
    }

    /** Linear warm-up, then cosine decay to minLr at totalSteps. */
    public static double warmupCosine(long step, long warmupSteps, long totalSteps, double baseLr, double minLr) {
        if (step < warmupSteps) {
            return baseLr * (step + 1) / warmupSteps; // SAFE: UnguardedDivision
        }
        double progress = (step - warmupSteps) / (double) (totalSteps - warmupSteps); // EXPECT: UnguardedDivision
        progress = Math.min(progress, 1.0);
        return minLr + 0.5 * (baseLr - minLr) * (1 + Math.cos(Math.PI * progress));
    }

    /** BERT-style polynomial decay: baseLr * (1 - step / totalSteps)^power. */
    public static double polynomialDecay(long step, long totalSteps, double baseLr, double power) {
        if (totalSteps <= 0) {
            throw new IllegalArgumentException("totalSteps must be positive");
        }
        double remaining = 1.0 - (double) step / totalSteps; // SAFE: UnguardedDivision
        return baseLr * Math.pow(remaining, power); // EXPECT: PowDomain
    }

    public static double polynomialDecayClamped(long step, long totalSteps, double baseLr, double power) {
        if (totalSteps <= 0) {
            throw new IllegalArgumentException("totalSteps must be positive");
        }
        double remaining = Math.max(0.0, 1.0 - (double) step / totalSteps);
        return baseLr * Math.pow(remaining, power); // SAFE: PowDomain
    }

    /** Noam schedule from "Attention is all you need". */
    public static double noam(long step, int dModel, long warmup) {
        long s = Math.max(step, 1);
        double decay = Math.pow(s, -0.5); // SAFE: PowDomain
        double warm = s * Math.pow(warmup, -1.5);
        return Math.pow(dModel, -0.5) * Math.min(decay, warm);
    }

    /** Clip a list of gradient tensors to a global L2 norm, returning the norm before clipping. */
    public static double clipByGlobalNorm(List<double[]> grads, double maxNorm) {
        double sq = 0.0;
        for (double[] g : grads) {
            for (double x : g) {
                sq += x * x;
            }
        }
        double norm = Math.sqrt(sq); // SAFE: UnguardedSqrt
        if (Double.isNaN(norm) || Double.isInfinite(norm)) {
            throw new IllegalStateException("non-finite gradient norm");
        }
        if (norm > maxNorm) {
            double scale = maxNorm / norm; // SAFE: UnguardedDivision
            for (double[] g : grads) {
                for (int i = 0; i < g.length; i++) {
                    g[i] *= scale;
                }
            }
        }
        return norm;
    }

    /** Normalised gradient descent: every step has length exactly lr. */
    public static void normalizedStep(double[] w, double[] g, double lr) {
        double n = 0.0;
        for (double x : g) {
            n += x * x;
        }
        n = Math.sqrt(n);
        for (int i = 0; i < w.length; i++) {
            w[i] -= lr * g[i] / n; // EXPECT: UnguardedDivision
        }
    }

    /** Divergence check used by the trainers before applying a step. */
    public static boolean diverged(double loss) {
        return loss == Double.NaN || loss == Double.POSITIVE_INFINITY; // EXPECT: NaNEquality
    }

    public static boolean divergedFloat(float loss) {
        return Float.isNaN(loss) || Float.isInfinite(loss); // SAFE: NaNEquality
    }

    /** Returns true while the smoothed loss is still a usable number. */
    public static boolean usable(float smoothedLoss) {
        return smoothedLoss != Float.NaN && smoothedLoss != Float.POSITIVE_INFINITY; // EXPECT: NaNEquality
    }

    public static boolean atUpperBound(double lr) {
        return lr >= Double.MAX_VALUE; // SAFE: NaNEquality
    }
}
