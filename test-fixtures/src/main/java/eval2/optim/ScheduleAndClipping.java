package eval2.optim;

import java.util.List;

/** Learning-rate schedules and gradient clipping shared by the hand-written trainers. */
public final class ScheduleAndClipping {

    private ScheduleAndClipping() {
    }

    /** Linear warm-up, then cosine decay to minLr at totalSteps. */
    public static double warmupCosine(long step, long warmupSteps, long totalSteps, double baseLr, double minLr) {
        if (step < warmupSteps) {
            return baseLr * (step + 1) / warmupSteps; // SAFE: UnguardedDivision @@ inside if (step < warmupSteps) with step >= 0, so warmupSteps >= 1
        }
        double progress = (step - warmupSteps) / (double) (totalSteps - warmupSteps); // EXPECT: UnguardedDivision @@ totalSteps - warmupSteps is 0 when the job is configured with warm-up over the whole run (seen in short fine-tuning configs): 0/0 = NaN learning rate at the last step
        progress = Math.min(progress, 1.0);
        return minLr + 0.5 * (baseLr - minLr) * (1 + Math.cos(Math.PI * progress));
    }

    /** BERT-style polynomial decay: baseLr * (1 - step / totalSteps)^power. */
    public static double polynomialDecay(long step, long totalSteps, double baseLr, double power) {
        if (totalSteps <= 0) {
            throw new IllegalArgumentException("totalSteps must be positive");
        }
        double remaining = 1.0 - (double) step / totalSteps; // SAFE: UnguardedDivision @@ totalSteps <= 0 throws above
        return baseLr * Math.pow(remaining, power); // EXPECT: PowDomain @@ remaining goes negative as soon as training runs past totalSteps (resumed runs, an extra epoch); with a fractional power such as 0.5 the learning rate is NaN
    }

    public static double polynomialDecayClamped(long step, long totalSteps, double baseLr, double power) {
        if (totalSteps <= 0) {
            throw new IllegalArgumentException("totalSteps must be positive");
        }
        double remaining = Math.max(0.0, 1.0 - (double) step / totalSteps);
        return baseLr * Math.pow(remaining, power); // SAFE: PowDomain @@ base clamped at 0 with Math.max, and a decay power is non-negative
    }

    /** Noam schedule from "Attention is all you need". */
    public static double noam(long step, int dModel, long warmup) {
        long s = Math.max(step, 1);
        return Math.pow(dModel, -0.5) * Math.min(Math.pow(s, -0.5), s * Math.pow(warmup, -1.5)); // SAFE: PowDomain @@ s = max(step, 1) >= 1 for the negative exponent (dModel and warmup are positive model constants)
    }

    /** Clip a list of gradient tensors to a global L2 norm, returning the norm before clipping. */
    public static double clipByGlobalNorm(List<double[]> grads, double maxNorm) {
        double sq = 0.0;
        for (double[] g : grads) {
            for (double x : g) {
                sq += x * x;
            }
        }
        double norm = Math.sqrt(sq); // SAFE: UnguardedSqrt @@ root of a sum of squares
        if (Double.isNaN(norm) || Double.isInfinite(norm)) {
            throw new IllegalStateException("non-finite gradient norm");
        }
        if (norm > maxNorm) {
            double scale = maxNorm / norm; // SAFE: UnguardedDivision @@ inside if (norm > maxNorm) with maxNorm >= 0, so norm > 0
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
            w[i] -= lr * g[i] / n; // EXPECT: UnguardedDivision @@ n is the gradient norm, 0 at a stationary point or for an all-zero gradient (dead layer): 0/0 = NaN in every weight
        }
    }

    /** Divergence check used by the trainers before applying a step. */
    public static boolean diverged(double loss) {
        return loss == Double.NaN || loss == Double.POSITIVE_INFINITY; // EXPECT: NaNEquality @@ loss == Double.NaN is always false, so a NaN loss is never reported as divergence
    }

    public static boolean divergedFloat(float loss) {
        return Float.isNaN(loss) || Float.isInfinite(loss); // SAFE: NaNEquality @@ Float.isNaN / isInfinite
    }

    /** Returns true while the smoothed loss is still a usable number. */
    public static boolean usable(float smoothedLoss) {
        return smoothedLoss != Float.NaN && smoothedLoss != Float.POSITIVE_INFINITY; // EXPECT: NaNEquality @@ != Float.NaN is always true, so a NaN smoothed loss is reported as usable
    }

    public static boolean atUpperBound(double lr) {
        return lr >= Double.MAX_VALUE; // SAFE: NaNEquality @@ comparison with Double.MAX_VALUE, not with NaN
    }
}
