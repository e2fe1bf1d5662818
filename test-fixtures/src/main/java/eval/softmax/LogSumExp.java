package eval.softmax;

import java.util.Arrays;
import java.util.stream.DoubleStream;

/** Log-sum-exp helpers used by the CRF and the mixture-of-experts gate. */
public final class LogSumExp {
    private LogSumExp() {}

    public static double lseNaive(double[] scores) {
        double s = Arrays.stream(scores).map(v -> Math.exp(v)).sum(); // EXPECT: UnstableSoftmax
        return Math.log(s);
    }

    public static double lse(double[] scores) {
        double m = DoubleStream.of(scores).max().orElse(0.0);
        double s = DoubleStream.of(scores).map(v -> Math.exp(v - m)).sum(); // SAFE: UnstableSoftmax
        return m + Math.log(s); // SAFE: UnguardedLog
    }

    /** log(exp(a) + exp(b)) for the forward algorithm. */
    public static double logAddNaive(double a, double b) {
        return Math.log(Math.exp(a) + Math.exp(b)); // EXPECT: UnstableSoftmax
    }

    public static double logAdd(double a, double b) {
        double hi = Math.max(a, b);
        double lo = Math.min(a, b);
        return hi + Math.log1p(Math.exp(lo - hi)); // SAFE: UnstableSoftmax
    }

    /** Gate weights of the mixture of experts. */
    public static double[] gate(double[] gateLogits) {
        double[] g = new double[gateLogits.length];
        double total = 0;
        for (int k = 0; k < g.length; k++) {
            total += Math.exp(gateLogits[k]); // EXPECT: UnstableSoftmax
        }
        for (int k = 0; k < g.length; k++) {
            g[k] = Math.exp(gateLogits[k]) / total; // EXPECT: UnstableSoftmax
        }
        return g;
    }

    /** Same gate, but the logits were shifted in place first. */
    public static double[] gateShifted(double[] gateLogits) {
        double[] z = gateLogits.clone();
        double best = z[0];
        for (int k = 1; k < z.length; k++) {
            if (z[k] > best) best = z[k];
        }
        for (int k = 0; k < z.length; k++) z[k] -= best;
        double total = 0;
        for (int k = 0; k < z.length; k++) total += Math.exp(z[k]); // SAFE: UnstableSoftmax
        double[] g = new double[z.length];
        for (int k = 0; k < z.length; k++) g[k] = Math.exp(z[k]) / total; // SAFE: UnstableSoftmax
        return g;
    }

    /** Exp of a log that is already normalised: posterior from log-posterior. */
    public static double[] expNormalized(double[] logPost) {
        double norm = lse(logPost);
        double[] out = new double[logPost.length];
        for (int i = 0; i < out.length; i++) out[i] = Math.exp(logPost[i] - norm); // SAFE: UnstableSoftmax
        return out;
    }
}
