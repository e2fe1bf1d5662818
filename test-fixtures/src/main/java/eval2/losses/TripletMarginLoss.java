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
        return Math.sqrt(aa + bb - 2 * ab); // EXPECT: UnguardedSqrt @@ |a|^2 + |b|^2 - 2a.b is 0 on paper for a == b (duplicate images are common in mined batches) and rounds slightly negative: sqrt gives NaN
    }

    static double distance(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s); // SAFE: UnguardedSqrt @@ sum of squares, never negative
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
            double towardPos = (anchor[i] - pos[i]) / dp; // EXPECT: UnguardedDivision @@ dp is a Euclidean norm that is 0 when the positive is a duplicate of the anchor; the triplet is still active whenever dn < margin: 0/0 = NaN
            double awayNeg = (anchor[i] - neg[i]) / (dn + 1e-12); // SAFE: UnguardedDivision @@ epsilon added to the distance
            g[i] = towardPos - awayNeg;
        }
        return g;
    }

    /** Soft-margin triplet loss log(1 + exp(dp - dn)), written as a stable softplus. */
    public static double softMargin(double dp, double dn) {
        double x = dp - dn;
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x))); // SAFE: UnstableSoftmax @@ stable softplus: the exponent -|x| is never positive
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
            s += Math.exp(margin - d - max); // SAFE: UnstableSoftmax @@ shifted by max over (margin - d)
        }
        return max + Math.log(s); // SAFE: UnguardedLog @@ a sum of exps that includes exp(0) = 1 (the empty case returns early)
    }
}
