package dev.nanlint.analysis.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.analysis.facts.NumFact.Tag;
import org.junit.jupiter.api.Test;

/** Smile's MathEx: a log that never reaches -Infinity, softmax in place, reductions. */
class SmileHandlerTest {
  private static final String IMPORTS = "import smile.math.MathEx;";

  private static NumFact returned(String imports, String params, String body) {
    return Snippet.of(imports, "", params, body).returned();
  }

  @Test
  void mathExLogIsFinite() {
    NumFact log = returned(IMPORTS, "double p", "return MathEx.log(p);");
    assertEquals(-690.7755, log.lo());
    assertFalse(log.canBeNaN(), "NaN > 1e-300 is false: the floor");
    NumFact javaLog = returned(IMPORTS, "double p", "return Math.log(p);");
    assertTrue(javaLog.canBeNaN());
    NumFact other = returned("import org.acme.MathEx;", "double p", "return MathEx.log(p);");
    assertTrue(other.canBeNaN(), "another MathEx: " + other);
    NumFact logistic = returned(IMPORTS, "double z", "return Math.log(MathEx.logistic(z));");
    assertTrue(logistic.lo() > -50, "logistic is clamped away from 0: " + logistic);
  }

  @Test
  void softmaxIsInPlace() {
    NumFact p = returned(IMPORTS, "double[] x", "MathEx.softmax(x); return x[0];");
    assertEquals(0, p.lo());
    assertEquals(1, p.hi());
    assertTrue(p.isProbability(), p.toString());
    NumFact index = returned(IMPORTS, "double[] x", "return MathEx.softmax(x);");
    assertEquals(-1, index.lo(), "the index of the largest, -1 when none is above -Infinity");
  }

  @Test
  void reductions() {
    NumFact sd = returned(IMPORTS, "", "double[] x = {1.0, 2.0}; return MathEx.sd(x);");
    assertTrue(sd.canBeZero());
    assertTrue(sd.canBeNaN(), "smile's variance can round below 0: " + sd);
    assertTrue(sd.has(Tag.SPREAD));
    NumFact var = returned(IMPORTS, "", "double[] x = {1.0, 2.0}; return MathEx.var(x);");
    assertTrue(var.canBeNegative(), var.toString());
    NumFact norm = returned(IMPORTS, "double[] x", "return MathEx.norm(x);");
    assertTrue(norm.has(Tag.NORM));
    assertTrue(norm.canBeZero());
    NumFact sum = returned(IMPORTS, "", "double[] x = {0.5, 2.0}; return MathEx.sum(x);");
    assertEquals(0.5, sum.lo());
    assertFalse(sum.canBeZero());
  }
}
