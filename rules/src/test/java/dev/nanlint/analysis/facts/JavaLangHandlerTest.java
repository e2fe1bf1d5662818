package dev.nanlint.analysis.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The java.lang/java.util handler: the draws of the JDK's random generators. */
class JavaLangHandlerTest {

  private static NumFact returned(String imports, String params, String body) {
    return Snippet.of(imports, "", params, body).returned();
  }

  @Test
  void nextDoubleIsInTheHalfOpenUnitInterval() {
    NumFact u = returned("import java.util.Random;", "Random rng", "return rng.nextDouble();");
    assertEquals(0, u.lo());
    assertTrue(u.hi() < 1, u.toString());
    assertTrue(u.canBeZero(), "0 is a possible draw: " + u);
    NumFact oneMinus = returned("import java.util.Random;", "Random rng", "return 1.0 - rng.nextDouble();");
    assertFalse(oneMinus.canBeZero(), "1 - u is in (0, 1]: " + oneMinus);
    NumFact local = returned("import java.util.concurrent.ThreadLocalRandom;", "",
        "return 1.0 - ThreadLocalRandom.current().nextDouble();");
    assertFalse(local.canBeZero(), local.toString());
  }

  @Test
  void nextIntWithABoundStaysBelowIt() {
    NumFact i = returned("import java.util.Random;", "Random rng", "return rng.nextInt(10);");
    assertEquals(0, i.lo());
    assertEquals(9, i.hi());
  }

  @Test
  void aClassOfTheSameNameElsewhereIsUnknown() {
    NumFact other = returned("import org.acme.Random;", "Random rng", "return 1.0 - rng.nextDouble();");
    assertTrue(other.canBeZero(), other.toString());
  }
}
