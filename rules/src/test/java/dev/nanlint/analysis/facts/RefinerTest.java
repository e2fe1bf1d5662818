package dev.nanlint.analysis.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RefinerTest {

  private static NumFact returned(String params, String body) {
    return Snippet.of(params, body).returned();
  }

  @Test
  void notEqualToZeroExcludesZero() {
    NumFact x = returned("double x", "if (x != 0) { return x; } return 1;");
    assertFalse(x.canBeZero());
    assertTrue(x.canBeNegative() && x.canBePositive());
    assertTrue(x.canBeNaN(), "NaN != 0 holds");
    NumFact early = returned("double x", "if (x == 0) return 1; return x;");
    assertFalse(early.canBeZero(), "the fall-through of an early return");
    NumFact zero = returned("double x", "if (x == 0) { return x; } return 1;");
    assertTrue(zero.isConstant());
    assertEquals(0, zero.lo());
  }

  @Test
  void unequalToAConstantInsideTheIntervalMakesTheDifferenceNonZero() {
    NumFact early = returned("double[] x", "int n = x.length; if (n == 1) return 1; return n - 1;");
    assertFalse(early.canBeZero(), early.toString());
    assertTrue(early.canBeNegative(), "n is 0 for an empty x: " + early);
    NumFact flipped = returned("double n", "if (1 != n) { return n - 1; } return 1;");
    assertFalse(flipped.canBeZero(), flipped.toString());
    NumFact reassigned = returned("double[] x", "int n = x.length; if (n == 1) return 1; n = x.length; return n - 1;");
    assertTrue(reassigned.canBeZero(), "a new value of n is not the one tested: " + reassigned);
    NumFact other = returned("double[] x", "int n = x.length; if (n == 2) return 1; return n - 1;");
    assertTrue(other.canBeZero(), "n != 2 says nothing of n - 1: " + other);
  }

  @Test
  void aTestOfAProductHoldsForTheSameProductUntilAFactorChanges() {
    NumFact tested = returned("double a, double b", "if (a * b <= 0) return 1; return a * b;");
    assertFalse(tested.canBeNegative() || tested.canBeZero(), tested.toString());
    NumFact changed = returned("double a, double b", "if (a * b <= 0) return 1; a = -a; return a * b;");
    assertTrue(changed.canBeNegative(), "a was written after the test: " + changed);
    NumFact other = returned("double a, double b, double c", "if (a * b <= 0) return 1; return a * c;");
    assertTrue(other.canBeNegative(), other.toString());
    NumFact element = returned("double[] v, int i", "if (v[i] - v[0] <= 0) return 1; v[1] = 0; return v[i] - v[0];");
    assertTrue(element.canBeNegative(), "an element write may change v[i]: " + element);
  }

  @Test
  void positiveIntegerMinusOneCanBeZero() {
    NumFact f = returned("int n", "if (n > 0) { return n - 1; } return 1;");
    assertEquals(0, f.lo());
    assertTrue(f.canBeZero());
    NumFact n = returned("int n", "if (n > 0) { return n; } return 1;");
    assertEquals(1, n.lo());
    NumFact flipped = returned("int n", "if (0 < n) { return n; } return 1;");
    assertEquals(1, flipped.lo());
  }

  @Test
  void unequalToAnIntegersBoundMovesTheBound() {
    NumFact n = returned("java.util.List<Integer> xs",
        "int n = xs.size() - 1; if (n == 0 || n == -1) { n = 1; } return n;");
    assertEquals(1, n.lo(), "n >= -1, neither -1 nor 0, or set to 1: " + n);
    NumFact above = returned("int k", "if (k >= 0 && k != 0) { return k; } return 5;");
    assertEquals(1, above.lo());
    NumFact real = returned("double x", "if (x >= 0 && x != 0) { return x; } return 5;");
    assertFalse(real.canBeZero());
    assertTrue(real.lo() < 1e-300, "a double above 0 can be as small as the least double: " + real);
    NumFact only = returned("int k", "if (k == 3 && k != 3) { return k; } return 5;");
    assertTrue(only.isBottom(), "no value is both: the branch is dead: " + only);
  }

  @Test
  void absAboveEpsilonMakesNonZero() {
    NumFact d = returned("double d", "if (Math.abs(d) > 1e-12) { return d; } return 1;");
    assertFalse(d.canBeZero());
    assertFalse(d.canBeNaN());
    NumFact small = returned("double d", "if (Math.abs(d) < 1) { return d; } return 1;");
    assertEquals(-Math.nextDown(1.0), small.lo(), "|d| < 1 is strict");
    assertEquals(Math.nextDown(1.0), small.hi());
  }

  @Test
  void theNaNAndInfinityChecks() {
    NumFact finite = returned("double x", "if (Double.isFinite(x)) { return x; } return 1;");
    assertFalse(finite.canBeInfinite());
    assertFalse(finite.canBeNaN());
    NumFact notNaN = returned("double x", "if (Double.isNaN(x)) return 0; return x;");
    assertFalse(notNaN.canBeNaN());
    assertTrue(notNaN.canBeInfinite());
    NumFact nan = returned("double x", "if (Double.isNaN(x)) { return x; } return 1;");
    assertTrue(nan.canBeNaN());
    assertTrue(nan.hasNoNumber(), "only NaN: " + nan);
    NumFact selfTest = returned("double x", "if (x != x) return 0; return x;");
    assertFalse(selfTest.canBeNaN(), "x != x is the NaN test");
    NumFact infinite = returned("double x", "if (x < 0) return 0; if (Float.isInfinite((float) x)) return 1; return x;");
    assertTrue(infinite.canBeInfinite(), "the cast is not x: nothing is told about x");
  }

  @Test
  void aBoundByAnotherVariableOrAConstantField() {
    NumFact x = Snippet.of("", "static final double EPS = 1e-8;", "double x", "if (x >= EPS) { return x; } return 1;")
        .returned();
    assertEquals(1e-8, x.lo());
    NumFact diff = returned("double hi, double lo", "if (hi > lo) { return hi - lo; } return 1;");
    assertFalse(diff.canBeZero());
    assertFalse(diff.canBeNegative());
    assertFalse(diff.canBeNaN(), "hi > lo holds for no NaN");
    NumFact reversed = returned("double hi, double lo", "if (lo < hi) { return lo - hi; } return -1;");
    assertFalse(reversed.canBePositive());
    assertFalse(reversed.canBeZero());
  }

  @Test
  void lengthsAndSizes() {
    NumFact len = returned("double[] a", "if (a.length > 0) { return a.length; } return 1;");
    assertEquals(1, len.lo());
    NumFact size = returned("List<Double> xs", "if (xs.isEmpty()) return 0; return xs.size();");
    assertEquals(1, size.lo());
    NumFact empty = returned("List<Double> xs", "if (xs.isEmpty()) { return xs.size(); } return 1;");
    assertTrue(empty.isConstant());
    NumFact positive = returned("List<Double> xs", "if (xs.size() > 0) { return xs.size(); } return 1;");
    assertEquals(1, positive.lo());
  }

  @Test
  void conjunctionsDisjunctionsAndNegations() {
    NumFact both = returned("double x, double y", "if (x > 0 && y > 0) { return x * y; } return 1;");
    assertFalse(both.canBeNegative());
    NumFact early = returned("double x, double y", "if (x <= 0 || y <= 0) return 1; return y;");
    assertFalse(early.canBeNegative() || early.canBeZero(), early.toString());
    assertTrue(early.canBeNaN(), "NaN <= 0 is false too");
    NumFact negated = returned("double x", "if (!(x > 0)) return 1; return x;");
    assertFalse(negated.canBeZero());
    NumFact either = returned("double x", "if (x > 1 || x < -1) { return x; } return 1;");
    assertFalse(either.canBeZero(), "each side excludes 0: " + either);
  }

  @Test
  void anImpossibleConditionMakesItsEdgeUnreachable() {
    Snippet s = Snippet.of("", "int n = 0; if (n > 0) { return n; } return 1;");
    assertFalse(s.storeAtReturn().isReachable());
    assertTrue(s.returned().isBottom());
  }

  @Test
  void aNarrowedVariableForgetsTheNarrowingWhenAssigned() {
    NumFact x = returned("double x, double y", "if (x != 0) { x = y; return x; } return 1;");
    assertTrue(x.canBeZero());
  }
}
