package eval.clustering;

/** Silhouette coefficient for choosing k. */
public final class Silhouette {
    private Silhouette() {}

    static double dist(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s);
    }

    /** Silhouette of point i; singleton clusters are common for large k. */
    public static double pointScore(double[][] x, int[] labels, int i, int k) {
        double[] sum = new double[k];
        int[] size = new int[k];
        for (int j = 0; j < x.length; j++) {
            sum[labels[j]] += dist(x[i], x[j]);
            size[labels[j]]++;
        }
        int own = labels[i];
        double a = sum[own] / (size[own] - 1); // EXPECT: UnguardedDivision
        double b = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            if (c == own || size[c] == 0) continue;
            b = Math.min(b, sum[c] / size[c]); // SAFE: UnguardedDivision
        }
        return (b - a) / Math.max(a, b);
    }

    /** sklearn convention: a point alone in its cluster scores 0. */
    public static double pointScoreSafe(double[][] x, int[] labels, int i, int k) {
        double[] sum = new double[k];
        int[] size = new int[k];
        for (int j = 0; j < x.length; j++) {
            sum[labels[j]] += dist(x[i], x[j]);
            size[labels[j]]++;
        }
        int own = labels[i];
        if (size[own] <= 1) return 0.0;
        double a = sum[own] / (size[own] - 1); // SAFE: UnguardedDivision
        double b = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            if (c != own && size[c] > 0) b = Math.min(b, sum[c] / size[c]);
        }
        return (b - a) / Math.max(a, b);
    }
}
