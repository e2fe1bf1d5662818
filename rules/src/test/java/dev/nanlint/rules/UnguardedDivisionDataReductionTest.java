package dev.nanlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.engine.Config;
import dev.nanlint.engine.Finding;
import dev.nanlint.engine.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Outside code named for ML, a division is still numeric code by what it computes when its divisor is a
 * reduction of data that degenerate data makes 0: a correlation's root of two variances, a norm, a sum of the
 * values that pass a test. At most a note (a contract: constant, all-zero or filtered-out data). A divisor that
 * is merely a difference of two values stays out of scope there.
 */
class UnguardedDivisionDataReductionTest {

  private static List<Finding> findings(String methods) {
    return RuleFindings.of("UnguardedDivision", "import java.util.*;", "Columns", methods, Config.defaults());
  }

  @Test
  void aCorrelationOfAConstantColumnIsANote() {
    List<Finding> found = findings("""
        double r(double[] x, double[] y) {
          int n = x.length;
          double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
          for (int i = 0; i < n; i++) {
            sx += x[i]; sy += y[i]; sxx += x[i] * x[i]; syy += y[i] * y[i]; sxy += x[i] * y[i];
          }
          double vx = sxx - sx * sx / n;
          double vy = syy - sy * sy / n;
          return (sxy - sx * sy / n) / Math.sqrt(vx * vy);
        }
        """);
    List<Finding> atRoot = found.stream().filter(f -> f.message().startsWith("dividing by Math.sqrt(vx * vy)")).toList();
    assertEquals(1, atRoot.size(), found.toString());
    assertEquals(Severity.NOTE, atRoot.get(0).severity());
  }

  @Test
  void aStandardisationByAComputedStdIsANote() {
    List<Finding> found = findings("""
        double[] z(double[] x) {
          double mean = 0;
          for (double v : x) mean += v;
          mean /= x.length;
          double ss = 0;
          for (double v : x) ss += (v - mean) * (v - mean);
          double sd = Math.sqrt(ss / x.length);
          double[] out = new double[x.length];
          for (int i = 0; i < x.length; i++) out[i] = (x[i] - mean) / sd;
          return out;
        }
        """);
    assertTrue(found.stream().anyMatch(f -> f.message().startsWith("dividing by sd ") && f.severity() == Severity.NOTE),
        found.toString());
  }

  @Test
  void aSumOfTheValuesThatPassATestIsZeroWhenNonePasses() {
    List<Finding> found = findings("""
        double share(double[] charges) {
          double max = 0, total = 0;
          for (double c : charges) {
            if (c > 0) { total += c; if (c > max) max = c; }
          }
          return max / total;
        }
        """);
    assertEquals(1, found.size(), found.toString());
    assertEquals(Severity.NOTE, found.get(0).severity());
  }

  @Test
  void aStdArrayFilledInFitIsReadInApply() {
    String fields = """
        private double[] mean, sd;
        void fit(double[][] x) {
          int d = x[0].length; mean = new double[d]; sd = new double[d];
          for (int j = 0; j < d; j++) {
            double m = 0; for (double[] row : x) m += row[j]; m /= x.length; mean[j] = m;
            double s = 0; for (double[] row : x) s += (row[j] - m) * (row[j] - m);
            sd[j] = Math.sqrt(s / x.length);
          }
        }
        double[] apply(double[] row) {
          double[] out = new double[row.length];
          for (int j = 0; j < row.length; j++) out[j] = (row[j] - mean[j]) / sd[j];
          return out;
        }
        """;
    List<Finding> found = findings(fields);
    assertEquals(1, found.size(), found.toString());
    assertTrue(found.get(0).message().contains("sd[...] is set in fit()"), found.get(0).message());
    // the same array clamped where it is filled, or shared with code the file does not show: silent
    assertEquals(List.of(), findings(fields.replace("sd[j] = Math.sqrt(s / x.length);",
        "sd[j] = Math.max(1e-12, Math.sqrt(s / x.length));")));
    assertEquals(List.of(), findings(fields.replace("private double[] mean, sd;", "double[] mean, sd;")));
    assertEquals(List.of(), findings(fields + "double[] stds() { return sd; }\n"));
  }

  @Test
  void aDifferenceOrAnUnusedQuotientIsNotAReduction() {
    assertEquals(List.of(), findings("""
        double slope(double x0, double x1, double y0, double y1) {
          return (y1 - y0) / (x1 - x0);
        }
        boolean small(double[] v) {
          double s = 0;
          for (double x : v) s += x * x;
          return v[0] / Math.sqrt(s) < 0.5;
        }
        double guarded(double[] v) {
          double s = 0;
          for (double x : v) s += x * x;
          return s == 0 ? 0 : v[0] / Math.sqrt(s);
        }
        """));
  }
}
