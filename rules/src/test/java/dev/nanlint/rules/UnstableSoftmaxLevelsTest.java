package dev.nanlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nanlint.engine.Config;
import dev.nanlint.engine.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * UnstableSoftmax's two levels: a warning when the method shows what makes the exponent large (a linear score
 * it computes, an exponential kept in float), a note for an exponent it only receives.
 */
class UnstableSoftmaxLevelsTest {
  private static List<String> levels(String methods, Config config) {
    return RuleFindings.levels(RuleFindings.of("UnstableSoftmax", "", "Scores", methods, config));
  }

  private static final String RECEIVED = """
      double[] softmax(double[] z) {
        double[] e = new double[z.length];
        double sum = 0;
        for (int i = 0; i < z.length; i++) { e[i] = Math.exp(z[i]); sum += e[i]; }
        for (int i = 0; i < z.length; i++) e[i] /= sum;
        return e;
      }
      """;

  @Test
  void anExponentTheMethodOnlyReceivesIsANote() throws ConfigException {
    assertEquals(List.of("note"), levels(RECEIVED, Config.defaults()));
    Config strict = Config.parse("UnstableSoftmax.shapeOnly = warning", "t.properties", BuiltInRules.all());
    assertEquals(List.of("warning"), levels(RECEIVED, strict));
  }

  @Test
  void aLinearScoreTheMethodComputesIsAWarning() {
    assertEquals(List.of("warning"), levels("""
        double[] predict(double[][] w, double[] x) {
          double[] e = new double[w.length];
          double sum = 0;
          for (int k = 0; k < w.length; k++) {
            double score = 0;
            for (int j = 0; j < x.length; j++) score += w[k][j] * x[j];
            e[k] = Math.exp(score);
            sum += e[k];
          }
          for (int k = 0; k < w.length; k++) e[k] /= sum;
          return e;
        }
        """, Config.defaults()));
  }

  @Test
  void aScoreAccumulatedTheOtherWayRoundOrWrittenOutIsAWarning() {
    assertEquals(List.of("warning", "warning"), levels("""
        double pairProbability(double[] w, double[] x, double b) {
          double t = b;
          for (int i = 0; i < x.length; i++) t = w[i] * x[i] + t;
          return Math.exp(t) / (1 + Math.exp(t) + Math.exp(-t));
        }
        double twoFeatures(double w0, double x0, double w1, double x1) {
          double s = w0 * x0 + w1 * x1;
          return Math.exp(s) / (Math.exp(s) + Math.exp(-s));
        }
        """, Config.defaults()));
  }

  @Test
  void anExponentialKeptInFloatIsAWarningButAFloatExponentAloneIsNot() {
    assertEquals(List.of("warning", "note"), levels("""
        float[] keptInFloat(float[] z) {
          float[] e = new float[z.length];
          float sum = 0;
          for (int i = 0; i < z.length; i++) { e[i] = (float) Math.exp(z[i]); sum += e[i]; }
          for (int i = 0; i < z.length; i++) e[i] /= sum;
          return e;
        }
        double[] computedInDouble(float[] z) {
          double[] e = new double[z.length];
          double sum = 0;
          for (int i = 0; i < z.length; i++) { e[i] = Math.exp(z[i]); sum += e[i]; }
          for (int i = 0; i < z.length; i++) e[i] /= sum;
          return e;
        }
        """, Config.defaults()));
  }
}
