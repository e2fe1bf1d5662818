package dev.nanlint.analysis.facts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** EJML's and Guava's tests for NaN and infinity refine their argument on each edge, as java.lang's do. */
class EjmlHandlerTest {
  private static NumFact returned(String imports, String params, String body) {
    return Snippet.of(imports, "", params, body).returned();
  }

  @Test
  void anUncountableValueLeavesTheMethodAndAFiniteOneGoesOn() {
    NumFact after = returned("import org.ejml.UtilEjml;", "double v",
        "double r = Math.sqrt(v); if (UtilEjml.isUncountable(r)) return 0; return r;");
    assertFalse(after.canBeNaN(), after.toString());
    NumFact guava = returned("import com.google.common.primitives.Doubles;", "double v",
        "double r = Math.sqrt(v); if (!Doubles.isFinite(r)) return 0; return r;");
    assertFalse(guava.canBeNaN(), guava.toString());
  }

  @Test
  void aTestOfAnotherLibraryIsUnknown() {
    NumFact other = returned("import org.acme.UtilEjml;", "double v",
        "double r = Math.sqrt(v); if (UtilEjml.isUncountable(r)) return 0; return r;");
    assertTrue(other.canBeNaN(), other.toString());
  }
}
