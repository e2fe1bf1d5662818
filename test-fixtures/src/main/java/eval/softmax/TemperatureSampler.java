package eval.softmax;

import java.util.Random;

/** Samples the next token from language-model logits with temperature and top-p. */
public class TemperatureSampler {
    private final double temperature;
    private final double topP;
    private final Random rng;

    public TemperatureSampler(double temperature, double topP, long seed) {
        if (temperature <= 0) throw new IllegalArgumentException("temperature must be > 0");
        this.temperature = temperature;
        this.topP = topP;
        this.rng = new Random(seed);
    }

    /** Probabilities at temperature T (used at T = 0.2 for greedy-ish decoding). */
    double[] probsFast(float[] logits) {
        double[] probs = new double[logits.length];
        double z = 0;
        for (int i = 0; i < logits.length; i++) {
            probs[i] = Math.exp(logits[i] / temperature); // EXPECT: UnstableSoftmax
            z += probs[i];
        }
        for (int i = 0; i < probs.length; i++) probs[i] /= z;
        return probs;
    }

    double[] probs(float[] logits) {
        float maxLogit = Float.NEGATIVE_INFINITY;
        for (float l : logits) maxLogit = Math.max(maxLogit, l);
        double[] probs = new double[logits.length];
        double z = 0;
        for (int i = 0; i < logits.length; i++) {
            probs[i] = Math.exp((logits[i] - maxLogit) / temperature); // SAFE: UnstableSoftmax
            z += probs[i];
        }
        for (int i = 0; i < probs.length; i++) probs[i] /= z;
        return probs;
    }

    /** Sharpen an already-normalised distribution: p^(1/T), renormalised. */
    static double[] sharpen(double[] p, double temperature) {
        double[] out = new double[p.length];
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            out[i] = Math.pow(p[i], 1 / temperature); // SAFE: PowDomain
            s += out[i];
        }
        for (int i = 0; i < p.length; i++) out[i] /= s;
        return out;
    }

    public int sample(float[] logits) {
        double[] p = probs(logits);
        Integer[] idx = new Integer[p.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(p[b], p[a]));
        double cum = 0;
        int cut = idx.length;
        for (int k = 0; k < idx.length; k++) {
            cum += p[idx[k]];
            if (cum >= topP) {
                cut = k + 1;
                break;
            }
        }
        double u = rng.nextDouble() * cum;
        double acc = 0;
        for (int k = 0; k < cut; k++) {
            acc += p[idx[k]];
            if (acc >= u) return idx[k];
        }
        return idx[cut - 1];
    }

    /** Entropy of the predictive distribution, in nats (logged for monitoring). */
    public double entropy(float[] logits) {
        double[] p = probs(logits);
        double h = 0;
        for (double pi : p) {
            if (pi > 0) h -= pi * Math.log(pi); // SAFE: UnguardedLog
        }
        return h;
    }
}
