package eval2.losses;

/**
 * Triplet margin loss for the face-embedding model, with the hand-derived gradient with respect to
 * the anchor, and a soft-margin variant.
 */
public final class TripletMarginLoss {

    private final double margin;

    public TripletMarginLoss(double margin) {
        this.margin = margin;
    }

    static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Euclidean distance via the Gram expansion, so the miner can reuse cached inner products. */
    static double fastDistance(double[] a, double[] b) {
        double aa = dot(a, a);
        double bb = dot(b, b);
        double ab = dot(a, b);
        return Math.sqrt(aa + bb - 2 * ab); // EXPECT: UnguardedSqrt
    }

    static double distance(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s); // SAFE: UnguardedSqrt
    }

    public double loss(double[] anchor, double[] pos, double[] neg) {
        double dp = distance(anchor, pos);
        double dn = distance(anchor, neg);
        return Math.max(0.0, dp - dn + margin);
    }

    /** Gradient of the hinge with respect to the anchor: (a - p) / dp - (a - n) / dn when active. */
    public double[] gradAnchor(double[] anchor, double[] pos, double[] neg) {
        double dp = distance(anchor, pos);
        double dn = distance(anchor, neg);
        double[] g = new double[anchor.length];
        if (dp - dn + margin <= 0) {
            return g;
        }
        for (int i = 0; i < g.length; i++) {
            double towardPos = (anchor[i] - pos[i]) / dp; // EXPECT: UnguardedDivision
            double awayNeg = (anchor[i] - neg[i]) / (dn + 1e-12); // SAFE: UnguardedDivision
            g[i] = towardPos - awayNeg;
        }
        return g;
    }

    /** Soft-margin triplet loss log(1 + exp(dp - dn)), written as a stable softplus. */
    public static double softMargin(double dp, double dn) {
        double x = dp - dn;
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x))); // SAFE: UnstableSoftmax
    }

    /** Lifted-structure style smooth max over negatives, shifted by the largest term. */
    public static double smoothMaxNegatives(double[] negDistances, double margin) {
        if (negDistances.length == 0) {
            return 0.0;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double d : negDistances) {
            max = Math.max(max, margin - d);
        }
        double s = 0.0;
        for (double d : negDistances) {
            s += Math.exp(margin - d - max); // SAFE: UnstableSoftmax
        }
        return max + Math.log(s); // SAFE: UnguardedLog
    }
}
