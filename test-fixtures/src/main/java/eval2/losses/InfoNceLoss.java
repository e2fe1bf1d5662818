package eval2.losses;

import java.util.List;

/**
 * NT-Xent / InfoNCE contrastive loss over a batch of projected views (SimCLR-style), plus the
 * alignment and uniformity diagnostics of Wang &amp; Isola.
 */
public class InfoNceLoss {

    private static final double NORM_EPS = 1e-8;

    private final double temperature;

    public InfoNceLoss(double temperature) {
        this.temperature = temperature;
    }

    static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double[] l2Normalize(double[] v) {
        double sq = 0.0;
        for (double x : v) {
            sq += x * x;
        }
        double norm = Math.sqrt(sq);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / (norm + NORM_EPS); // SAFE: UnguardedDivision
        }
        return out;
    }

    /**
     * Loss of one anchor against its positive and every other projection in the batch, on the raw
     * (unnormalised) 128-d projections, as in the first version of the pretraining job.
     */
    public double lossRaw(List<double[]> z, int anchor, int positive) {
        double denom = 0.0;
        for (int k = 0; k < z.size(); k++) {
            if (k == anchor) {
                continue;
            }
            denom += Math.exp(dot(z.get(anchor), z.get(k)) / temperature); // EXPECT: UnstableSoftmax
        }
        double pos = dot(z.get(anchor), z.get(positive)) / temperature;
        return Math.log(denom) - pos;
    }

    /** The version we train with: cosine logits, max-shifted log-sum-exp. */
    public double lossCosine(List<double[]> z, int anchor, int positive) {
        double[] a = l2Normalize(z.get(anchor));
        double[] logits = new double[z.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < z.size(); k++) {
            if (k == anchor) {
                continue;
            }
            logits[k] = dot(a, l2Normalize(z.get(k))) / temperature;
            max = Math.max(max, logits[k]);
        }
        double sum = 0.0;
        for (int k = 0; k < logits.length; k++) {
            if (k != anchor) {
                sum += Math.exp(logits[k] - max); // SAFE: UnstableSoftmax
            }
        }
        return -(logits[positive] - max - Math.log(sum)); // SAFE: LogOfSoftmax
    }

    /** Cosine similarity between two raw projections, logged for the alignment dashboard. */
    public static double cosine(double[] a, double[] b) {
        double na = Math.sqrt(dot(a, a));
        double nb = Math.sqrt(dot(b, b));
        return dot(a, b) / (na * nb); // EXPECT: UnguardedDivision
    }

    /** Uniformity: log of the mean Gaussian potential over all pairs of normalised projections. */
    public static double uniformity(List<double[]> z, double t) {
        int n = z.size();
        if (n < 2) {
            return 0.0;
        }
        double sum = 0.0;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            double[] a = l2Normalize(z.get(i));
            for (int j = i + 1; j < n; j++) {
                double[] b = l2Normalize(z.get(j));
                double d2 = 0.0;
                for (int k = 0; k < a.length; k++) {
                    double d = a[k] - b[k];
                    d2 += d * d;
                }
                sum += Math.exp(-t * d2); // SAFE: UnstableSoftmax
                pairs++;
            }
        }
        double mean = sum / pairs; // SAFE: UnguardedDivision
        return Math.log(mean); // SAFE: UnguardedLog
    }
}
