package dev.nanlint.analysis.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Commons Math's Precision.equals and compareTo as checks. */
class CommonsMathHandlerTest {
  private static final String IMPORTS = "import org.apache.commons.math3.util.Precision;";

  private static NumFact returned(String imports, String params, String body) {
    return Snippet.of(imports, "", params, body).returned();
  }

  @Test
  void equalsZeroReturningExcludesZeroAfter() {
    NumFact d = returned(IMPORTS, "double d", "if (Precision.equals(d, 0)) return 0; return d;");
    assertFalse(d.canBeZero(), d.toString());
    NumFact eps = returned(IMPORTS, "double d", "if (d < 0 || Precision.equals(d, 0, 1e-10)) return 0; return d;");
    assertTrue(eps.lo() >= 1e-10, eps.toString());
    NumFact inside = returned(IMPORTS, "double d", "if (Precision.equals(d, 2.0, 0.5)) { return d; } return 0;");
    assertEquals(1.5, inside.lo());
    assertEquals(2.5, inside.hi());
    assertFalse(inside.canBeNaN(), "NaN equals nothing: " + inside);
    NumFact nan = returned(IMPORTS, "double d", "if (Precision.equalsIncludingNaN(d, Double.NaN)) { return d; } return 0;");
    assertTrue(nan.canBeNaN(), nan.toString());
  }

  @Test
  void compareToResultRefinesItsOperands() {
    NumFact above = returned(IMPORTS, "double d", "if (Precision.compareTo(d, 0, 1e-12) > 0) { return d; } return 1;");
    assertTrue(above.lo() >= 1e-12, above.toString());
    NumFact notEqual = returned(IMPORTS, "double d", "if (Precision.compareTo(d, 0, 1e-12) == 0) return 1; return d;");
    assertFalse(notEqual.canBeZero(), notEqual.toString());
    NumFact below = returned(IMPORTS, "double d", "if (Precision.compareTo(d, 0.0, 1e-12) < 0) { return d; } return 1;");
    assertFalse(below.canBeNaN(), "only NaN compares as 1, never -1: " + below);
    assertTrue(below.hi() < 0);
  }

  @Test
  void anInfiniteOperandWithAnUlpToleranceIsNoCrash() {
    // one ulp of Infinity is Infinity: Infinity - Infinity must not become a NaN bound
    NumFact d = returned(IMPORTS, "double d", "double e = Double.POSITIVE_INFINITY;"
        + " if (Precision.equals(d, e)) { return d; } return 0;");
    assertTrue(d.canBeInfinite(), d.toString());
    NumFact below = returned(IMPORTS, "double d", "double e = Double.NEGATIVE_INFINITY;"
        + " if (Precision.compareTo(d, e, Double.POSITIVE_INFINITY) > 0) { return d; } return 0;");
    assertFalse(below.isBottom(), below.toString());
  }

  @Test
  void anotherPrecisionClassIsNotIt() {
    NumFact d = returned("import com.acme.Precision;", "double d", "if (Precision.equals(d, 0)) return 0; return d;");
    assertTrue(d.canBeZero(), d.toString());
  }
}
