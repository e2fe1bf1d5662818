package eval.norm;

import java.util.Arrays;

/** Min-max scaling to [0, 1] for the tabular features. */
public final class MinMaxScaler {
    private MinMaxScaler() {}

    public static double[] scale(double[] x) {
        double min = Arrays.stream(x).min().orElse(0);
        double max = Arrays.stream(x).max().orElse(0);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (x[i] - min) / (max - min); // EXPECT: UnguardedDivision
        }
        return out;
    }

    public static double[] scaleGuarded(double[] x) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = max - min;
        if (range == 0) return new double[x.length];
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (x[i] - min) / range; // SAFE: UnguardedDivision
        }
        return out;
    }

    /** In-place scaling of one column of a feature matrix. */
    public static void scaleColumn(float[][] data, int col) {
        float lo = Float.MAX_VALUE, hi = -Float.MAX_VALUE;
        for (float[] row : data) {
            lo = Math.min(lo, row[col]);
            hi = Math.max(hi, row[col]);
        }
        float span = hi - lo;
        for (float[] row : data) {
            row[col] = span > 0 ? (row[col] - lo) / span : 0f; // SAFE: UnguardedDivision
        }
    }

    /** Scale pixel intensities of an image patch to [0, 1] by its own range. */
    public static double[] contrastStretch(int[] pixels) {
        int lo = 255, hi = 0;
        for (int p : pixels) {
            lo = Math.min(lo, p);
            hi = Math.max(hi, p);
        }
        double[] out = new double[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = (pixels[i] - lo) / (double) (hi - lo); // EXPECT: UnguardedDivision
        }
        return out;
    }

    /** Pixels to [0, 1] with the fixed 8-bit range. */
    public static double[] toUnit(int[] pixels) {
        double[] out = new double[pixels.length];
        for (int i = 0; i < pixels.length; i++) out[i] = pixels[i] / 255.0; // SAFE: UnguardedDivision
        return out;
    }
}
