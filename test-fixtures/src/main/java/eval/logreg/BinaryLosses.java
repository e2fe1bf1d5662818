package eval.logreg;

/** Assorted binary losses used by the click-through-rate models. */
public final class BinaryLosses {
    private static final double EPSILON = 1e-7;

    private BinaryLosses() {}

    static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /** Keras-style clipped BCE on a probability computed right here from the logit. */
    public static double clippedBce(double logit, double y) {
        double p = sigmoid(logit);
        p = clip(p, EPSILON, 1 - EPSILON);
        return -(y * Math.log(p) + (1 - y) * Math.log(1 - p)); // EXPECT: LogOfSoftmax
    }

    /** Softplus used as a smooth ReLU in the scoring tower. */
    public static double softplus(double x) {
        return Math.log(1 + Math.exp(x)); // EXPECT: UnstableSoftmax
    }

    /** Overflow-free softplus. */
    public static double stableSoftplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))); // SAFE: UnstableSoftmax
    }

    /** Negative log-likelihood of the observed click given the served probability (from the ranking service). */
    public static double clickNll(double servedProb, boolean clicked) {
        if (clicked) {
            return -Math.log(servedProb); // EXPECT: UnguardedLog
        }
        return -Math.log1p(-servedProb); // EXPECT: UnguardedLog
    }

    /** Same, with the served probability clamped into the open interval first. */
    public static double clickNllClamped(double servedProb, boolean clicked) {
        double p = clip(servedProb, EPSILON, 1 - EPSILON);
        return clicked ? -Math.log(p) : -Math.log(1 - p); // SAFE: UnguardedLog
    }

    /** Logistic loss on margins with labels in {-1, +1}. */
    public static double logisticMarginLoss(double margin, int ySigned) {
        return Math.log1p(Math.exp(-ySigned * margin));
    }

    /** Hinge loss with -1/+1 labels (values, not indices). */
    public static double hinge(double score, int ySigned) {
        return Math.max(0, 1 - ySigned * score);
    }

    /** Weighted BCE gradient w.r.t. the logit: sigmoid(z) - y, scaled by the positive weight. */
    public static double weightedGrad(double z, double y, double posWeight) {
        double p = sigmoid(z);
        return (p - y) * (y > 0.5 ? posWeight : 1.0);
    }

    static double clip(double v, double lo, double hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }
}
