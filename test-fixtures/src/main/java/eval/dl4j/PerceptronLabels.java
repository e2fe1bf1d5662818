package eval.dl4j;

/** A tiny hand-written multiclass model and its callers, with labels in several encodings. */
public class PerceptronLabels {
    private final double[][] w;

    public PerceptronLabels(int classes, int features) {
        this.w = new double[classes][features];
    }

    double[] scores(double[] x) {
        double[] s = new double[w.length];
        for (int c = 0; c < w.length; c++) {
            for (int j = 0; j < x.length; j++) s[c] += w[c][j] * x[j];
        }
        return s;
    }

    /** Multiclass perceptron: y[i] is used as a row index into w. */
    public void fit(double[][] x, int[] y, int epochs) {
        for (int e = 0; e < epochs; e++) {
            for (int i = 0; i < x.length; i++) {
                double[] s = scores(x[i]);
                int pred = 0;
                for (int c = 1; c < s.length; c++) if (s[c] > s[pred]) pred = c;
                if (pred != y[i]) {
                    for (int j = 0; j < x[i].length; j++) {
                        w[y[i]][j] += x[i][j];
                        w[pred][j] -= x[i][j];
                    }
                }
            }
        }
    }

    /** Binary perceptron update with +/-1 labels used as values. */
    public static void binaryUpdate(double[] w, double[] x, int ySigned, double lr) {
        double margin = 0;
        for (int j = 0; j < x.length; j++) margin += w[j] * x[j];
        if (ySigned * margin <= 0) {
            for (int j = 0; j < x.length; j++) w[j] += lr * ySigned * x[j];
        }
    }

    public static void demo(double[][] x) {
        PerceptronLabels model = new PerceptronLabels(2, x[0].length);
        model.fit(x, new int[] {1, -1, -1, 1}, 5); // EXPECT: NegativeClassLabel

        PerceptronLabels fixedModel = new PerceptronLabels(2, x[0].length);
        fixedModel.fit(x, new int[] {1, 0, 0, 1}, 5); // SAFE: NegativeClassLabel

        double[] wb = new double[x[0].length];
        int[] ySigned = {1, -1, -1, 1}; // SAFE: NegativeClassLabel
        for (int i = 0; i < x.length && i < ySigned.length; i++) {
            binaryUpdate(wb, x[i], ySigned[i], 0.1);
        }
    }

    /** Index of the best class, -1 when there are no classes. */
    public int argmax(double[] x) {
        double[] s = scores(x);
        int best = -1; // SAFE: NegativeClassLabel
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < s.length; c++) {
            if (s[c] > bestScore) {
                bestScore = s[c];
                best = c;
            }
        }
        return best;
    }
}
