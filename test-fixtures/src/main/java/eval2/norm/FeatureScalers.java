package eval2.norm;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Feature preprocessing for the tabular and text models: scalers, Box-Cox and TF-IDF. */
public final class FeatureScalers {

    private FeatureScalers() {
    }

    /** Standard scaler: mean and population std per column, constant columns left unscaled. */
    public static final class StandardScaler {
        private double[] mean;
        private double[] scale;

        public void fit(double[][] x) {
            if (x.length == 0) {
                throw new IllegalArgumentException("cannot fit on no rows");
            }
            int d = x[0].length;
            mean = new double[d];
            scale = new double[d];
            for (double[] row : x) {
                for (int j = 0; j < d; j++) {
                    mean[j] += row[j] / x.length; // SAFE: UnguardedDivision
                }
            }
            for (int j = 0; j < d; j++) {
                double ss = 0.0;
                for (double[] row : x) {
                    ss += (row[j] - mean[j]) * (row[j] - mean[j]);
                }
                double std = Math.sqrt(ss / x.length);
                scale[j] = std == 0.0 ? 1.0 : std;
            }
        }

        public double[] transform(double[] row) {
            double[] out = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                out[j] = (row[j] - mean[j]) / scale[j]; // SAFE: UnguardedDivision
            }
            return out;
        }
    }

    /** Min-max scaler to [0, 1]. */
    public static double[][] minMax(double[][] x) {
        int d = x[0].length;
        double[] min = new double[d];
        double[] max = new double[d];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                min[j] = Math.min(min[j], row[j]);
                max[j] = Math.max(max[j], row[j]);
            }
        }
        double[][] out = new double[x.length][d];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = (x[i][j] - min[j]) / (max[j] - min[j]); // EXPECT: UnguardedDivision
            }
        }
        return out;
    }

    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Robust scaler: (x - median) / IQR. */
    public static double[] robustScale(double[] column) {
        double[] sorted = column.clone();
        Arrays.sort(sorted);
        double median = quantile(sorted, 0.5);
        double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
        double[] out = new double[column.length];
        for (int i = 0; i < column.length; i++) {
            out[i] = (column[i] - median) / iqr; // EXPECT: UnguardedDivision
        }
        return out;
    }

    /** Robust scaler with scikit-learn's handling of a zero IQR. */
    public static double[] robustScaleSafe(double[] column) {
        double[] sorted = column.clone();
        Arrays.sort(sorted);
        double median = quantile(sorted, 0.5);
        double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
        if (iqr == 0.0) {
            iqr = 1.0;
        }
        double[] out = new double[column.length];
        for (int i = 0; i < column.length; i++) {
            out[i] = (column[i] - median) / iqr; // SAFE: UnguardedDivision
        }
        return out;
    }

    /** Box-Cox transform used on skewed monetary features. */
    public static double boxCox(double x, double lambda) {
        if (Math.abs(lambda) < 1e-12) {
            return Math.log(x);
        }
        return (Math.pow(x, lambda) - 1.0) / lambda; // SAFE: UnguardedDivision
    }

    /** Signed power transform for heavy-tailed signed features (e.g. account balance changes). */
    public static double signedPower(double x, double exponent) {
        return Math.signum(x) * Math.pow(Math.abs(x), exponent); // SAFE: PowDomain
    }

    /** Same transform as first written for the balance-change feature. */
    public static double[] compressBalanceChanges(double[] changes) {
        double[] out = new double[changes.length];
        for (int i = 0; i < changes.length; i++) {
            out[i] = Math.pow(changes[i], 0.5); // EXPECT: PowDomain
        }
        return out;
    }

    /** TF-IDF weights of one document against document frequencies learned from the corpus. */
    public static Map<String, Double> tfidf(List<String> doc, Map<String, Integer> docFreq, int numDocs) {
        Map<String, Integer> tf = new HashMap<>();
        for (String t : doc) {
            tf.merge(t, 1, Integer::sum);
        }
        Map<String, Double> out = new HashMap<>();
        for (Map.Entry<String, Integer> e : tf.entrySet()) {
            int df = docFreq.getOrDefault(e.getKey(), 0);
            double idf = Math.log(numDocs / (double) df); // EXPECT: UnguardedDivision
            out.put(e.getKey(), e.getValue() / (double) doc.size() * idf);
        }
        return out;
    }

    /** TF-IDF with scikit-learn's smooth_idf, then L2-normalised. */
    public static Map<String, Double> tfidfSmooth(List<String> doc, Map<String, Integer> docFreq, int numDocs) {
        Map<String, Integer> tf = new HashMap<>();
        for (String t : doc) {
            tf.merge(t, 1, Integer::sum);
        }
        Map<String, Double> out = new HashMap<>();
        double sq = 0.0;
        for (Map.Entry<String, Integer> e : tf.entrySet()) {
            int df = docFreq.getOrDefault(e.getKey(), 0);
            double idf = Math.log((1.0 + numDocs) / (1.0 + df)) + 1.0; // SAFE: UnguardedLog
            double w = e.getValue() * idf;
            out.put(e.getKey(), w);
            sq += w * w;
        }
        double norm = Math.sqrt(sq);
        if (norm > 0) {
            out.replaceAll((k, w) -> w / norm); // SAFE: UnguardedDivision
        }
        return out;
    }

    /** log1p of counts (page views, clicks), a common skew fix. */
    public static double logCount(long count) {
        return Math.log1p(count); // SAFE: UnguardedLog
    }
}
