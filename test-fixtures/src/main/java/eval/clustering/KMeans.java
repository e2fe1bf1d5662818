package eval.clustering;

import java.util.Random;

/** Lloyd's k-means with random initialisation (random init can leave a cluster empty). */
public class KMeans {
    private final int k;
    private final int maxIter;
    private final Random rnd;
    private double[][] centroids;

    public KMeans(int k, int maxIter, long seed) {
        this.k = k;
        this.maxIter = maxIter;
        this.rnd = new Random(seed);
    }

    public int[] fit(double[][] x) {
        int d = x[0].length;
        centroids = new double[k][];
        for (int c = 0; c < k; c++) centroids[c] = x[rnd.nextInt(x.length)].clone();
        int[] assign = new int[x.length];
        for (int iter = 0; iter < maxIter; iter++) {
            for (int i = 0; i < x.length; i++) assign[i] = nearest(x[i]);
            double[][] sums = new double[k][d];
            int[] counts = new int[k];
            for (int i = 0; i < x.length; i++) {
                counts[assign[i]]++;
                for (int j = 0; j < d; j++) sums[assign[i]][j] += x[i][j];
            }
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    centroids[c][j] = sums[c][j] / counts[c]; // EXPECT: UnguardedDivision
                }
            }
        }
        return assign;
    }

    /** Mini-batch variant that keeps a centroid when no point was assigned to it. */
    public void updateCentroids(double[][] x, int[] assign) {
        int d = x[0].length;
        double[][] sums = new double[k][d];
        int[] counts = new int[k];
        for (int i = 0; i < x.length; i++) {
            counts[assign[i]]++;
            for (int j = 0; j < d; j++) sums[assign[i]][j] += x[i][j];
        }
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) continue;
            for (int j = 0; j < d; j++) {
                centroids[c][j] = sums[c][j] / counts[c]; // SAFE: UnguardedDivision
            }
        }
    }

    int nearest(double[] p) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double dist = 0;
            for (int j = 0; j < p.length; j++) dist += (p[j] - centroids[c][j]) * (p[j] - centroids[c][j]);
            if (dist < bestD) {
                bestD = dist;
                best = c;
            }
        }
        return best;
    }

    /** Mean within-cluster distance per cluster, reported to the dashboard. */
    public double[] meanDistance(double[][] x, int[] assign) {
        double[] total = new double[k];
        int[] members = new int[k];
        for (int i = 0; i < x.length; i++) {
            int c = assign[i];
            double dist = 0;
            for (int j = 0; j < x[i].length; j++) dist += (x[i][j] - centroids[c][j]) * (x[i][j] - centroids[c][j]);
            total[c] += Math.sqrt(dist); // SAFE: UnguardedSqrt
            members[c]++;
        }
        double[] mean = new double[k];
        for (int c = 0; c < k; c++) mean[c] = members[c] > 0 ? total[c] / members[c] : 0.0; // SAFE: UnguardedDivision
        return mean;
    }
}
