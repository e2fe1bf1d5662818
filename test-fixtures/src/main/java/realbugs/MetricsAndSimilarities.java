package realbugs;

/**
 * Reproductions of NaN/Infinity bugs fixed in a recommender library, a small ML toolkit and a distributed
 * ML platform (labels mahout-*, javaml-*, h2o-* in docs/evaluation/realbugs.tsv): similarity measures,
 * ranking and classification metrics, min-max scaling, an uplift divergence. Rewritten, not copied.
 */
public class MetricsAndSimilarities {
    private static final double LOG2 = Math.log(2.0);

    /** mahout-euclidean: distance from squared norms and a dot product, which rounding can make negative. */
    static double euclideanSimilarityBefore(double dots, double normA, double normB) {
        double euclideanDistance = Math.sqrt(normA - 2 * dots + normB); // EXPECT: UnguardedSqrt
        return 1.0 / (1.0 + euclideanDistance);
    }

    static double euclideanSimilarityAfter(double dots, double normA, double normB) {
        double euclideanDistance = Math.sqrt(Math.max(0.0, normA - 2 * dots + normB)); // SAFE: UnguardedSqrt
        return 1.0 / (1.0 + euclideanDistance); // SAFE: UnguardedDivision
    }

    /** mahout-ndcg, with the look-alike divisions of the same evaluator. */
    static double[] rankingStatsBefore(boolean[] recommendedIsRelevant, int numRelevantItems) {
        int numRecommendedItems = recommendedIsRelevant.length;
        int intersectionSize = 0;
        for (boolean relevant : recommendedIsRelevant) {
            if (relevant) {
                intersectionSize++;
            }
        }
        double precision = Double.NaN;
        if (numRecommendedItems > 0) {
            precision = (double) intersectionSize / (double) numRecommendedItems; // SAFE: UnguardedDivision
        }
        double cumulativeGain = 0.0;
        double idealizedGain = 0.0;
        for (int i = 0; i < numRecommendedItems; i++) {
            double discount = i == 0 ? 1.0 : 1.0 / log2(i + 1); // SAFE: UnguardedDivision
            if (recommendedIsRelevant[i]) {
                cumulativeGain += discount;
            }
            if (i < numRelevantItems) {
                idealizedGain += discount;
            }
        }
        double ndcg = cumulativeGain / idealizedGain; // EXPECT: UnguardedDivision
        return new double[] {precision, ndcg};
    }

    static double ndcgAfter(double cumulativeGain, double idealizedGain) {
        double ndcg = Double.NaN;
        if (idealizedGain > 0.0) {
            ndcg = cumulativeGain / idealizedGain; // SAFE: UnguardedDivision
        }
        return ndcg;
    }

    private static double log2(double value) {
        return Math.log(value) / LOG2; // SAFE: UnguardedDivision
    }

    /** mahout-cosine: one minus the cosine of two vectors, 0 / 0 for a zero vector. */
    static double cosineDistanceBefore(double[] v1, double[] v2) {
        double lengthSquaredV1 = dot(v1, v1);
        double lengthSquaredV2 = dot(v2, v2);
        double dotProduct = dot(v2, v1);
        double denominator = Math.sqrt(lengthSquaredV1) * Math.sqrt(lengthSquaredV2); // SAFE: UnguardedSqrt
        if (denominator < dotProduct) {
            denominator = dotProduct;
        }
        return 1.0 - dotProduct / denominator; // EXPECT: UnguardedDivision
    }

    static double cosineDistanceAfter(double[] v1, double[] v2) {
        double lengthSquaredV1 = dot(v1, v1);
        double lengthSquaredV2 = dot(v2, v2);
        double dotProduct = dot(v2, v1);
        double denominator = Math.sqrt(lengthSquaredV1) * Math.sqrt(lengthSquaredV2);
        if (denominator < dotProduct) {
            denominator = dotProduct;
        }
        if (denominator == 0 && dotProduct == 0) {
            return 1;
        }
        return 1.0 - dotProduct / denominator; // SAFE: UnguardedDivision
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** javaml-bcr and javaml-fmeasure: metrics over a confusion matrix kept as double fields. */
    public static class Confusion {
        public double tp;
        public double tn;
        public double fp;
        public double fn;

        public double getPrecision() {
            return this.tp / (this.tp + this.fp);
        }

        public double getRecall() {
            return this.tp / (this.tp + this.fn);
        }

        public double balancedRateBefore() {
            return 0.5 * (tp / (tp + fn) + tn / (tn + fp)); // EXPECT: UnguardedDivision
        }

        public double balancedRateAfter() {
            if (tn == 0 && fp == 0) {
                return tp / (tp + fn);
            }
            if (tp == 0 && fn == 0) {
                return tn / (tn + fp);
            }
            return 0.5 * (tp / (tp + fn) + tn / (tn + fp)); // SAFE: UnguardedDivision
        }

        public double fMeasureBefore(int beta) {
            return ((beta * beta + 1) * this.getPrecision() * this.getRecall()) / (beta * beta * this.getPrecision() + this.getRecall()); // EXPECT: UnguardedDivision
        }

        public double fMeasureAfter(int beta) {
            double f = ((beta * beta + 1) * this.getPrecision() * this.getRecall()) / (beta * beta * this.getPrecision() + this.getRecall()); // SAFE: UnguardedDivision
            if (Double.isNaN(f)) {
                return 0;
            }
            return f;
        }
    }

    /** javaml-midrange: scaling to [-1, 1] around the midrange of each attribute, and the look-alike midrange. */
    static void midrangeScaleBefore(float[][] data, float normalRange, float normalMiddle) {
        int d = data[0].length;
        float[] midrange = new float[d];
        float[] range = new float[d];
        for (int j = 0; j < d; j++) {
            float max = Float.NEGATIVE_INFINITY;
            float min = Float.POSITIVE_INFINITY;
            for (float[] row : data) {
                max = Math.max(max, row[j]);
                min = Math.min(min, row[j]);
            }
            midrange[j] = (max + min) / 2; // SAFE: UnguardedDivision
            range[j] = max - min;
        }
        for (float[] instance : data) {
            for (int j = 0; j < d; j++) {
                instance[j] = ((instance[j] - midrange[j]) / (range[j] / normalRange)) + normalMiddle; // EXPECT: UnguardedDivision
            }
        }
    }

    static void midrangeScaleAfter(float[][] data, float[] midrange, float[] range, float normalRange, float normalMiddle) {
        final double epsilon = 1.0e-6;
        for (float[] instance : data) {
            for (int j = 0; j < instance.length; j++) {
                if (range[j] < epsilon) {
                    instance[j] = normalMiddle;
                } else {
                    instance[j] = ((instance[j] - midrange[j]) / (range[j] / normalRange)) + normalMiddle; // SAFE: UnguardedDivision
                }
            }
        }
    }

    /** h2o-mcc: Matthews correlation from long counts at one threshold. */
    static double mccBefore(long tp, long fp, long fn, long tn) {
        double mcc = ((double) tp * tn - (double) fp * fn) / Math.sqrt(((double) tp + fp) * ((double) tp + fn) * ((double) tn + fp) * ((double) tn + fn)); // EXPECT: UnguardedDivision
        return Math.abs(mcc);
    }

    static double mccAfter(long tp, long fp, long fn, long tn) {
        double mcc = ((double) tp * tn - (double) fp * fn);
        if (mcc == 0) {
            return 0;
        }
        mcc /= Math.sqrt(((double) tp + fp) * ((double) tp + fn) * ((double) tn + fp) * ((double) tn + fn)); // SAFE: UnguardedDivision
        return Math.abs(mcc);
    }

    /** h2o-kldivergence: KL term of an uplift split, the control group's probability can be 0. */
    static double klTermBefore(double prTreatment, double prControl) {
        return prTreatment * log2(prTreatment / prControl); // EXPECT: UnguardedDivision
    }

    static double klTermAfter(double prTreatment, double prControl) {
        prControl = prControl == 0 ? 1e-6 : prControl;
        return prTreatment * log2(prTreatment / prControl); // SAFE: UnguardedDivision
    }
}
