package eval2.cluster;

import java.util.Arrays;
import java.util.Random;

/** Lloyd's k-means with k-means++ seeding, silhouette score, and a distance-weighted k-NN regressor. */
public final class ClusteringAndNeighbours {

    private static final double MINKOWSKI_ORDER = 1.5;

    private ClusteringAndNeighbours() {
    }

    static double sqDist(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }

    static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Distance from cached squared norms (the assignment step of the large-scale job). */
    static double distFromNorms(double[] x, double xNormSq, double[] c, double cNormSq) {
        return Math.sqrt(xNormSq + cNormSq - 2.0 * dot(x, c)); // EXPECT: UnguardedSqrt
    }

    static double distFromNormsClamped(double[] x, double xNormSq, double[] c, double cNormSq) {
        return Math.sqrt(Math.max(xNormSq + cNormSq - 2.0 * dot(x, c), 0.0)); // SAFE: UnguardedSqrt
    }

    /** Minkowski distance of order 1.5 used by the anomaly scorer. */
    static double minkowski(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += Math.pow(Math.abs(a[i] - b[i]), MINKOWSKI_ORDER); // SAFE: PowDomain
        }
        return Math.pow(s, 1.0 / MINKOWSKI_ORDER); // SAFE: PowDomain
    }

    /** The first version of the same distance. */
    static double minkowskiV1(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += Math.pow(a[i] - b[i], MINKOWSKI_ORDER); // EXPECT: PowDomain
        }
        return Math.pow(s, 1.0 / MINKOWSKI_ORDER);
    }

    /** k-means++ seeding. */
    static double[][] seed(double[][] x, int k, Random rng) {
        double[][] centers = new double[k][];
        centers[0] = x[rng.nextInt(x.length)].clone();
        double[] d2 = new double[x.length];
        Arrays.fill(d2, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0.0;
            for (int i = 0; i < x.length; i++) {
                d2[i] = Math.min(d2[i], sqDist(x[i], centers[c - 1]));
                total += d2[i];
            }
            if (total == 0.0) {
                centers[c] = x[rng.nextInt(x.length)].clone();
                continue;
            }
            double u = rng.nextDouble();
            double acc = 0.0;
            int chosen = x.length - 1;
            for (int i = 0; i < x.length; i++) {
                acc += d2[i] / total; // SAFE: UnguardedDivision
                if (acc >= u) {
                    chosen = i;
                    break;
                }
            }
            centers[c] = x[chosen].clone();
        }
        return centers;
    }

    /** Lloyd iterations; returns the assignment of every point. */
    public static int[] kmeans(double[][] x, int k, int iterations, Random rng) {
        int d = x[0].length;
        double[][] centers = seed(x, k, rng);
        int[] assign = new int[x.length];
        for (int it = 0; it < iterations; it++) {
            for (int i = 0; i < x.length; i++) {
                int best = 0;
                double bestD = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double dd = sqDist(x[i], centers[c]);
                    if (dd < bestD) {
                        bestD = dd;
                        best = c;
                    }
                }
                assign[i] = best;
            }
            double[][] sums = new double[k][d];
            int[] counts = new int[k];
            for (int i = 0; i < x.length; i++) {
                counts[assign[i]]++;
                for (int j = 0; j < d; j++) {
                    sums[assign[i]][j] += x[i][j];
                }
            }
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    centers[c][j] = sums[c][j] / counts[c]; // EXPECT: UnguardedDivision
                }
            }
        }
        return assign;
    }

    /** Mean silhouette coefficient over all points. */
    public static double silhouette(double[][] x, int[] assign, int k) {
        int[] sizes = new int[k];
        for (int a : assign) {
            sizes[a]++;
        }
        double total = 0.0;
        for (int i = 0; i < x.length; i++) {
            double[] sumTo = new double[k];
            for (int j = 0; j < x.length; j++) {
                if (j != i) {
                    sumTo[assign[j]] += Math.sqrt(sqDist(x[i], x[j]));
                }
            }
            int own = assign[i];
            double a = sumTo[own] / (sizes[own] - 1); // EXPECT: UnguardedDivision
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, sumTo[c] / sizes[c]); // SAFE: UnguardedDivision
                }
            }
            double m = Math.max(a, b);
            total += m == 0.0 ? 0.0 : (b - a) / m; // SAFE: UnguardedDivision
        }
        return total / x.length;
    }

    /** Inverse-distance weighted k-NN regression. */
    public static double knnPredict(double[][] train, double[] targets, double[] query, int k) {
        Integer[] idx = new Integer[train.length];
        double[] dist = new double[train.length];
        for (int i = 0; i < train.length; i++) {
            idx[i] = i;
            dist[i] = Math.sqrt(sqDist(train[i], query));
        }
        Arrays.sort(idx, (a, b) -> Double.compare(dist[a], dist[b]));
        double num = 0.0;
        double den = 0.0;
        for (int r = 0; r < Math.min(k, idx.length); r++) {
            double w = 1.0 / dist[idx[r]]; // EXPECT: UnguardedDivision
            num += w * targets[idx[r]];
            den += w;
        }
        return num / den;
    }

    public static double knnPredictSmoothed(double[][] train, double[] targets, double[] query, int k) {
        Integer[] idx = new Integer[train.length];
        double[] dist = new double[train.length];
        for (int i = 0; i < train.length; i++) {
            idx[i] = i;
            dist[i] = Math.sqrt(sqDist(train[i], query));
        }
        Arrays.sort(idx, (a, b) -> Double.compare(dist[a], dist[b]));
        double num = 0.0;
        double den = 0.0;
        for (int r = 0; r < Math.min(k, idx.length); r++) {
            double w = 1.0 / (dist[idx[r]] + 1e-9); // SAFE: UnguardedDivision
            num += w * targets[idx[r]];
            den += w;
        }
        return den == 0.0 ? 0.0 : num / den;
    }
}
