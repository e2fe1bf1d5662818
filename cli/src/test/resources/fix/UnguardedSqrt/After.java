package fix;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Variances from moments, and an optimiser dividing by the root of its second moment. */
class Statistics {
  private static final double EPSILON = 1e-8;

  double stdOnePass(double[] column) {
    if (column.length == 0) {
      return 0.0;
    }
    double sum = 0;
    double sumSq = 0;
    for (double v : column) {
      sum += v;
      sumSq += v * v;
    }
    double mean = sum / column.length;
    double variance = sumSq / column.length - mean * mean;
    return Math.sqrt(Math.max(variance, 0.0));
  }

  double stdFromMoments(double meanOfSquares, double mean) {
    return Math.sqrt(Math.max(meanOfSquares
        - mean * mean, 0.0));
  }

  INDArray std(INDArray x) {
    INDArray mean = x.mean(0);
    INDArray var = x.mul(x).mean(0).sub(mean.mul(mean));
    return Transforms.sqrt(Transforms.max(var, 0.0));
  }

  void rmsProp(double[] params, double[] grad, double lr) {
    double[] cache = new double[params.length];
    for (int i = 0; i < params.length; i++) {
      cache[i] = 0.9 * cache[i] + 0.1 * grad[i] * grad[i];
      params[i] -= lr * grad[i] / Math.max(Math.sqrt(cache[i]), EPSILON);
    }
  }
}
