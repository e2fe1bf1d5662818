package eval2.losses;

import java.util.Arrays;

/**
 * Losses used when distilling the ranking model into the small on-device one: softened KL between
 * teacher and student, label-smoothed cross-entropy, the VAE prior term, and Jensen-Shannon for
 * monitoring.
 */
public class DistillationLoss {

    private final double temperature;

    public DistillationLoss(double temperature) {
        if (temperature <= 0) {
            throw new IllegalArgumentException("temperature must be positive: " + temperature);
        }
        this.temperature = temperature;
    }

    /** Softmax at temperature T, shifted by the largest logit. */
    double[] soften(double[] logits) {
        double max = Arrays.stream(logits).max().orElse(0.0);
        double[] out = new double[logits.length];
        double sum = 0.0;
        for (int i = 0; i < logits.length; i++) {
            out[i] = Math.exp((logits[i] - max) / temperature); // SAFE: UnstableSoftmax
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum; // SAFE: UnguardedDivision
        }
        return out;
    }

    /** KL(teacher || student) of the softened distributions, scaled by T^2 as in Hinton et al. */
    public double kl(double[] teacherLogits, double[] studentLogits) {
        double[] p = soften(teacherLogits);
        double[] q = soften(studentLogits);
        double kl = 0.0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                double logP = Math.log(p[i]); // SAFE: UnguardedLog
                double logQ = Math.log(q[i]); // EXPECT: UnguardedLog
                kl += p[i] * (logP - logQ);
            }
        }
        return kl * temperature * temperature;
    }

    /** KL(N(mu, sigma^2) || N(0, 1)) summed over latent dimensions, from the encoder's std head. */
    public static double gaussianKl(double[] mu, double[] sigma) {
        double kl = 0.0;
        for (int j = 0; j < mu.length; j++) {
            double var = sigma[j] * sigma[j];
            kl += 0.5 * (var + mu[j] * mu[j] - 1.0 - Math.log(var)); // EXPECT: UnguardedLog
        }
        return kl;
    }

    /** The same term with the log-variance parameterisation: no log at all. */
    public static double gaussianKlLogVar(double[] mu, double[] logVar) {
        double kl = 0.0;
        for (int j = 0; j < mu.length; j++) {
            kl += 0.5 * (Math.exp(logVar[j]) + mu[j] * mu[j] - 1.0 - logVar[j]);
        }
        return kl;
    }

    /** Cross-entropy against label-smoothed targets, from the logits via log-sum-exp. */
    public static double smoothedCrossEntropy(double[] logits, int label, double smoothing) {
        int k = logits.length;
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            if (z > max) {
                max = z;
            }
        }
        double sum = 0.0;
        for (double z : logits) {
            sum += Math.exp(z - max); // SAFE: UnstableSoftmax
        }
        double logZ = max + Math.log(sum); // SAFE: LogOfSoftmax
        double loss = 0.0;
        for (int i = 0; i < k; i++) {
            double target = i == label ? 1.0 - smoothing + smoothing / k : smoothing / k; // SAFE: UnguardedDivision
            loss -= target * (logits[i] - logZ);
        }
        return loss;
    }

    /** Jensen-Shannon divergence in bits between two histograms (monitoring only). */
    public static double jensenShannon(double[] p, double[] q) {
        double js = 0.0;
        for (int i = 0; i < p.length; i++) {
            double m = 0.5 * (p[i] + q[i]);
            if (m == 0.0) {
                continue;
            }
            if (p[i] > 0) {
                double ratio = p[i] / m; // SAFE: UnguardedDivision
                js += 0.5 * p[i] * Math.log(ratio); // SAFE: UnguardedLog
            }
            if (q[i] > 0) {
                js += 0.5 * q[i] * Math.log(q[i] / m);
            }
        }
        return js / Math.log(2.0);
    }
}
