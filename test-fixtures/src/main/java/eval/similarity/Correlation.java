package eval.similarity;

/** Correlation statistics used for feature selection and rank-correlation metrics. */
public final class Correlation {
    private Correlation() {}

    /** Textbook one-pass Pearson r. */
    public static double pearson(double[] x, double[] y) {
        int n = x.length;
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            sx += x[i];
            sy += y[i];
            sxx += x[i] * x[i];
            syy += y[i] * y[i];
            sxy += x[i] * y[i];
        }
        double num = n * sxy - sx * sy;
        double varX = n * sxx - sx * sx;
        double varY = n * syy - sy * sy;
        double den = Math.sqrt(varX) * Math.sqrt(varY); // EXPECT: UnguardedSqrt
        return num / den;
    }

    /** Two-pass Pearson with explicit handling of constant inputs. */
    public static double pearsonTwoPass(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) return Double.NaN;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double cov = 0, vx = 0, vy = 0;
        for (int i = 0; i < n; i++) {
            cov += (x[i] - mx) * (y[i] - my);
            vx += (x[i] - mx) * (x[i] - mx);
            vy += (y[i] - my) * (y[i] - my);
        }
        if (vx == 0 || vy == 0) return 0.0;
        return cov / Math.sqrt(vx * vy); // SAFE: UnguardedDivision
    }

    /** Greiner's relation: Kendall's tau of a Gaussian copula from Pearson's r. */
    public static double kendallFromPearson(double[] x, double[] y) {
        double corr = pearsonTwoPass(x, y);
        return 2 / Math.PI * Math.asin(corr); // EXPECT: InverseTrigDomain
    }

    /** Standard error of a proportion estimate. */
    public static double proportionStdErr(double p, int n) {
        return Math.sqrt(p * (1 - p) / n); // SAFE: UnguardedSqrt
    }
}
