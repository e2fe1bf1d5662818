package dev.nanlint.analysis.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.analysis.facts.NumFact.Precision;
import dev.nanlint.analysis.facts.NumFact.Tag;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

  private static NumFact returned(String params, String body) {
    return Snippet.of(params, body).returned();
  }

  private static String reasons(NumFact f) {
    return f.evidence().toString();
  }

  @Test
  void sigmoidStaysInTheUnitIntervalAndReachesBothEnds() {
    NumFact p = returned("double z", "return 1.0 / (1 + Math.exp(-z));");
    assertEquals(0, p.lo());
    assertEquals(1, p.hi());
    assertTrue(p.canBeZero(), p.toString());
    assertTrue(p.isProbability(), p.toString());
    assertTrue(reasons(p).contains("reaches 0 and 1"), reasons(p));
    NumFact log = returned("double z", "double p = 1.0 / (1 + Math.exp(-z)); return Math.log(p);");
    assertEquals(Double.NEGATIVE_INFINITY, log.lo(), "log of a sigmoid output reaches -Infinity");
    assertTrue(reasons(log).contains("log(p) is -Infinity when p is 0"), reasons(log));
  }

  @Test
  void anIntegerDivisionThatRanProvesItsDivisorNonZero() {
    NumFact n = returned("int correct, int n", "int rate = correct / n; return n;");
    assertFalse(n.canBeZero(), "correct / n would have thrown: " + n);
    NumFact compound = returned("int total, int n", "total /= n; return n;");
    assertFalse(compound.canBeZero(), compound.toString());
    NumFact real = returned("double x, double d", "double q = x / d; return d;");
    assertTrue(real.canBeZero(), "a floating division does not throw: " + real);
    NumFact remainder = returned("int i, int k", "int r = i % k; return k;");
    assertFalse(remainder.canBeZero(), remainder.toString());
  }

  @Test
  void aCopyLearnsWhatALaterCheckOfItsSourceTells() {
    NumFact an = returned("int n", "double an = n; if (n < 3) { return 1; } return an;");
    assertEquals(3, an.lo(), "an holds n, and n >= 3 here: " + an);
    NumFact reassigned = returned("int n", "double an = n; an = an - 5; if (n < 3) { return 1; } return an;");
    assertTrue(reassigned.lo() < 3, "an no longer holds n: " + reassigned);
    NumFact element = returned("double[] a, int i", "double v = a[i]; if (a[0] < 3) { return 1; } return v;");
    assertTrue(element.lo() < 3, "one element says nothing of another: " + element);
  }

  @Test
  void sigmoidOfTheOtherShapeIsAProbabilityThatCanBeNaN() {
    NumFact p = returned("double z", "double e = Math.exp(z); return e / (1 + e);");
    assertTrue(p.isProbability(), p.toString());
    assertTrue(p.canBeNaN(), "exp(z) overflows and Inf/Inf is NaN: " + p);
  }

  @Test
  void aDifferenceCanBeZeroAndSaysWhy() {
    NumFact d = returned("double a, double b", "return a - b;");
    assertTrue(d.canBeZero());
    assertTrue(d.has(Tag.DIFFERENCE));
    assertTrue(reasons(d).contains("a - b is 0 when a equals b"), reasons(d));
  }

  @Test
  void aValueMinusItselfIsZero() {
    NumFact i = returned("int i", "return i - i;");
    assertTrue(i.isConstant());
    assertEquals(0, i.lo());
    NumFact x = returned("double x", "return x - x;");
    assertEquals(0, x.lo());
    assertEquals(0, x.hi());
    assertTrue(x.canBeNaN(), "Inf - Inf and NaN - NaN");
  }

  @Test
  void aSquarePlusEpsilonIsPositive() {
    NumFact f = returned("double x", "return x * x + 1e-8;");
    assertEquals(1e-8, f.lo());
    assertFalse(f.canBeZero());
    NumFact g = returned("double x, double y", "return x * y + 1e-8;");
    assertTrue(g.canBeNegative(), "a product of two values is not a square");
  }

  @Test
  void aProductWhoseFactorsPairUpKeepsItsSign() {
    NumFact twoVar = returned("double sigma", "return 2 * sigma * sigma;");
    assertFalse(twoVar.canBeNegative(), twoVar.toString());
    NumFact kernel = returned("double d, double sigma", "return Math.exp(-0.5 * d * d / (2 * sigma * sigma));");
    assertTrue(kernel.hi() <= 1, "exp of a value at most 0: " + kernel);
    NumFact unpaired = returned("double x, double y", "return 2 * x * y;");
    assertTrue(unpaired.canBeNegative(), unpaired.toString());
    NumFact twoElements = returned("double[] a, int i", "return a[i++] * a[i++];");
    assertTrue(twoElements.canBeNegative(), "a[i++] twice names two elements: " + twoElements);
    NumFact otherElement = returned("double[] a, int i, int j", "return a[i] * a[j];");
    assertTrue(otherElement.canBeNegative(), "a[i] and a[j] share the path a[*], not the value: " + otherElement);
    NumFact sameElement = returned("double[] a, int i", "return a[i] * a[i];");
    assertFalse(sameElement.canBeNegative(), sameElement.toString());
    NumFact gap = returned("double[] y, int i, int k", "return y[i] - y[k];");
    assertFalse(gap.isConstant(), "y[i] - y[k] is not 0: " + gap);
  }

  @Test
  void nd4jsThresholdIsPositive() {
    NumFact d = returned("double d", "if (Math.abs(d) > Nd4j.EPS_THRESHOLD) return d; return 1;");
    assertFalse(d.canBeZero(), d.toString());
  }

  @Test
  void aFinalFieldEpsilonIsItsValue() {
    NumFact f = Snippet.of("", "static final double EPS = 1e-8;", "double x", "return x * x + EPS;").returned();
    assertEquals(1e-8, f.lo());
  }

  @Test
  void sqrtOfADifferenceCanBeNaN() {
    NumFact r = returned("double meanSq, double mean", "return Math.sqrt(meanSq - mean * mean);");
    assertTrue(r.canBeNaN());
    assertTrue(reasons(r).contains("sqrt(meanSq - mean * mean) is NaN"), reasons(r));
    NumFact norm = returned("double x, double y", "return Math.sqrt(x * x + y * y);");
    assertFalse(norm.canBeNegative());
    assertTrue(norm.has(Tag.NORM), norm.toString());
  }

  @Test
  void integerDivisionTruncates() {
    NumFact q = returned("", "int k = 3; int n = 7; double r = k / n; return r;");
    assertTrue(q.isConstant());
    assertEquals(0, q.lo());
    assertEquals(Precision.DOUBLE, q.precision());
    NumFact real = returned("", "int k = 3; int n = 7; return (double) k / n;");
    assertEquals(3.0 / 7, real.lo());
    NumFact any = returned("int k, int n", "return k / n;");
    assertTrue(any.canBeZero());
    assertFalse(any.canBeInfinite(), "an int quotient is never infinite");
  }

  @Test
  void floatIsModelled() {
    NumFact one = returned("", "float f = 1e-10f + 1; return f - 1;");
    assertTrue(one.isConstant(), one.toString());
    assertEquals(0, one.lo(), "1e-10f + 1 is 1.0f");
    NumFact d = returned("", "double f = 1e-10 + 1; return f - 1;");
    assertFalse(d.canBeZero());
    NumFact expFloat = returned("double z", "if (z > 100) return 0; float e = (float) Math.exp(z); return e;");
    assertTrue(expFloat.canBeInfinite(), "exp overflows a float above 88.72: " + expFloat);
    NumFact expDouble = returned("double z", "if (z > 100) return 0; return Math.exp(z);");
    assertFalse(expDouble.canBeInfinite(), "but not a double below 709: " + expDouble);
    NumFact over = returned("double z", "if (z > 710) return 0; return Math.exp(z);");
    assertTrue(over.canBeInfinite(), over.toString());
    assertTrue(over.has(Tag.EXP));
  }

  @Test
  void castsTruncateRoundAndMapNaNToZero() {
    assertEquals(2, returned("", "return (int) 2.7;").hi());
    assertTrue(returned("double x", "return (int) x;").canBeZero());
    assertTrue(returned("", "return (float) 1e40;").canBeInfinite());
    assertTrue(returned("", "return (short) 70000;").canBeNegative(), "a narrowing cast wraps");
  }

  @Test
  void ternaryArmsAreRefinedByTheirCondition() {
    NumFact f = returned("double x", "return x > 0 ? x : 1e-9;");
    assertFalse(f.canBeZero());
    assertFalse(f.canBeNegative());
    assertFalse(f.canBeNaN(), "NaN > 0 is false, so NaN takes the else arm");
    NumFact n = returned("int n", "return n == 0 ? 1 : n;");
    assertFalse(n.canBeZero());
  }

  @Test
  void conditionalAndRefinesItsRightOperand() {
    Snippet s = Snippet.of("double x", "boolean ok = x > 0 && (x = x - 1) >= 0; return x;");
    NumFact x = s.returned();
    assertTrue(x.canBeNaN(), "x is unchanged when x > 0 fails");
    assertTrue(x.canBeNegative(), x.toString());
  }

  @Test
  void arraysHaveLengthsAndElements() {
    NumFact len = returned("double[] a", "return a.length;");
    assertEquals(0, len.lo());
    assertTrue(len.has(Tag.LENGTH));
    NumFact zeros = returned("", "double[] a = new double[5]; return a[2];");
    assertTrue(zeros.isConstant());
    assertEquals(0, zeros.lo());
    NumFact weak = returned("", "double[] a = new double[5]; a[0] = 3; return a[1];");
    assertEquals(0, weak.lo());
    assertEquals(3, weak.hi());
    NumFact n = returned("", "double[] a = new double[5]; return a.length;");
    assertEquals(5, n.lo());
    NumFact init = returned("", "double[] w = {0.5, 2}; return w[0];");
    assertEquals(0.5, init.lo());
    assertEquals(2, init.hi());
  }

  @Test
  void aLengthSaysWhichInputItMeasures() {
    NumFact len = returned("double[] xs", "int n = xs.length; return (double) n;");
    assertTrue(len.has(Tag.LENGTH), len.toString());
    assertTrue(reasons(len).contains("xs.length is 0 when xs is empty"), reasons(len));
    NumFact size = returned("List<Double> batch", "return batch.size();");
    assertTrue(reasons(size).contains("batch.size() is 0 when batch is empty"), reasons(size));
  }

  @Test
  void anIndexThatDidNotThrowBoundsTheLength() {
    NumFact read = returned("double[] xs", "double first = xs[0]; return xs.length;");
    assertEquals(1, read.lo(), "xs[0] did not throw: " + read);
    assertFalse(read.canBeZero());
    NumFact second = returned("double[] xs", "double d = xs[1] - xs[0]; return xs.length - 1;");
    assertEquals(1, second.lo(), "xs[1] did not throw, so xs.length - 1 >= 1: " + second);
    NumFact written = returned("double[] xs", "xs[0] = 1; return xs.length;");
    assertEquals(1, written.lo(), "a write to xs[0] did not throw either: " + written);
    NumFact unknownIndex = returned("double[] xs, int i", "double v = xs[i]; return xs.length;");
    assertEquals(1, unknownIndex.lo(), "whatever i was, it was in bounds: " + unknownIndex);
    NumFact list = returned("List<Double> xs", "double first = xs.get(0); return xs.size();");
    assertEquals(1, list.lo(), list.toString());
    NumFact map = returned("Map<Integer, Double> m", "Double v = m.get(0); return m.size();");
    assertTrue(map.canBeZero(), "Map.get does not throw on a missing key: " + map);
    NumFact reassigned = returned("double[] xs, double[] ys", "double first = xs[0]; xs = ys; return xs.length;");
    assertTrue(reassigned.canBeZero(), "another array now: " + reassigned);
  }

  @Test
  void aCopyOfALengthLearnsWhatTheLengthLearns() {
    NumFact n = returned("double[] xs", "int n = xs.length; double first = xs[0]; return (double) n;");
    assertEquals(1, n.lo(), "xs[0] did not throw, and n is xs.length: " + n);
    NumFact len = returned("double[] xs", "double len = (double) xs.length; double first = xs[0]; return len;");
    assertEquals(1, len.lo(), len.toString());
    NumFact back = returned("double[] xs", "int n = xs.length; if (n == 0) return 0; return (double) xs.length;");
    assertEquals(1, back.lo(), "n != 0 says the same of xs.length: " + back);
    NumFact stale = returned("double[] xs, double[] ys", "int n = xs.length; xs = ys; double f = xs[0]; return (double) n;");
    assertTrue(stale.canBeZero(), "n measured the old xs: " + stale);
    NumFact scaled = returned("double[] xs, double var", "var /= xs.length; double f = xs[0]; return var;");
    assertTrue(scaled.canBeZero(), "var /= xs.length makes var no copy of the length: " + scaled);
    NumFact moved = returned("double[] xs", "int n = xs.length; n = n - 1; double f = xs[0]; return (double) n;");
    assertTrue(moved.canBeZero(), "n is no copy any more: " + moved);
  }

  @Test
  void sizesAreNeverNegative() {
    NumFact size = returned("List<Double> xs", "return xs.size();");
    assertFalse(size.canBeNegative());
    assertTrue(size.canBeZero());
    assertTrue(size.has(Tag.LENGTH));
    NumFact fresh = returned("", "List<Double> xs = new ArrayList<>(); return xs.size();");
    assertTrue(fresh.isConstant());
    assertEquals(0, fresh.lo());
  }

  @Test
  void compoundAssignmentSumsAndCounts() {
    NumFact sum = returned("double x", "double s = 0; s += Math.exp(x); return s;");
    assertFalse(sum.canBeNegative());
    assertTrue(sum.canBeZero(), "exp underflows to 0: " + sum);
    assertTrue(sum.has(Tag.SUM_OF_NONNEGATIVES), sum.toString());
    NumFact n = returned("", "int n = 0; n++; return n;");
    assertTrue(n.has(Tag.COUNT));
    assertEquals(1, n.lo());
    assertTrue(reasons(n).contains("n starts at 0 and is only incremented"), reasons(n));
    NumFact halved = returned("", "int k = 7; k /= 2; return k;");
    assertEquals(3, halved.lo(), "compound assignment narrows back to int");
    NumFact narrowed = returned("", "int k = 7; k += 0.9; return k;");
    assertEquals(7, narrowed.hi());
  }

  @Test
  void javaMathFunctions() {
    assertFalse(returned("double x", "return Math.pow(x, 2);").canBeNegative());
    assertTrue(returned("double x", "return Math.pow(x, 0.5);").canBeNaN());
    NumFact r = returned("", "return Math.random();");
    assertEquals(0, r.lo());
    assertTrue(r.hi() < 1);
    assertEquals(-1, returned("double x", "return Math.tanh(x);").lo());
    assertTrue(returned("double x", "return Math.log(Math.max(x, 1e-12));").lo() > -30, "a clamp keeps log finite");
    assertEquals(Integer.MIN_VALUE, returned("int i", "return Math.abs(i);").lo(), "abs(MIN_VALUE) is negative");
    assertFalse(returned("double x", "return Math.abs(x);").canBeNegative());
    assertTrue(returned("double x", "return Math.acos(x);").canBeNaN());
    assertFalse(returned("double x", "if (Double.isNaN(x)) return 0; return Math.acos(Math.max(-1, Math.min(1, x)));")
        .canBeNaN(), "a clamp to [-1, 1] keeps acos defined");
    assertTrue(returned("double x", "return Math.floor(x);").isIntegral());
  }

  @Test
  void mathIsRecognisedByImportsNotByName() {
    String body = "return Math.sqrt(x * x);";
    NumFact real = Snippet.of("", "", "double x", body).returned();
    assertFalse(real.canBeNegative());
    NumFact other = Snippet.of("import com.acme.Math;", "", "double x", body).returned();
    assertTrue(other.canBeNegative(), "com.acme.Math is not java.lang.Math: " + other);
    NumFact fast = Snippet.of("import org.apache.commons.math3.util.FastMath;", "", "double x",
        "return FastMath.sqrt(x * x);").returned();
    assertFalse(fast.canBeNegative());
    NumFact unimported = Snippet.of("", "", "double x", "return FastMath.sqrt(x * x);").returned();
    assertTrue(unimported.canBeNegative(), "a FastMath that is not imported is unknown");
    NumFact staticImport = Snippet.of("import static java.lang.Math.exp;", "", "double x", "return exp(x);")
        .returned();
    assertFalse(staticImport.canBeNegative());
  }

  @Test
  void callsForgetWhatTheyMayChange() {
    NumFact killed = returned("", "double[] a = new double[3]; helper(a); return a[0];");
    assertTrue(killed.canBeNegative(), "helper(a) may write any element: " + killed);
    NumFact kept = returned("", "double[] a = new double[3]; double m = Math.abs(a[0]); return a[0];");
    assertTrue(kept.isConstant(), "Math.abs changes nothing");
    NumFact list = returned("List<Double> xs", "xs = new ArrayList<>(); xs.add(1.0); return xs.size();");
    assertFalse(list.isConstant(), "add changes the size: " + list);
    NumFact read = returned("", "double[] a = new double[3]; reader(a, null); return a[0];");
    assertTrue(read.isConstant(), "a method of this file that only reads its arrays leaves them: " + read);
    NumFact length = returned("double[] a", "if (a.length < 2) return 2; helper(a); return a.length;");
    assertFalse(length.canBeZero(), "an array's length never changes: " + length);
    NumFact sorted = returned("List<Double> xs", "if (xs.size() < 2) return 2; java.util.Collections.sort(xs); return xs.size();");
    assertFalse(sorted.canBeZero(), "sorting keeps the size: " + sorted);
    NumFact unknown = returned("List<Double> xs", "if (xs.size() < 2) return 2; unknownCall(xs); return xs.size();");
    assertTrue(unknown.canBeZero(), "an unknown call may empty the list: " + unknown);
    NumFact field = Snippet.of("", "double total;", "", "this.total = 1; update(); return total;").returned();
    assertFalse(field.isConstant(), "update() may change this.total: " + field);
    NumFact kept2 = Snippet.of("", "double total;", "", "this.total = 1; double t = Math.exp(2); return total;")
        .returned();
    assertTrue(kept2.isConstant(), "a field and its bare name are one path");
  }

  @Test
  void aHelperThatThrowsGuaranteesWhatItChecked() {
    String helpers = "static void requirePositive(int n) { if (n <= 0) throw new IllegalArgumentException(); }\n"
        + "static void requireRows(java.util.List<Double> xs) { if (xs.isEmpty()) throw new IllegalStateException(); }\n"
        + "static void show(int n) { System.out.println(n); }\n"
        + "static void reassigned(int n) { n = 5; if (n <= 0) throw new IllegalArgumentException(); }\n"
        + "static void orReturn(int n) { if (n <= 0) return; if (n > 100) throw new IllegalArgumentException(); }\n";
    NumFact checked = Snippet.of("", helpers, "int n", "requirePositive(n); return n;").returned();
    assertFalse(checked.canBeNonPositive(), "requirePositive(n) throws unless n > 0: " + checked);
    NumFact rows = Snippet.of("", helpers, "java.util.List<Double> xs", "requireRows(xs); return xs.size();").returned();
    assertFalse(rows.canBeZero(), "requireRows(xs) throws on an empty list: " + rows);
    NumFact shown = Snippet.of("", helpers, "int n", "show(n); return n;").returned();
    assertTrue(shown.canBeNonPositive(), "a helper that only prints guarantees nothing: " + shown);
    NumFact own = Snippet.of("", helpers, "int n", "reassigned(n); return n;").returned();
    assertTrue(own.canBeNonPositive(), "a check of a reassigned parameter says nothing of the argument: " + own);
    NumFact early = Snippet.of("", helpers, "int n", "orReturn(n); return n;").returned();
    assertTrue(early.canBeNonPositive() && early.hi() <= 100, "an early return keeps n <= 0 possible: " + early);
  }

  @Test
  void assignmentKillsWhatDependsOnTheVariable() {
    NumFact kept = returned("double hi, double lo", "if (hi <= lo) return 1; return hi - lo;");
    assertFalse(kept.canBeZero());
    NumFact gone = returned("double hi, double lo", "if (hi <= lo) return 1; lo = hi; return hi - lo;");
    assertTrue(gone.canBeZero(), "lo = hi forgets hi > lo: " + gone);
  }
}
