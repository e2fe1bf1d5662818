package eval.norm;

/** Batch normalisation for a dense layer, forward pass only (training mode). */
public class BatchNorm1d {
    private final double eps;
    private final double momentum;
    private final double[] gamma;
    private final double[] beta;
    private final double[] runningMean;
    private final double[] runningVar;

    public BatchNorm1d(int features, double eps, double momentum) {
        this.eps = eps;
        this.momentum = momentum;
        this.gamma = new double[features];
        this.beta = new double[features];
        this.runningMean = new double[features];
        this.runningVar = new double[features];
        java.util.Arrays.fill(gamma, 1.0);
        java.util.Arrays.fill(runningVar, 1.0);
    }

    public double[][] forward(double[][] batch) {
        int n = batch.length;
        int d = gamma.length;
        double[][] out = new double[n][d];
        for (int j = 0; j < d; j++) {
            double mu = 0;
            for (double[] row : batch) mu += row[j];
            mu /= n;
            double var = 0;
            for (double[] row : batch) var += (row[j] - mu) * (row[j] - mu);
            var /= n;
            double invStd = 1.0 / Math.sqrt(var + eps); // SAFE: UnguardedDivision
            for (int i = 0; i < n; i++) {
                out[i][j] = gamma[j] * (batch[i][j] - mu) * invStd + beta[j];
            }
            runningMean[j] = momentum * runningMean[j] + (1 - momentum) * mu;
            runningVar[j] = momentum * runningVar[j] + (1 - momentum) * var;
        }
        return out;
    }

    /** "Fast path" from the inference server that forgot eps; a dead ReLU unit has variance 0 over the batch. */
    public double[][] forwardNoEps(double[][] batch) {
        int n = batch.length;
        int d = gamma.length;
        double[][] out = new double[n][d];
        for (int j = 0; j < d; j++) {
            double mu = 0;
            for (double[] row : batch) mu += row[j];
            mu /= n;
            double squares = 0;
            for (double[] row : batch) squares += (row[j] - mu) * (row[j] - mu);
            for (int i = 0; i < n; i++) {
                out[i][j] = gamma[j] * (batch[i][j] - mu) / Math.sqrt(squares / n) + beta[j]; // EXPECT: UnguardedDivision
            }
        }
        return out;
    }

    /** Inference with running statistics. */
    public double[] infer(double[] x) {
        double[] out = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = gamma[j] * (x[j] - runningMean[j]) / Math.sqrt(runningVar[j] + eps) + beta[j]; // SAFE: UnguardedDivision
        }
        return out;
    }
}
