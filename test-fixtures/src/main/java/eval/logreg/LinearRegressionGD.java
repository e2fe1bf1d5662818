package eval.logreg;

/** Batch gradient descent for ordinary least squares, with a convergence tolerance. */
public class LinearRegressionGD {
    private final double learningRate;
    private final int maxIterations;
    private final double tolerance;
    private double[] w;
    private double bias;

    public LinearRegressionGD(double learningRate, int maxIterations, double tolerance) {
        this.learningRate = learningRate;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    public double[] fit(double[][] x, double[] y) {
        int n = x.length;
        int d = x[0].length;
        w = new double[d];
        double previousLoss = Double.MAX_VALUE;
        int iteration = 0;
        while (iteration < maxIterations) { // EXPECT: UncheckedTrainingLoss
            double[] grad = new double[d];
            double gradB = 0;
            double loss = 0;
            for (int i = 0; i < n; i++) {
                double err = predict(x[i]) - y[i];
                loss += err * err;
                for (int j = 0; j < d; j++) grad[j] += err * x[i][j];
                gradB += err;
            }
            loss /= n;
            for (int j = 0; j < d; j++) w[j] -= learningRate * 2 * grad[j] / n;
            bias -= learningRate * 2 * gradB / n;
            if (Math.abs(previousLoss - loss) < tolerance) {
                break;
            }
            previousLoss = loss;
            iteration++;
        }
        return w;
    }

    /** Same loop, stopping on a non-finite loss. */
    public double[] fitChecked(double[][] x, double[] y) {
        int n = x.length;
        int d = x[0].length;
        w = new double[d];
        for (int iteration = 0; iteration < maxIterations; iteration++) { // SAFE: UncheckedTrainingLoss
            double[] grad = new double[d];
            double gradB = 0;
            double loss = 0;
            for (int i = 0; i < n; i++) {
                double err = predict(x[i]) - y[i];
                loss += err * err;
                for (int j = 0; j < d; j++) grad[j] += err * x[i][j];
                gradB += err;
            }
            loss /= n;
            if (!Double.isFinite(loss)) {
                throw new ArithmeticException("least squares diverged at iteration " + iteration);
            }
            for (int j = 0; j < d; j++) w[j] -= learningRate * 2 * grad[j] / n;
            bias -= learningRate * 2 * gradB / n;
        }
        return w;
    }

    double predict(double[] xi) {
        double s = bias;
        for (int j = 0; j < xi.length; j++) s += w[j] * xi[j];
        return s;
    }

    /** Closed-form slope for one feature; all-equal x (a single day of data) gives sxx = 0. */
    public static double simpleSlope(double[] x, double[] y) {
        double mx = 0, my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= x.length;
        double sxy = 0, sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx; // EXPECT: UnguardedDivision
    }
}
