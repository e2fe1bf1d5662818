package eval.metrics;

import static java.lang.Double.NaN;

/** Divergence guards sprinkled through the trainers. */
public final class DivergenceChecks {
    private DivergenceChecks() {}

    public static void checkLoss(double loss, int step) {
        if (loss == Double.NaN) { // EXPECT: NaNEquality
            throw new IllegalStateException("loss is NaN at step " + step);
        }
    }

    public static boolean isFiniteWeight(float w) {
        return w != Float.NaN && !Float.isInfinite(w); // EXPECT: NaNEquality
    }

    public static boolean gradOk(double g) {
        return g != NaN; // EXPECT: NaNEquality
    }

    public static void checkLossProperly(double loss, int step) {
        if (Double.isNaN(loss) || Double.isInfinite(loss)) { // SAFE: NaNEquality
            throw new IllegalStateException("loss diverged at step " + step);
        }
    }

    public static boolean selfCompare(double v) {
        return v != v; // SAFE: NaNEquality
    }

    public static boolean boxedNaN(Double score) {
        return score.equals(Double.NaN); // SAFE: NaNEquality
    }

    public static boolean overflowed(double v) {
        return v == Double.POSITIVE_INFINITY || v == Double.MAX_VALUE; // SAFE: NaNEquality
    }

    public static String format(double v) {
        return "NaN".equals(String.valueOf(v)) ? "nan" : String.format("%.4f", v); // SAFE: NaNEquality
    }

    public static int countBad(double[] grads) {
        int bad = 0;
        for (double g : grads) {
            if (g > Double.NaN) bad++; // EXPECT: NaNEquality
        }
        return bad;
    }
}
