package dev.nanlint.analysis.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.analysis.facts.NumFact.Tag;
import org.junit.jupiter.api.Test;

/** weka.core.Utils: comparisons within SMALL, sums, normalize in place; never a bare Utils. */
class WekaHandlerTest {
  private static final String IMPORTS = "import weka.core.Utils;";

  private static NumFact returned(String imports, String params, String body) {
    return Snippet.of(imports, "", params, body).returned();
  }

  @Test
  void comparisonsWithinSmallAreChecks() {
    NumFact s = returned(IMPORTS, "double sum", "if (Utils.eq(sum, 0)) return 0; return sum;");
    assertFalse(s.canBeZero(), s.toString());
    assertTrue(s.canBeNaN(), "eq(NaN, 0) is false: " + s);
    NumFact gr = returned(IMPORTS, "double w", "if (Utils.gr(w, 0)) { return w; } return 1;");
    assertTrue(gr.lo() >= 1e-6, gr.toString());
    assertFalse(gr.canBeNaN());
    NumFact smOrEq = returned(IMPORTS, "double w", "if (Utils.smOrEq(w, 0)) return 1; return w;");
    assertTrue(smOrEq.lo() > 0, "not <= 0 within SMALL: above it, or NaN: " + smOrEq);
    assertTrue(smOrEq.canBeNaN());
  }

  @Test
  void recognisedByTheImportedClassOnly() {
    NumFact bare = returned("", "double sum", "if (Utils.eq(sum, 0)) return 0; return sum;");
    assertTrue(bare.canBeZero(), "a Utils that is not weka.core.Utils: " + bare);
    NumFact other = returned("import org.acme.Utils;", "double sum", "if (Utils.eq(sum, 0)) return 0; return sum;");
    assertTrue(other.canBeZero(), other.toString());
    NumFact wildcard = returned("import weka.core.*;", "double sum", "if (Utils.eq(sum, 0)) return 0; return sum;");
    assertFalse(wildcard.canBeZero(), wildcard.toString());
  }

  @Test
  void sumsAndNormalize() {
    NumFact sum = returned(IMPORTS, "", "double[] w = {0.0, 2.0}; return Utils.sum(w);");
    assertTrue(sum.has(Tag.SUM_OF_NONNEGATIVES));
    assertTrue(sum.canBeZero());
    NumFact positive = returned(IMPORTS, "", "double[] w = {1.0, 2.0}; return Utils.sum(w);");
    assertEquals(1, positive.lo());
    NumFact p = returned(IMPORTS, "", "double[] w = {0.0, 2.0, 3.0}; Utils.normalize(w); return w[0];");
    assertEquals(0, p.lo());
    assertEquals(1, p.hi());
    assertTrue(p.isProbability(), p.toString());
    NumFact log = returned(IMPORTS, "", "double[] w = {0.0, 2.0, 3.0}; Utils.normalize(w); return Math.log(w[1]);");
    assertEquals(Double.NEGATIVE_INFINITY, log.lo());
    NumFact divided = returned(IMPORTS, "double s", "double[] w = {1.0, 2.0}; Utils.normalize(w, s); return s;");
    assertFalse(divided.canBeZero(), "normalize(w, s) throws when s is 0: " + divided);
    assertFalse(divided.canBeNaN());
    NumFact log2 = returned(IMPORTS, "", "return Utils.log2(8);");
    assertEquals(3, log2.lo(), 1e-12);
  }
}
