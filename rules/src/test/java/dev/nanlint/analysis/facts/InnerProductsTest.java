package dev.nanlint.analysis.facts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.analysis.facts.NumFact.Tag;
import org.junit.jupiter.api.Test;

/** A vector's inner product with itself is a sum of squares, in any library; with another vector it is anything. */
class InnerProductsTest {
  private static final String MEMBERS = "interface Vec { double dot(Vec o); }\n"
      + "static double dot(double[] a, double[] b) { return 0; }\n"
      + "static double[] next(double[] d) { return d; }";

  private static NumFact returned(String params, String body) {
    return Snippet.of("", MEMBERS, params, body).returned();
  }

  @Test
  void theSquaredNormIsNeverNegativeAndZeroForAZeroVector() {
    NumFact self = returned("Vec v", "return v.dot(v);");
    assertFalse(self.canBeNegative(), self.toString());
    assertTrue(self.canBeZero() && self.has(Tag.SUM_OF_NONNEGATIVES), self.toString());
    NumFact statik = returned("double[] d", "return dot(d, d);");
    assertTrue(statik.has(Tag.SUM_OF_NONNEGATIVES), statik.toString());
  }

  @Test
  void twoVectorsOrTwoCallsAreNotOne() {
    assertTrue(returned("Vec a, Vec b", "return a.dot(b);").canBeNegative());
    assertFalse(returned("double[] d", "return dot(next(d), next(d));").has(Tag.SUM_OF_NONNEGATIVES),
        "two calls may return two vectors");
  }
}
