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
 * PowDomain's levels: a fractional power of a variance by subtraction is a warning (rounding makes it
 * negative), of a value whose sign is merely unknown a note; a guard that NaN fails absorbs a NaN, but not the
 * Infinity a negative exponent makes at 0.
 */
class PowDomainLevelsTest {
  private static final List<Rule> RULES = BuiltInRules.all();

  private static List<Finding> findings(String methods, Config config) {
    return RuleFindings.of("PowDomain", "", "Stats", methods, config);
  }

  private static List<String> levels(String methods, Config config) {
    return RuleFindings.levels(findings(methods, config));
  }

  private static final String SKEWNESS = """
      double skewness(double[] xs, double m3) {
        double sum = 0, sq = 0;
        for (double x : xs) { sum += x; sq += x * x; }
        double mean = sum / xs.length;
        double var = sq / xs.length - mean * mean;
        return m3 / Math.pow(var, 1.5);
      }
      """;
  private static final String ROOT = "double root(double a, double b, double k) { return Math.pow(a - b, 1.0 / k); }";

  @Test
  void aVarianceBySubtractionIsAWarningAnUnknownSignANote() throws ConfigException {
    assertEquals(List.of("warning"), levels(SKEWNESS, Config.defaults()));
    assertEquals(List.of("note"), levels(ROOT, Config.defaults()));
    Config strict = Config.parse("PowDomain.shapeOnly = warning", "t.properties", RULES);
    assertEquals(List.of("warning"), levels(ROOT, strict));
  }

  @Test
  void aGuardAbsorbsTheNaNButNotTheInfinity() {
    List<Finding> positive = findings("""
        double scale(double[] xs, double x) {
          double sum = 0, sq = 0;
          for (double v : xs) { sum += v; sq += v * v; }
          double mean = sum / xs.length;
          double sd = Math.pow(sq / xs.length - mean * mean, 0.5);
          if (sd > 0) { return x / sd; }
          return 0;
        }
        """, Config.defaults());
    assertEquals(List.of("note"), RuleFindings.levels(positive));
    assertTrue(positive.get(0).message().contains("a NaN stops at sd > 0"), positive.get(0).message());
    assertEquals(List.of("warning"), levels("""
        double whiten(double[] xs, double x) {
          double sum = 0, sq = 0;
          for (double v : xs) { sum += v; sq += v * v; }
          double mean = sum / xs.length;
          double inv = Math.pow(sq / xs.length - mean * mean, -0.5);
          if (inv > 0) { return x * inv; }
          return 0;
        }
        """, Config.defaults()), "a negative exponent: Infinity at 0 passes inv > 0");
  }
}
