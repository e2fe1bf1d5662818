package eval2.norm;

/**
 * Normalisation layers of the hand-written transformer and CNN used in the JVM inference service,
 * with the forward passes used during fine-tuning.
 */
public final class LayerNorms {

    private static final double LN_EPS = 1e-5;

    private LayerNorms() {
    }

    /** LayerNorm over the last dimension: two-pass variance, epsilon inside the root. */
    public static double[] layerNorm(double[] x, double[] gain, double[] bias) {
        int d = x.length;
        double mean = 0.0;
        for (double v : x) {
            mean += v;
        }
        mean /= d;
        double var = 0.0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        var /= d;
        double inv = 1.0 / Math.sqrt(var + LN_EPS); // SAFE: UnguardedDivision
        double[] out = new double[d];
        for (int i = 0; i < d; i++) {
            out[i] = gain[i] * (x[i] - mean) * inv + bias[i];
        }
        return out;
    }

    /** RMSNorm (no centring), first port from the Python code. */
    public static double[] rmsNorm(double[] x, double[] gain) {
        double meanSq = 0.0;
        for (double v : x) {
            meanSq += v * v / x.length;
        }
        double rms = Math.sqrt(meanSq);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = gain[i] * x[i] / rms; // EXPECT: UnguardedDivision
        }
        return out;
    }

    /** RMSNorm as in the reference implementation. */
    public static double[] rmsNormEps(double[] x, double[] gain) {
        double meanSq = 0.0;
        for (double v : x) {
            meanSq += v * v / x.length;
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = gain[i] * x[i] / Math.sqrt(meanSq + LN_EPS); // SAFE: UnguardedDivision
        }
        return out;
    }

    /** Instance normalisation of one feature map [h * w], one-pass statistics. */
    public static double[] instanceNorm(double[] map) {
        int n = map.length;
        if (n == 0) {
            return map;
        }
        double sum = 0.0;
        double sumSq = 0.0;
        for (double v : map) {
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / n;
        double std = Math.sqrt(sumSq / n - mean * mean); // EXPECT: UnguardedSqrt
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = (map[i] - mean) / std;
        }
        return out;
    }

    /** GroupNorm over a [channels][h * w] activation, one-pass statistics per group with epsilon. */
    public static double[][] groupNorm(double[][] x, int groups) {
        int channels = x.length;
        int perGroup = channels / groups;
        double[][] out = new double[channels][];
        for (int g = 0; g < groups; g++) {
            double sum = 0.0;
            double sumSq = 0.0;
            long count = 0;
            for (int c = g * perGroup; c < (g + 1) * perGroup; c++) {
                for (double v : x[c]) {
                    sum += v;
                    sumSq += v * v;
                    count++;
                }
            }
            double mean = sum / count;
            double var = Math.max(sumSq / count - mean * mean, 0.0);
            double std = Math.sqrt(var + LN_EPS); // SAFE: UnguardedSqrt
            for (int c = g * perGroup; c < (g + 1) * perGroup; c++) {
                out[c] = new double[x[c].length];
                for (int i = 0; i < x[c].length; i++) {
                    out[c][i] = (x[c][i] - mean) / std; // SAFE: UnguardedDivision
                }
            }
        }
        return out;
    }

    /** BatchNorm in inference mode with running statistics. */
    public static double batchNormInference(double x, double runningMean, double runningVar, double gamma, double beta) {
        return gamma * (x - runningMean) / Math.sqrt(runningVar + LN_EPS) + beta; // SAFE: UnguardedSqrt
    }

    /** BatchNorm training statistics over a minibatch column, Welford's update. */
    public static double[] welfordMeanStd(double[] column) {
        double mean = 0.0;
        double m2 = 0.0;
        int count = 0;
        for (double v : column) {
            count++;
            double delta = v - mean;
            mean += delta / count;
            m2 += delta * (v - mean);
        }
        if (count == 0) {
            return new double[] {0.0, 1.0};
        }
        return new double[] {mean, Math.sqrt(m2 / count)}; // SAFE: UnguardedSqrt
    }
}
