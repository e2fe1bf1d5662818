package dev.nanlint.analysis.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Guava handler: preconditions refine the store after them; DoubleMath's fuzzy comparisons are checks. */
class GuavaHandlerTest {
  private static final String IMPORTS = "import com.google.common.base.Preconditions;\n"
      + "import com.google.common.math.DoubleMath;";

  private static NumFact returned(String imports, String params, String body) {
    return Snippet.of(imports, "", params, body).returned();
  }

  @Test
  void checkArgumentRefinesWhatFollows() {
    NumFact n = returned(IMPORTS, "int n", "Preconditions.checkArgument(n > 0, \"n must be positive\"); return n;");
    assertEquals(1, n.lo());
    assertFalse(n.canBeZero());
    NumFact state = returned(IMPORTS, "double total", "Preconditions.checkState(total != 0 && total > -1); return total;");
    assertFalse(state.canBeZero(), state.toString());
    assertFalse(state.canBeNaN(), "NaN > -1 is false: " + state);
    NumFact statik = returned("import static com.google.common.base.Preconditions.checkArgument;", "int n",
        "checkArgument(n >= 2); return n - 1;");
    assertEquals(1, statik.lo());
    NumFact before = returned(IMPORTS, "int n", "int m = n / 2; Preconditions.checkArgument(n > 0); return m;");
    assertTrue(before.canBeZero(), "m was computed before the check and is another value (0 for n = 1): " + before);
    NumFact copy = returned(IMPORTS, "int n", "int m = n; Preconditions.checkArgument(n > 0); return m;");
    assertFalse(copy.canBeZero(), "m is a copy of n, so the check on n holds for m too: " + copy);
  }

  @Test
  void onlyGuavasPreconditionsCount() {
    NumFact other = returned("import org.acme.Preconditions;", "int n", "Preconditions.checkArgument(n > 0); return n;");
    assertTrue(other.canBeZero(), other.toString());
    NumFact bare = returned("", "int n", "checkArgument(n > 0); return n;");
    assertTrue(bare.canBeZero(), "an unimported checkArgument is unknown: " + bare);
  }

  @Test
  void fuzzyEqualsIsACheck() {
    NumFact d = returned(IMPORTS, "double d", "if (DoubleMath.fuzzyEquals(d, 0, 1e-9)) return 0; return d;");
    assertFalse(d.canBeZero(), d.toString());
    assertTrue(d.canBeNaN(), "fuzzyEquals(NaN, 0, tol) is false: " + d);
    NumFact s = returned(IMPORTS, "double s", "if (s < 0 || DoubleMath.fuzzyEquals(s, 0, 1e-9)) return 1; return s;");
    assertTrue(s.lo() >= 1e-9, "s >= 0 and not within 1e-9 of 0: " + s);
    NumFact c = returned(IMPORTS, "double d", "if (DoubleMath.fuzzyCompare(d, 1e-6, 1e-9) <= 0) return 1; return d;");
    assertTrue(c.lo() > 1e-6, c.toString());
    assertTrue(c.canBeNaN(), "NaN compares above: " + c);
  }
}
