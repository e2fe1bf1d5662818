package dev.nanlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.engine.Config;
import dev.nanlint.engine.ConfigException;
import dev.nanlint.engine.Finding;
import dev.nanlint.engine.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * UnguardedLog's two levels: a warning when a mechanism makes the argument 0 (a probability that
 * underflows or saturates, a count per class), a note when only its shape does (a difference, a sum).
 * Fixture markers do not carry a level, so the levels are pinned here.
 */
class UnguardedLogLevelsTest {
  private static final List<Rule> RULES = BuiltInRules.all();

  private static List<String> levels(String methods, Config config) {
    return RuleFindings.levels(RuleFindings.of("UnguardedLog", "import org.nd4j.linalg.api.ndarray.INDArray;\n"
        + "import org.nd4j.linalg.ops.transforms.Transforms;", "Scores", methods, config));
  }

  private static List<String> levels(String methods) {
    return levels(methods, Config.defaults());
  }

  /** The message of the first finding. */
  private static String message(String methods) {
    List<Finding> found = RuleFindings.of("UnguardedLog", "", "Scores", methods, Config.defaults());
    assertTrue(!found.isEmpty(), "no finding");
    return found.get(0).message();
  }

  private static final String SHAPES = """
      double gap(double hi, double lo) { return Math.log(hi - lo); }
      double logTotal(double[] w) {
        double total = 0;
        for (double x : w) total += Math.sin(x);
        return Math.log(total);
      }
      """;

  @Test
  void aDifferenceOrASumAloneIsANote() throws ConfigException {
    assertEquals(List.of("note", "note"), levels(SHAPES));
    Config strict = Config.parse("UnguardedLog.shapeOnly = warning", "t.properties", RULES);
    assertEquals(List.of("warning", "warning"), levels(SHAPES, strict));
  }

  @Test
  void theFrequencyOfAClassTheDataMayNeverShowIsAWarning() {
    assertEquals(List.of("warning"), levels("""
        double entropy(int[] labels, int classes) {
          int[] counts = new int[classes];
          for (int y : labels) counts[y]++;
          double h = 0;
          for (int k = 0; k < classes; k++) {
            double p = (double) counts[k] / labels.length;
            h -= p * Math.log(p);
          }
          return h;
        }
        """));
  }

  /**
   * A hand-written sigmoid in double is 0 only once exp overflows (a logit below -709.78): a note; its
   * complement 1 - p is 0 from a logit of about 37: a warning. ND4J's sigmoid is a library output that
   * saturates (ND4J computes in float by default): a warning.
   */
  @Test
  void aDoubleSigmoidIsZeroOnlyOnOverflowItsComplementSoonerAndALibrarySigmoidSaturates() {
    assertEquals(List.of("note", "warning"), levels("""
        double logLoss(double z, double y) {
          double p = 1.0 / (1.0 + Math.exp(-z));
          return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
        }
        """));
    assertEquals(List.of("warning"), levels("""
        INDArray logLikelihood(INDArray labels, INDArray z) {
          INDArray p = Transforms.sigmoid(z);
          return labels.mul(Transforms.log(p));
        }
        """), "a library sigmoid saturates; here its log is also a cross-entropy's (labels.mul)");
  }

  /** A scalar utility named sigmoid or logistic computes the same quotient in double: the same levels. */
  @Test
  void aScalarLogisticUtilityIsADoubleSigmoid() {
    String pairwise = """
        double pairLoss(double positive, double negative) {
          double p = Maths.logistic(positive - negative);
          return -Math.log(p) - Math.log(1 - Maths.logistic(negative));
        }
        static final class Maths {
          static double logistic(double x) { return 1.0 / (1.0 + Math.exp(-x)); }
        }
        """;
    assertEquals(List.of("note", "warning"), levels(pairwise));
    assertTrue(message(pairwise).contains("as a sigmoid in double precision it is 0 only once the exp"), message(pairwise));
    assertEquals(List.of("warning"), levels("""
        float pairLoss(float positive, float negative) {
          return (float) -Math.log(Maths.logistic(positive - negative));
        }
        static final class Maths {
          static float logistic(float x) { return 1.0f / (1.0f + (float) Math.exp(-x)); }
        }
        """), "in float the exp inside overflows from a logit of 88.7");
    assertEquals(List.of("warning"), levels("""
        double loss(double y) {
          return -Math.log(sigmoid(y));
        }
        private double sigmoid(double y) {
          if (y < -37) return 0.0;
          return 1.0 / (1.0 + Math.exp(-y));
        }
        """), "a sigmoid that returns 0.0 below a cut-off is 0 from a logit of -37");
    assertEquals(List.of("warning", "note"), levels("""
        double loss(double z) {
          double p = sigmoid(z);
          return -Math.log(p) - Math.log(1 - p);
        }
        static double sigmoid(double x) { return x < -40 ? sigmoid(-40) : 1 / (1 + Math.exp(-x)); }
        """), "a sigmoid that calls itself is not read as one (log(p) warns), and the rule does not fail");
  }
}
