package eval.softmax;

/** Knowledge-distillation losses between teacher and student distributions. */
public final class Distillation {
    private static final double EPS = 1e-8;

    private Distillation() {}

    /** KL(teacher || student) over probabilities served by the two models' predict APIs (teacher is often one-hot). */
    public static double kl(double[] teacher, double[] student) {
        double kl = 0;
        for (int i = 0; i < teacher.length; i++) {
            kl += teacher[i] * Math.log(teacher[i] / (student[i] + EPS)); // EXPECT: UnguardedLog
        }
        return kl;
    }

    public static double klSafe(double[] teacher, double[] student) {
        double kl = 0;
        for (int i = 0; i < teacher.length; i++) {
            if (teacher[i] <= 0) continue;
            kl += teacher[i] * Math.log(teacher[i] / Math.max(student[i], EPS)); // SAFE: UnguardedLog
        }
        return kl;
    }

    /** Softened teacher targets at temperature T (Hinton et al.); teacher logits reach the hundreds. */
    public static double[] softTargets(double[] teacherLogits, double temperature) {
        double[] p = new double[teacherLogits.length];
        double z = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(teacherLogits[i] / temperature); // EXPECT: UnstableSoftmax
            z += p[i];
        }
        for (int i = 0; i < p.length; i++) p[i] /= z;
        return p;
    }

    /** Cross-entropy of the student logits against soft targets, via log-softmax. */
    public static double softCrossEntropy(double[] studentLogits, double[] softTargets, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : studentLogits) max = Math.max(max, v / temperature);
        double s = 0;
        for (double v : studentLogits) s += Math.exp(v / temperature - max); // SAFE: UnstableSoftmax
        double logZ = max + Math.log(s);
        double ce = 0;
        for (int i = 0; i < studentLogits.length; i++) {
            ce -= softTargets[i] * (studentLogits[i] / temperature - logZ); // SAFE: LogOfSoftmax
        }
        return ce * temperature * temperature;
    }

    /** Older student loss: softmax first, then the log of the clamped probabilities. */
    public static double softCrossEntropyViaProbs(double[] studentLogits, double[] softTargets, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : studentLogits) max = Math.max(max, v);
        double[] q = new double[studentLogits.length];
        double s = 0;
        for (int i = 0; i < q.length; i++) {
            q[i] = Math.exp((studentLogits[i] - max) / temperature);
            s += q[i];
        }
        double ce = 0;
        for (int i = 0; i < q.length; i++) {
            ce -= softTargets[i] * Math.log(Math.max(q[i] / s, EPS)); // EXPECT: LogOfSoftmax
        }
        return ce * temperature * temperature;
    }

    /** Jensen-Shannon divergence between two given histograms (mixture is > 0 where either is). */
    public static double jensenShannon(double[] p, double[] q) {
        double js = 0;
        for (int i = 0; i < p.length; i++) {
            double m = 0.5 * (p[i] + q[i]);
            if (p[i] > 0) js += 0.5 * p[i] * Math.log(p[i] / m); // SAFE: UnguardedLog
            if (q[i] > 0) js += 0.5 * q[i] * Math.log(q[i] / m); // SAFE: UnguardedLog
        }
        return js;
    }
}
