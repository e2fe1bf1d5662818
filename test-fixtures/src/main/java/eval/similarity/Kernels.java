package eval.similarity;

/** Kernel functions for the SVM and kernel-density baselines. */
public final class Kernels {
    private final double sigma;

    public Kernels(double sigma) {
        this.sigma = sigma;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** Euclidean distance via the norm expansion (the norms are cached per row). */
    public static double distanceExpanded(double[] a, double[] b) {
        double aa = dot(a, a);
        double bb = dot(b, b);
        double ab = dot(a, b);
        return Math.sqrt(aa + bb - 2 * ab); // EXPECT: UnguardedSqrt
    }

    public static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s); // SAFE: UnguardedSqrt
    }

    public static double distanceExpandedClamped(double[] a, double[] b) {
        double d2 = dot(a, a) + dot(b, b) - 2 * dot(a, b);
        return Math.sqrt(Math.max(d2, 0.0)); // SAFE: UnguardedSqrt
    }

    public double rbf(double[] a, double[] b) {
        double d2 = 0;
        for (int i = 0; i < a.length; i++) d2 += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.exp(-d2 / (2 * sigma * sigma)); // SAFE: UnstableSoftmax
    }

    /** Polynomial kernel of fractional degree on raw (signed) dot products. */
    public static double fractionalPoly(double[] a, double[] b, double c) {
        double base = dot(a, b) + c;
        return Math.pow(base, 1.5); // EXPECT: PowDomain
    }

    public static double poly(double[] a, double[] b, double c, int degree) {
        return Math.pow(dot(a, b) + c, degree); // SAFE: PowDomain
    }

    /** Vector length in the plane (used for 2-D visualisation). */
    public static double hypot(double x, double y) {
        return Math.sqrt(x * x + y * y); // SAFE: UnguardedSqrt
    }
}
