package fix;

/** Feature normalisation; only the divisions the rule can fix mechanically change. */
class Normalisation {
  private static final double EPS = 1e-9;

  double[] l2Normalise(double[] v) {
    double norm = 0;
    for (double x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] /   norm;   // spacing kept
    }
    return out;
  }

  void l2NormaliseInPlace(double[] v) {
    double norm = 0;
    for (double x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    for (int i = 0; i < v.length; i++) {
      v[i] /= norm;
    }
  }

  double[] minMaxScale(double[] x, double min, double max) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = (x[i] - min) / (max - min);
    }
    return out;
  }

  /** A count cast to double: guarded with Math.max(count, 1), so every count of 1 or more gives what it gave. */
  double precision(int[] predictions, int[] labels) {
    int predictedPositives = 0;
    int truePositives = 0;
    for (int i = 0; i < predictions.length; i++) {
      if (predictions[i] == 1) {
        predictedPositives++;
        truePositives += labels[i];
      }
    }
    return truePositives / (double) (predictedPositives);
  }

  /** A parenthesised divisor: the guard takes the parentheses' place and keeps what is inside them. */
  double[] scale(double[] v, double norm) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] / ( norm /* L2 */ );
    }
    return out;
  }

  /** A count: the fix is advice (return early, or divide by Math.max(n, 1)), not an edit. */
  double mean(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return sum / x.length;
  }

  static final class FloatNormalisation {
    float[] l2Normalise(float[] v) {
      float norm = 0;
      for (float x : v) {
        norm += x * x;
      }
      norm = (float) Math.sqrt(norm);
      float[] out = new float[v.length];
      for (int i = 0; i < v.length; i++) {
        out[i] = v[i] / norm;
      }
      return out;
    }
  }
}
