package dev.nanlint.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.analysis.facts.NumFact;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Facts that cross method boundaries inside one file: what helpers return and what fields hold. */
class SummariesTest {

  /** The fact of the denominator of the only division in method {@code method} of {@code source}. */
  private static NumFact divisor(String source, String method) {
    CompilationUnit unit = StaticJavaParser.parse(source);
    MethodDeclaration m = unit.findFirst(MethodDeclaration.class, d -> d.getNameAsString().equals(method)).orElseThrow();
    Expression right = m.findFirst(BinaryExpr.class, b -> b.getOperator() == BinaryExpr.Operator.DIVIDE).orElseThrow()
        .getRight();
    return new Analysis(unit).facts().at(right);
  }

  /** The fact of the argument of the first call to {@code callee} in method {@code method}. */
  private static NumFact argument(String source, String method, String callee) {
    CompilationUnit unit = StaticJavaParser.parse(source);
    MethodDeclaration m = unit.findFirst(MethodDeclaration.class, d -> d.getNameAsString().equals(method)).orElseThrow();
    MethodCallExpr call = m.findFirst(MethodCallExpr.class, c -> c.getNameAsString().equals(callee)).orElseThrow();
    return new Analysis(unit).facts().at(call.getArgument(0));
  }

  private static String reasons(NumFact f) {
    return f.evidence().stream().map(NumFact.Evidence::reason).collect(Collectors.joining(" | "));
  }

  @Test
  void aHelperThatClampsBelowIsPositiveAtTheCaller() {
    NumFact f = divisor("""
        class C {
          double clamp(double x) { return Math.max(x, 1e-9); }
          double ratio(double a, double b) { return a / clamp(b); }
        }
        """, "ratio");
    assertFalse(f.canBeNonPositive(), f::toString);
    assertEquals(1e-9, f.lo());
  }

  @Test
  void aSumOfSquaresPlusOneIsAtLeastOne() {
    NumFact f = divisor("""
        class C {
          static double energy(double[] v) {
            double s = 0;
            for (double x : v) { s += x * x; }
            return s + 1;
          }
          double scaled(double[] v, double a) { return a / C.energy(v); }
        }
        """, "scaled");
    assertFalse(f.canBeZero(), f::toString);
    assertEquals(1.0, f.lo());
  }

  @Test
  void aNormCanBeZeroAndTheEvidenceNamesTheHelper() {
    NumFact f = divisor("""
        class C {
          double norm(double[] v) {
            double s = 0;
            for (double x : v) { s += x * x; }
            return Math.sqrt(s);
          }
          double unit(double[] v, int i) { return v[i] / norm(v); }
        }
        """, "unit");
    assertTrue(f.canBeZero(), f::toString);
    assertTrue(reasons(f).startsWith("norm(...) returns a value that can be 0 (line 2)"), () -> reasons(f));
  }

  @Test
  void aSoftmaxHelpersOutputIsAProbabilityThatCanBeZero() {
    NumFact f = argument("""
        class C {
          static double[] softmax(double[] z) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) { max = Math.max(max, v); }
            double[] out = new double[z.length];
            double sum = 0;
            for (int i = 0; i < z.length; i++) {
              out[i] = Math.exp(z[i] - max);
              sum += out[i];
            }
            for (int i = 0; i < z.length; i++) {
              out[i] = out[i] / sum;
            }
            return out;
          }
          double loss(double[] z, int label) {
            double[] p = softmax(z);
            return -Math.log(p[label]);
          }
        }
        """, "loss", "log");
    assertTrue(f.canBeZero(), f::toString);
    assertTrue(reasons(f).contains("softmax(...) returns"), () -> reasons(f));
  }

  @Test
  void theArgumentsOfASmallHelperAreSubstituted() {
    NumFact f = divisor("""
        class C {
          double plusOne(double x) { return x + 1; }
          double damped(double a, double v) { return a / plusOne(Math.abs(v)); }
        }
        """, "damped");
    assertFalse(f.canBeZero(), f::toString);
    assertEquals(1.0, f.lo());
  }

  @Test
  void recursionIsUnknownNotAnOverflow() {
    NumFact f = divisor("""
        class C {
          double twice(int n) { return n <= 0 ? 1 : twice(n - 1) * 2; }
          double inv(int n) { return 1.0 / twice(n); }
        }
        """, "inv");
    assertTrue(f.canBeZero(), f::toString);
  }

  @Test
  void aMethodTheClassMayInheritIsNotResolvedToAnOuterOne() {
    NumFact f = divisor("""
        class Outer {
          double scale() { return 2.0; }
          class Inner extends Base {
            double f(double a) { return a / scale(); }
          }
        }
        """, "f");
    assertTrue(f.canBeZero(), f::toString);
  }

  @Test
  void overloadsOfOneArityAreToldApartByExactTypes() {
    String source = """
        class C {
          double pos(double x) { return 1.0; }
          double pos(int x) { return 0.0; }
          double f(double a, double d) { return a / pos(d); }
        }
        """;
    NumFact f = divisor(source, "f");
    assertFalse(f.canBeZero(), f::toString);
  }

  @Test
  void aFieldValidatedPositiveInTheConstructorIsPositiveInEveryMethod() {
    NumFact f = divisor("""
        class Scaler {
          private final double scale;
          Scaler(double scale) {
            if (scale <= 0) {
              throw new IllegalArgumentException("scale");
            }
            this.scale = scale;
          }
          double apply(double x) { return x / scale; }
        }
        """, "apply");
    assertFalse(f.canBeNonPositive(), f::toString);
  }

  @Test
  void aFieldWithASetterIsUnknown() {
    NumFact f = divisor("""
        class Scaler {
          private double scale = 1.0;
          void setScale(double s) { this.scale = s; }
          double apply(double x) { return x / this.scale; }
        }
        """, "apply");
    assertTrue(f.canBeZero(), f::toString);
  }

  @Test
  void aFieldNotSetByEveryConstructorCanStillBeZero() {
    NumFact f = divisor("""
        class Scaler {
          private double scale;
          Scaler() {}
          Scaler(double s) { this.scale = Math.max(s, 1.0); }
          double apply(double x) { return x / scale; }
        }
        """, "apply");
    assertTrue(f.canBeZero(), f::toString);
    assertTrue(reasons(f).contains("scale is 0 until it is first set"), () -> reasons(f));
  }

  @Test
  void aFieldEveryConstructorSetsPositiveIsPositive() {
    NumFact f = divisor("""
        class Scaler {
          private double scale;
          Scaler() { this(1.0); }
          Scaler(double s) { scale = Math.max(s, 1.0); }
          double apply(double x) { return x / scale; }
        }
        """, "apply");
    assertFalse(f.canBeZero(), f::toString);
  }

  @Test
  void aFieldWrittenThroughAnotherObjectIsUnknown() {
    NumFact f = divisor("""
        class Scaler {
          private double scale = 2.0;
          static void reset(Scaler s) { s.scale = 0; }
          double apply(double x) { return x / scale; }
        }
        """, "apply");
    assertTrue(f.canBeZero(), f::toString);
  }

  @Test
  void aNonPrivateFieldIsUnknown() {
    NumFact f = divisor("""
        class Scaler {
          double scale = 2.0;
          double apply(double x) { return x / scale; }
        }
        """, "apply");
    assertTrue(f.canBeZero(), f::toString);
  }

  @Test
  void aFieldOnlyIncreasedKeepsTheLeastValueItStartsAt() {
    NumFact f = divisor("""
        class Counter {
          private int seen = 1;
          private double mass = 1e-9;
          void see(double w) {
            seen++;
            if (w > 0) {
              mass += w;
            }
          }
          double share(double x) { return x / (seen * mass); }
        }
        """, "share");
    assertFalse(f.canBeNonPositive(), f::toString);
  }

  @Test
  void aCounterFromZeroCanBeZeroAndSaysWhy() {
    NumFact f = divisor("""
        class Counter {
          private long seen;
          void see() { this.seen++; }
          double share(double x) { return x / seen; }
        }
        """, "share");
    assertTrue(f.canBeZero(), f::toString);
    assertTrue(reasons(f).contains("seen starts at 0 and is only increased in see()"), () -> reasons(f));
  }

  @Test
  void aFieldDecrementedOrIncreasedByAnythingIsUnknown() {
    String source = """
        class Counter {
          private int left = 10;
          private double total = 1;
          void use() { left--; }
          void add(double w) { total += w; }
          double a(double x) { return x / left; }
          double b(double x) { return x / total; }
        }
        """;
    NumFact left = divisor(source, "a");
    NumFact total = divisor(source, "b");
    assertTrue(left.canBeNegative() && left.canBeZero(), left::toString);
    assertTrue(total.canBeNegative() && total.canBeZero(), total::toString);
  }

  @Test
  void aFieldFilledFromTheDataCarriesTheReasonFromWhereItIsSet() {
    NumFact f = divisor("""
        class Standardizer {
          private double std = 1.0;
          void fit(double[] xs) {
            double s = 0;
            for (double x : xs) { s += x * x; }
            std = Math.sqrt(s / xs.length);
          }
          double transform(double x) { return x / std; }
        }
        """, "transform");
    assertTrue(f.canBeZero(), f::toString);
    assertTrue(reasons(f).contains("std is set in fit() to a value that can be 0"), () -> f + ": " + reasons(f));
  }
}
