package eval.stats;

/** Online mean/variance (Welford) for the streaming feature normaliser. */
public class RunningStats {
    private long count;
    private double mean;
    private double m2;

    public void push(double x) {
        count++;
        double delta = x - mean;
        mean += delta / count; // SAFE: UnguardedDivision
        m2 += delta * (x - mean);
    }

    public double populationStd() {
        if (count == 0) return 0.0;
        return Math.sqrt(m2 / count); // SAFE: UnguardedSqrt
    }

    /** Unbiased sample variance; the normaliser asks for it after the first event of a new key. */
    public double sampleVariance() {
        return m2 / (count - 1); // EXPECT: UnguardedDivision
    }

    public double sampleVarianceSafe() {
        return count > 1 ? m2 / (count - 1) : 0.0; // SAFE: UnguardedDivision
    }

    /** Standardise with the running statistics. */
    public double standardize(double x) {
        double std = Math.sqrt(m2 / Math.max(count, 1)); // SAFE: UnguardedSqrt
        return (x - mean) / std; // EXPECT: UnguardedDivision
    }

    public double standardizeSafe(double x) {
        double std = populationStd();
        return std < 1e-12 ? 0.0 : (x - mean) / std; // SAFE: UnguardedDivision
    }

    /** Merge two partial aggregates (Chan et al.). */
    public static RunningStats merge(RunningStats a, RunningStats b) {
        RunningStats out = new RunningStats();
        out.count = a.count + b.count;
        if (out.count == 0) return out;
        double delta = b.mean - a.mean;
        out.mean = a.mean + delta * b.count / out.count; // SAFE: UnguardedDivision
        out.m2 = a.m2 + b.m2 + delta * delta * a.count * b.count / out.count;
        return out;
    }
}
