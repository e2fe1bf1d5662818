package eval2.prob;

/** Gaussian naive Bayes for the sensor-fault classifier (a handful of classes, ~40 features). */
public class GaussianNaiveBayesClassifier {

    private static final double VAR_SMOOTHING = 1e-9;

    private double[][] mean;
    private double[][] var;
    private double[] logPrior;

    public void fit(double[][] x, int[] y, int numClasses) {
        int d = x[0].length;
        int[] count = new int[numClasses];
        double[][] sum = new double[numClasses][d];
        double[][] sumSq = new double[numClasses][d];
        for (int i = 0; i < x.length; i++) {
            count[y[i]]++;
            for (int j = 0; j < d; j++) {
                sum[y[i]][j] += x[i][j];
            }
        }
        mean = new double[numClasses][d];
        var = new double[numClasses][d];
        logPrior = new double[numClasses];
        for (int c = 0; c < numClasses; c++) {
            for (int j = 0; j < d; j++) {
                mean[c][j] = sum[c][j] / count[c]; // EXPECT: UnguardedDivision
            }
            logPrior[c] = Math.log(count[c] / (double) x.length); // EXPECT: UnguardedLog
        }
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d; j++) {
                double dev = x[i][j] - mean[y[i]][j];
                sumSq[y[i]][j] += dev * dev;
            }
        }
        for (int c = 0; c < numClasses; c++) {
            for (int j = 0; j < d; j++) {
                var[c][j] = (count[c] > 0 ? sumSq[c][j] / count[c] : 0.0) + VAR_SMOOTHING; // SAFE: UnguardedDivision
            }
        }
    }

    /** Joint log-likelihood log P(c) + sum_j log N(x_j | mean, var) for every class. */
    public double[] jointLogLikelihood(double[] x) {
        int k = mean.length;
        double[] jll = new double[k];
        for (int c = 0; c < k; c++) {
            double ll = logPrior[c];
            for (int j = 0; j < x.length; j++) {
                double v = var[c][j];
                double dev = x[j] - mean[c][j];
                ll -= 0.5 * Math.log(2.0 * Math.PI * v); // SAFE: UnguardedLog
                ll -= dev * dev / (2.0 * v); // SAFE: UnguardedDivision
            }
            jll[c] = ll;
        }
        return jll;
    }

    /** Posterior class probabilities, first version. */
    public double[] predictProba(double[] x) {
        double[] jll = jointLogLikelihood(x);
        double total = 0.0;
        for (double v : jll) {
            total += Math.exp(v); // EXPECT: UnstableSoftmax
        }
        double[] p = new double[jll.length];
        for (int c = 0; c < jll.length; c++) {
            p[c] = Math.exp(jll[c]) / total; // EXPECT: UnstableSoftmax
        }
        return p;
    }

    /** Posterior class probabilities through log-sum-exp. */
    public double[] predictProbaStable(double[] x) {
        double[] jll = jointLogLikelihood(x);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : jll) {
            max = Math.max(max, v);
        }
        double total = 0.0;
        for (double v : jll) {
            total += Math.exp(v - max); // SAFE: UnstableSoftmax
        }
        double logTotal = max + Math.log(total);
        double[] p = new double[jll.length];
        for (int c = 0; c < jll.length; c++) {
            p[c] = Math.exp(jll[c] - logTotal); // SAFE: UnstableSoftmax
        }
        return p;
    }
}
