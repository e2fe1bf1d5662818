package fix;

import static java.lang.Double.NaN;

/** NaN checks that never fire, and one the fix must leave to a person. */
class DivergenceChecks {

  boolean diverged(double loss) {
    return loss == Double.NaN;
  }

  boolean healthy(double loss) {
    return loss != Double.NaN;
  }

  boolean floatScore(float score) {
    return Float.NaN == score;
  }

  boolean doubleAgainstFloatNaN(double score) {
    return score == Float.NaN;
  }

  boolean staticallyImported(double gradient) {
    return gradient == NaN;
  }

  void trainingLoop(double[] losses) {
    for (double loss : losses) {
      if (loss == Double.NaN /* diverged */) {
        throw new IllegalStateException("diverged");
      }
    }
  }

  boolean ordered(double x) {
    return x > Double.NaN;
  }
}
