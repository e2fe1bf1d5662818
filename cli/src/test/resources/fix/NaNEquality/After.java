package fix;

import static java.lang.Double.NaN;

/** NaN checks that never fire, and one the fix must leave to a person. */
class DivergenceChecks {

  boolean diverged(double loss) {
    return Double.isNaN(loss);
  }

  boolean healthy(double loss) {
    return !Double.isNaN(loss);
  }

  boolean floatScore(float score) {
    return Float.isNaN(score);
  }

  boolean doubleAgainstFloatNaN(double score) {
    return Double.isNaN(score);
  }

  boolean staticallyImported(double gradient) {
    return Double.isNaN(gradient);
  }

  void trainingLoop(double[] losses) {
    for (double loss : losses) {
      if (Double.isNaN(loss) /* diverged */) {
        throw new IllegalStateException("diverged");
      }
    }
  }

  boolean ordered(double x) {
    return x > Double.NaN;
  }
}
