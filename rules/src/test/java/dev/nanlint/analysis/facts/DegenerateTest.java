package dev.nanlint.analysis.facts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.analysis.facts.NumFact.Tag;
import org.junit.jupiter.api.Test;

/** Values that degenerate data makes 0 stay so through scaling, products and roots; coincidences do not. */
class DegenerateTest {

  private static NumFact returned(String params, String body) {
    return Snippet.of(params, body).returned();
  }

  @Test
  void scalingAReductionKeepsIt() {
    assertTrue(Degenerate.isZeroOnDegenerateData(returned("double a, double b",
        "double s = a * a + b * b; return 2 * Math.PI * s;")), "2·π·(a² + b²)");
    assertTrue(Degenerate.isZeroOnDegenerateData(returned("double a, double b, double[] xs",
        "double s = a * a + b * b; return s / xs.length;")), "a mean of squares");
    assertFalse(Degenerate.isZeroOnDegenerateData(returned("double a, double b, int n",
        "double s = a * a + b * b; return s / n;")), "n may be negative: the quotient's sign is not kept");
  }

  @Test
  void aProductOfTwoVariancesByCancellationIsOne() {
    NumFact product = returned("double sxx, double sx, double syy, double sy, int n",
        "double vx = sxx - sx * sx / n; double vy = syy - sy * sy / n; return Math.sqrt(vx * vy);");
    assertTrue(product.has(Tag.CANCELLATION), product.toString());
    assertTrue(Degenerate.isZeroOnDegenerateData(product), product.toString());
  }

  @Test
  void aSquaredDifferenceIsNeverNegative() {
    NumFact sq = returned("double v, double mean", "return (v - mean) * (v - mean);");
    assertFalse(sq.canBeNegative(), sq.toString());
  }

  @Test
  void aDifferenceOrAPlainProductIsNot() {
    assertFalse(Degenerate.isZeroOnDegenerateData(returned("double a, double b", "return a - b;")));
    assertFalse(Degenerate.isZeroOnDegenerateData(returned("double a, double b", "return a * b;")));
    assertFalse(Degenerate.isZeroOnDegenerateData(returned("double a, double b",
        "double s = a * a + b * b; return s + 1;")), "at least 1: never 0");
  }
}
