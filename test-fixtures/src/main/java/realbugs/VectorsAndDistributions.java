package realbugs;

/**
 * Reproductions of NaN/Infinity bugs fixed in a general-purpose Java ML library (labels jsat-* in
 * docs/evaluation/realbugs.tsv): vector normalisation through a library division method, RMSProp,
 * a log density, a truncated SVD, a self-organising map, a NaN check. Rewritten, not copied.
 */
public class VectorsAndDistributions {
    /** A small dense vector whose division is a method, as in the library. */
    public static class Vec {
        final double[] values;

        public Vec(double... values) {
            this.values = values;
        }

        public void mutableDivide(double c) {
            for (int i = 0; i < values.length; i++) {
                values[i] /= c;
            }
        }

        public double pNorm(double p) {
            double norm = 0;
            for (double v : values) {
                norm += Math.pow(Math.abs(v), p);
            }
            return Math.pow(norm, 1.0 / p);
        }

        /** jsat-vecnormalize: divide by the 2-norm, 0 for a zero vector. */
        public void normalizeBefore() {
            mutableDivide(pNorm(2.0)); // EXPECT: UnguardedDivision
        }

        public void normalizeAfter() {
            mutableDivide(Math.max(pNorm(2.0), 1e-10)); // SAFE: UnguardedDivision
        }

        /** jsat-densenormalize, and the look-alike square root of a sum of squares. */
        public void denseNormalizeBefore() {
            double sum = 0;
            for (double v : values) {
                sum += v * v;
            }
            sum = Math.sqrt(sum); // SAFE: UnguardedSqrt
            mutableDivide(sum); // EXPECT: UnguardedDivision
        }

        public void denseNormalizeAfter() {
            double sum = 0;
            for (double v : values) {
                sum += v * v;
            }
            sum = Math.sqrt(sum);
            mutableDivide(Math.max(sum, 1e-10)); // SAFE: UnguardedDivision
        }
    }

    /** jsat-pnorm: a data transform that scales each point to unit p-norm. */
    static void pNormTransformBefore(Vec point, double p) {
        point.mutableDivide(point.pNorm(p)); // EXPECT: UnguardedDivision
    }

    static void pNormTransformAfter(Vec point, double p) {
        double norm = point.pNorm(p);
        if (norm != 0) {
            point.mutableDivide(norm); // SAFE: UnguardedDivision
        }
    }

    /** jsat-rmsprop: x / sqrt(running mean of squared gradients), without an epsilon. */
    static void rmsPropStepBefore(double[] w, double[] grad, double[] meanSquare, double eta, double rho) {
        for (int i = 0; i < w.length; i++) {
            double g = grad[i];
            meanSquare[i] = rho * meanSquare[i] + (1 - rho) * g * g;
            final double gSquare = meanSquare[i];
            w[i] += -eta * g / Math.sqrt(gSquare); // EXPECT: UnguardedSqrt
        }
    }

    /** A continuous distribution with a density that is 0 outside its support. */
    public abstract static class Distribution {
        public abstract double pdf(double x);

        /** jsat-logpdf */
        public double logPdfBefore(double x) {
            return Math.log(pdf(x)); // EXPECT: UnguardedLog
        }

        public double logPdfAfter(double x) {
            double pdf = pdf(x);
            if (pdf <= 0) {
                return -Double.MAX_VALUE;
            }
            return Math.log(pdf); // SAFE: UnguardedLog
        }
    }

    /** jsat-truncsvd: singular values from eigenvalues of A^T A, with an epsilon that does not cover rounding. */
    static double[] singularValuesBefore(double[] eigenvalues, double[] inverse) {
        double[] s = eigenvalues.clone();
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.sqrt(s[i] + 1e-15); // EXPECT: UnguardedSqrt
            inverse[i] = 1 / s[i];
        }
        return s;
    }

    static double[] singularValuesAfter(double[] eigenvalues, double[] inverse) {
        double[] s = eigenvalues.clone();
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.sqrt(Math.max(s[i], 0.0)); // SAFE: UnguardedSqrt
            if (s[i] == 0) {
                inverse[i] = 0.0;
            } else {
                inverse[i] = 1 / s[i]; // SAFE: UnguardedDivision
            }
        }
        return s;
    }

    /** jsat-som: a neuron's new weight is the neighbourhood-weighted mean of the data, over a sum of weights. */
    static Vec neuronUpdateBefore(double[][] data, double[] neighbourhoodWeight) {
        Vec mean = new Vec(new double[data[0].length]);
        double denom = 0;
        for (int i = 0; i < data.length; i++) {
            for (int j = 0; j < data[i].length; j++) {
                mean.values[j] += neighbourhoodWeight[i] * data[i][j];
            }
            denom += neighbourhoodWeight[i];
        }
        mean.mutableDivide(denom); // EXPECT: UnguardedDivision
        return mean;
    }

    static Vec neuronUpdateAfter(double[][] data, double[] neighbourhoodWeight) {
        Vec mean = new Vec(new double[data[0].length]);
        double denom = 0;
        for (int i = 0; i < data.length; i++) {
            for (int j = 0; j < data[i].length; j++) {
                mean.values[j] += neighbourhoodWeight[i] * data[i][j];
            }
            denom += neighbourhoodWeight[i];
        }
        if (denom > 0) {
            mean.mutableDivide(denom); // SAFE: UnguardedDivision
        }
        return mean;
    }

    /** jsat-divisive: skip candidate splits whose evaluation is NaN. */
    static int bestSplitBefore(double[] splitEvaluation) {
        int best = -1;
        for (int z = 0; z < splitEvaluation.length; z++) {
            if (splitEvaluation[z] == Double.NaN) { // EXPECT: NaNEquality
                continue;
            }
            if (best < 0 || splitEvaluation[z] < splitEvaluation[best]) {
                best = z;
            }
        }
        return best;
    }

    static int bestSplitAfter(double[] splitEvaluation) {
        int best = -1;
        for (int z = 0; z < splitEvaluation.length; z++) {
            if (Double.isNaN(splitEvaluation[z])) { // SAFE: NaNEquality
                continue;
            }
            if (best < 0 || splitEvaluation[z] < splitEvaluation[best]) {
                best = z;
            }
        }
        return best;
    }
}
