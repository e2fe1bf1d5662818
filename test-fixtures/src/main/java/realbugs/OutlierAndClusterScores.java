package realbugs;

/**
 * Reproductions of NaN/Infinity bugs fixed in a density-based outlier and clustering library (labels
 * elki-* in docs/evaluation/realbugs.tsv): each {@code ...Before} method keeps the numeric shape of the
 * code before the fix, each {@code ...After} the shape after it. Rewritten, not copied.
 */
public class OutlierAndClusterScores {
    /** A per-object score computed earlier (an intrinsic dimensionality, a density...). */
    public interface ScoreTable {
        double valueOf(int object);
    }

    /** Neighbours of an object, nearest first, with their distances. */
    public interface Neighbours {
        int size();

        int id(int rank);

        double distance(int rank);
    }

    /** elki-idos: an inverse of a neighbour's dimensionality estimate, which is 0 for duplicates. */
    double dimensionalityScoreBefore(ScoreTable dims, Neighbours nn, int self, int k) {
        double sum = 0.;
        int cnt = 0;
        for (int r = 0; r < nn.size(); r++) {
            if (nn.id(r) == self) {
                continue;
            }
            final double id = dims.valueOf(nn.id(r));
            sum += 1.0 / id; // EXPECT: UnguardedDivision
            if (++cnt == k) {
                break;
            }
        }
        return dims.valueOf(self) * sum / cnt;
    }

    double dimensionalityScoreAfter(ScoreTable dims, Neighbours nn, int self, int k) {
        double sum = 0.;
        int cnt = 0;
        for (int r = 0; r < nn.size(); r++) {
            if (nn.id(r) == self) {
                continue;
            }
            final double id = dims.valueOf(nn.id(r));
            sum += id > 0 ? 1.0 / id : 0.; // SAFE: UnguardedDivision
            if (++cnt == k) {
                break;
            }
        }
        final double own = dims.valueOf(self);
        return own > 0 ? own * sum / cnt : 0.;
    }

    /** elki-loop: the normaliser is lambda * sqrt(mean of squares), 0 when every factor is exactly 1. */
    static double normaliserBefore(double[] factors, double lambda) {
        double squares = 0.;
        for (double f : factors) {
            squares += (f - 1.0) * (f - 1.0);
        }
        return lambda * Math.sqrt(squares / factors.length);
    }

    static double normaliserAfter(double[] factors, double lambda) {
        double squares = 0.;
        for (double f : factors) {
            squares += (f - 1.0) * (f - 1.0);
        }
        double n = lambda * Math.sqrt(squares / factors.length);
        return n > 0. ? n : 1.;
    }

    static double[] probabilitiesBefore(double[] factors, double lambda) {
        double normaliser = normaliserBefore(factors, lambda);
        double[] out = new double[factors.length];
        final double norm = 1. / (normaliser * Math.sqrt(2)); // EXPECT: UnguardedDivision
        for (int i = 0; i < factors.length; i++) {
            out[i] = Math.max(0., Math.tanh((factors[i] - 1.) * norm));
        }
        return out;
    }

    static double[] probabilitiesAfter(double[] factors, double lambda) {
        double normaliser = normaliserAfter(factors, lambda);
        double[] out = new double[factors.length];
        final double norm = 1. / (normaliser * Math.sqrt(2)); // SAFE: UnguardedDivision
        for (int i = 0; i < factors.length; i++) {
            out[i] = Math.max(0., Math.tanh((factors[i] - 1.) * norm));
        }
        return out;
    }

    /** elki-kdlof, and the look-alike division by a k-distance that returns early on 0. */
    double kernelDensityBefore(ScoreTable kDistance, Neighbours nn, int self) {
        double sum = 0.;
        int count = 0;
        for (int r = 0; r < nn.size(); r++) {
            if (nn.id(r) == self) {
                continue;
            }
            double max = kDistance.valueOf(nn.id(r));
            if (max == 0) {
                sum = Double.POSITIVE_INFINITY;
                break;
            }
            final double v = nn.distance(r) / max; // SAFE: UnguardedDivision
            sum += Math.exp(-0.5 * v * v) / max;
            count++;
        }
        final double density = sum / count; // EXPECT: UnguardedDivision
        return density;
    }

    double kernelDensityAfter(ScoreTable kDistance, Neighbours nn, int self) {
        double sum = 0.;
        int count = 0;
        for (int r = 0; r < nn.size(); r++) {
            if (nn.id(r) == self) {
                continue;
            }
            double max = kDistance.valueOf(nn.id(r));
            if (max == 0) {
                sum = Double.POSITIVE_INFINITY;
                break;
            }
            sum += Math.exp(-0.5 * nn.distance(r) * nn.distance(r) / (max * max)) / max;
            count++;
        }
        final double density = count > 0 ? sum / count : 0.; // SAFE: UnguardedDivision
        return density;
    }

    /** elki-bcubed: precision of one cell of a contingency table whose last column holds the row totals. */
    static double bcubedPrecisionBefore(int[][] table, int rows, int cols) {
        double precisionSum = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double precision = 1.0 * table[i][j] / table[i][cols]; // EXPECT: UnguardedDivision
                precisionSum += precision * table[i][j];
            }
        }
        return precisionSum / table[rows][cols];
    }

    static double bcubedPrecisionAfter(int[][] table, int rows, int cols) {
        double precisionSum = 0;
        for (int i = 0; i < rows; i++) {
            final int[] row = table[i];
            for (int j = 0; j < cols; j++) {
                final int c = row[j];
                if (c > 0) {
                    double precision = 1.0 * c / row[cols]; // SAFE: UnguardedDivision
                    precisionSum += precision * c;
                }
            }
        }
        return precisionSum / table[rows][cols];
    }

    /** elki-kmeansquality: pooled variance over n - m degrees of freedom, 0 / 0 when k equals n. */
    static double logLikelihoodBefore(int[] clusterSizes, double[] clusterVariances, int dim) {
        final int m = clusterSizes.length;
        int n = 0;
        double d = 0.;
        for (int i = 0; i < m; i++) {
            n += clusterSizes[i];
            d += clusterVariances[i];
        }
        final double v = d / (n - m), logv = Math.log(v); // EXPECT: UnguardedDivision
        double ll = 0.;
        for (int i = 0; i < m; i++) {
            ll -= clusterSizes[i] * dim * .5 * logv;
        }
        return ll;
    }

    static double logLikelihoodAfter(int[] clusterSizes, double[] clusterVariances, int dim) {
        final int m = clusterSizes.length;
        int n = 0;
        double d = 0.;
        for (int i = 0; i < m; i++) {
            n += clusterSizes[i];
            d += clusterVariances[i];
        }
        if (n <= m) {
            return Double.NEGATIVE_INFINITY;
        }
        final double v = d / (n - m), logv = Math.log(v); // SAFE: UnguardedDivision
        double ll = 0.;
        for (int i = 0; i < m; i++) {
            ll -= clusterSizes[i] * dim * .5 * logv;
        }
        return ll;
    }

    /** elki-externalscore: a score parsed from a text line, NaN when the pattern did not match. */
    static void storeScoreBefore(java.util.Map<String, Double> scores, String id, double score) {
        if (id != null && score != Double.NaN) { // EXPECT: NaNEquality
            scores.put(id, score);
        }
    }

    static void storeScoreAfter(java.util.Map<String, Double> scores, String id, double score) {
        if (id != null && !Double.isNaN(score)) { // SAFE: NaNEquality
            scores.put(id, score);
        }
    }

    /** elki-featurebagging: a boxed score of one ensemble member. */
    static double ensembleSumBefore(java.util.List<java.util.Map<String, Double>> members, String id) {
        double sum = 0;
        for (java.util.Map<String, Double> member : members) {
            final Double s = member.get(id);
            if (s != null && s != Double.NaN) { // EXPECT: NaNEquality
                sum += s;
            }
        }
        return sum;
    }

    static double ensembleSumAfter(java.util.List<java.util.Map<String, Double>> members, String id) {
        double sum = 0;
        for (java.util.Map<String, Double> member : members) {
            final Double s = member.get(id);
            if (s != null && !Double.isNaN(s)) { // SAFE: NaNEquality
                sum += s;
            }
        }
        return sum;
    }

    /** elki-svc: an assertion on a trained radius. */
    static double radiusBefore(double[] model) {
        final double rSquare = model[0];
        assert rSquare != Double.NaN : "model not trained"; // EXPECT: NaNEquality
        return Math.sqrt(Math.abs(rSquare));
    }

    static double radiusAfter(double[] model) {
        final double rSquare = model[0];
        assert !Double.isNaN(rSquare) : "model not trained"; // SAFE: NaNEquality
        return Math.sqrt(Math.abs(rSquare));
    }

    /** elki-jaccard: intersection over union of two sparse feature sets; both empty gives 0 / 0. */
    static double jaccardBefore(int[] a, int[] b) {
        int intersection = 0, union = 0;
        int i = 0, j = 0;
        while (i < a.length || j < b.length) {
            if (j >= b.length || (i < a.length && a[i] < b[j])) {
                union++;
                i++;
            } else if (i >= a.length || b[j] < a[i]) {
                union++;
                j++;
            } else {
                intersection++;
                union++;
                i++;
                j++;
            }
        }
        return intersection / (double) union; // EXPECT: UnguardedDivision
    }

    static double jaccardAfter(int[] a, int[] b) {
        int intersection = 0, union = 0;
        int i = 0, j = 0;
        while (i < a.length || j < b.length) {
            if (j >= b.length || (i < a.length && a[i] < b[j])) {
                union++;
                i++;
            } else if (i >= a.length || b[j] < a[i]) {
                union++;
                j++;
            } else {
                intersection++;
                union++;
                i++;
                j++;
            }
        }
        return union == 0 ? 1 : intersection / (double) union; // SAFE: UnguardedDivision
    }

    /** elki-bitvector: the same ratio from popcounts of bit sets. */
    static double bitJaccardBefore(long[] x, long[] y) {
        return intersectionSize(x, y) / (double) unionSize(x, y); // EXPECT: UnguardedDivision
    }

    static double bitJaccardAfter(long[] x, long[] y) {
        int union = unionSize(x, y);
        return union == 0 ? 1 : intersectionSize(x, y) / (double) union; // SAFE: UnguardedDivision
    }

    private static int intersectionSize(long[] x, long[] y) {
        int c = 0;
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            c += Long.bitCount(x[i] & y[i]);
        }
        return c;
    }

    private static int unionSize(long[] x, long[] y) {
        int c = 0;
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            c += Long.bitCount((i < x.length ? x[i] : 0L) | (i < y.length ? y[i] : 0L));
        }
        return c;
    }

    /** elki-spherical: half-angle bound from a cosine similarity that rounding can push below -1. */
    static double[][] centreBoundsBefore(double[][] unitMeans) {
        int k = unitMeans.length;
        double[][] bounds = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                double s = dot(unitMeans[i], unitMeans[j]);
                bounds[i][j] = bounds[j][i] = Math.sqrt((s + 1) * 0.5); // EXPECT: UnguardedSqrt
            }
        }
        return bounds;
    }

    static double[][] centreBoundsAfter(double[][] unitMeans) {
        int k = unitMeans.length;
        double[][] bounds = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                double s = dot(unitMeans[i], unitMeans[j]);
                bounds[i][j] = bounds[j][i] = s > -1 ? Math.sqrt((s + 1) * 0.5) : 0; // SAFE: UnguardedSqrt
            }
        }
        return bounds;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** elki-lengthnorm: scale a vector by the inverse of its norm. */
    static double[] lengthNormaliseBefore(double[] v) {
        final double d = euclideanNorm(v);
        return times(v.clone(), 1 / d); // EXPECT: UnguardedDivision
    }

    static double[] lengthNormaliseAfter(double[] v) {
        final double d = euclideanNorm(v);
        return times(v.clone(), d > 0 ? 1 / d : 1.); // SAFE: UnguardedDivision
    }

    private static double euclideanNorm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static double[] times(double[] v, double f) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= f;
        }
        return v;
    }

    /** elki-concordant: Goodman-Kruskal gamma over concordant and discordant pair counts. */
    static double gammaBefore(long concordantPairs, long discordantPairs) {
        final double gamma = (concordantPairs - discordantPairs) / (double) (concordantPairs + discordantPairs); // EXPECT: UnguardedDivision
        return gamma;
    }

    static double gammaAfter(long concordantPairs, long discordantPairs) {
        double gamma = (concordantPairs - discordantPairs) / (double) (concordantPairs + discordantPairs); // SAFE: UnguardedDivision
        gamma = gamma > 0. ? gamma : 0.;
        return gamma;
    }

    /** elki-sos: the initial beta of a perplexity search, guarded only by an assertion. */
    static double initialBetaBefore(Neighbours nn, int self, double perplexity) {
        double sum = 0.;
        int size = 0;
        for (int r = 0; r < nn.size(); r++) {
            if (nn.id(r) != self) {
                sum += nn.distance(r);
                size++;
            }
        }
        assert (sum > 0. && sum < Double.POSITIVE_INFINITY);
        return .5 / sum * perplexity * (size - 1.); // EXPECT: UnguardedDivision
    }

    static double initialBetaAfter(Neighbours nn, int self, double perplexity) {
        double sum = 0.;
        int size = 0;
        for (int r = 0; r < nn.size(); r++) {
            if (nn.id(r) != self) {
                sum += nn.distance(r);
                size++;
            }
        }
        return (sum > 0. && sum < Double.POSITIVE_INFINITY) ? (.5 / sum * perplexity * (size - 1.)) : 1.; // SAFE: UnguardedDivision
    }

    /** Look-alikes from the same code: a mean distance over a guarded count, and logs of validated parameters. */
    static double referenceDistance(Neighbours nn, int self, int kreach) {
        int ks = 0;
        double ssum = 0.;
        for (int r = 0; r < nn.size() && ks < kreach; r++) {
            if (nn.id(r) == self) {
                continue;
            }
            final double d = nn.distance(r);
            ssum += d * d;
            ks++;
        }
        double pdist = ks > 0 ? Math.sqrt(ssum / ks) : 0.; // SAFE: UnguardedDivision, UnguardedSqrt
        return pdist;
    }

    static double meanSquareRoot(double[] factors, double lambda) {
        double mean = 0.;
        int n = 0;
        for (double f : factors) {
            n++;
            mean += ((f - 1.0) * (f - 1.0) - mean) / n;
        }
        double nplof = lambda * Math.sqrt(mean); // SAFE: UnguardedSqrt
        return nplof;
    }

    /** The perplexity comes from an option declared greater than zero, checked where options are parsed. */
    static final class PerplexitySearch {
        private final double perplexity;

        PerplexitySearch(double perplexity) {
            this.perplexity = perplexity;
        }

        double logPerplexity() {
            final double logPerp = Math.log(perplexity); // SAFE: UnguardedLog
            return logPerp;
        }
    }
}
