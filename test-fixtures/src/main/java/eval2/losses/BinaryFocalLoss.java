package eval2.losses;

/**
 * Binary focal loss (Lin et al., 2017) for a linear logistic scorer, with the analytic gradient used by
 * the small SGD trainer at the bottom. Used for the click-through model where positives are ~0.5%.
 */
public final class BinaryFocalLoss {

    private static final double EPS = 1e-7;

    private final double gamma;
    private final double alpha;

    public BinaryFocalLoss(double gamma, double alpha) {
        if (gamma < 0 || alpha <= 0 || alpha >= 1) {
            throw new IllegalArgumentException("gamma must be >= 0 and alpha in (0, 1)");
        }
        this.gamma = gamma;
        this.alpha = alpha;
    }

    static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /** Focal loss of one example, given its logit and a 0/1 label. */
    public double loss(double logit, int y) {
        double p = sigmoid(logit);
        double pt = y == 1 ? p : 1.0 - p;
        pt = Math.min(Math.max(pt, EPS), 1.0 - EPS);
        double at = y == 1 ? alpha : 1.0 - alpha;
        double modulating = Math.pow(1.0 - pt, gamma); // SAFE: PowDomain
        return -at * modulating * Math.log(pt); // EXPECT: LogOfSoftmax
    }

    /** d loss / d logit, written out by hand (the chain rule through pt). */
    public double gradLogit(double logit, int y) {
        double p = sigmoid(logit);
        double pt = y == 1 ? p : 1.0 - p;
        double at = y == 1 ? alpha : 1.0 - alpha;
        double sign = y == 1 ? 1.0 : -1.0;
        double dPt = sign * p * (1.0 - p);
        double modulatingGrad = gamma * Math.pow(1.0 - pt, gamma - 1.0); // EXPECT: PowDomain
        double logPt = Math.log(pt); // EXPECT: UnguardedLog
        double focalTerm = Math.pow(1.0 - pt, gamma) / pt; // EXPECT: UnguardedDivision
        return -at * (modulatingGrad * logPt - focalTerm) * dPt;
    }

    static double dot(double[] w, double[] x) {
        double s = 0.0;
        for (int j = 0; j < w.length; j++) {
            s += w[j] * x[j];
        }
        return s;
    }

    /** Fits w.x + b with the focal loss by plain SGD and returns [w..., b]. */
    public double[] fit(double[][] x, int[] y, int epochs, double lr) {
        if (x.length == 0) {
            throw new IllegalArgumentException("empty training set");
        }
        int d = x[0].length;
        double[] w = new double[d];
        double b = 0.0;
        for (int epoch = 0; epoch < epochs; epoch++) { // EXPECT: UncheckedTrainingLoss
            double total = 0.0;
            for (int i = 0; i < x.length; i++) {
                double z = b + dot(w, x[i]);
                total += loss(z, y[i]);
                double g = gradLogit(z, y[i]);
                for (int j = 0; j < d; j++) {
                    w[j] -= lr * g * x[i][j];
                }
                b -= lr * g;
            }
            double meanLoss = total / x.length; // SAFE: UnguardedDivision
            if (epoch % 10 == 0) {
                System.out.printf("epoch %d focal loss %.5f%n", epoch, meanLoss);
            }
        }
        double[] params = java.util.Arrays.copyOf(w, d + 1);
        params[d] = b;
        return params;
    }
}
