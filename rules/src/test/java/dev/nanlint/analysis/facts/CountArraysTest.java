package dev.nanlint.analysis.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import dev.nanlint.analysis.Analysis;
import org.junit.jupiter.api.Test;

/**
 * Counts kept in local arrays ({@link LocalArrays}: a write to one fresh array leaves another's elements known)
 * and counts that can stay 0 however long the loop runs (the CONDITIONAL_COUNT tag).
 */
class CountArraysTest {
  private static final String SOURCE = """
      class C {
        double twoArrays(int[] truth, int[] predicted, int k) {
          int[] tp = new int[k];
          int[] fp = new int[k];
          for (int i = 0; i < truth.length; i++) {
            tp[truth[i]] += truth[i] == predicted[i] ? 1 : 0;
            fp[predicted[i]] += truth[i] != predicted[i] ? 1 : 0;
          }
          return 1.0 / (tp[0] + fp[0]);
        }
        double aliased(int k) {
          int[] counts = new int[k];
          int[] view = counts;
          view[0] = -1;
          return 1.0 / counts[1];
        }
        double passedOn(int k, int[] other) {
          int[] counts = new int[k];
          counts[0] = 2;
          fill(counts);
          other[0] = -3;
          return 1.0 / counts[1];
        }
        double keptBesideAParameter(int k, int[] other) {
          int[] counts = new int[k];
          counts[0] = 2;
          other[0] = -3;
          return 1.0 / counts[1];
        }
        double everyIteration(double[] xs) {
          int n = 0;
          for (double x : xs) { n++; }
          return 1.0 / n;
        }
        double underAnIf(double[] xs) {
          int n = 0;
          for (double x : xs) { if (x > 0) { n++; } }
          return 1.0 / n;
        }
        double afterAContinue(double[] xs) {
          int n = 0;
          for (double x : xs) {
            if (Double.isNaN(x)) continue;
            n++;
          }
          return 1.0 / n;
        }
        double zeroOrOne(double[] xs) {
          int n = 0;
          for (double x : xs) { n += x > 0 ? 1 : 0; }
          return 1.0 / n;
        }
        double perClass(int[] labels, int c) {
          int[] size = new int[3];
          for (int y : labels) { ++size[y]; }
          return 1.0 / size[c];
        }
        double smoothed(int[] labels, int c) {
          int[] size = {1, 1, 1};
          for (int y : labels) { ++size[y]; }
          return 1.0 / size[c];
        }
        double otherType(double[] widths) {
          int[] sizes = {1, 2, 3};
          widths[0] = -1;
          return 1.0 / sizes[1] + keep(sizes);
        }
        double sameType(int[] other) {
          int[] sizes = {1, 2, 3};
          other[0] = -1;
          return 1.0 / sizes[1] + keep(sizes);
        }
        double keep(int[] a) { return 0; }
        double unrepaired(double[] ss, double[] ls, int n) {
          double[] v = new double[ls.length];
          double[] mean = new double[ls.length];
          for (int i = 0; i < ls.length; i++) {
            mean[i] = ls[i] / n;
            v[i] = ss[i] / n - mean[i] * mean[i];
          }
          return Math.sqrt(v[0]);
        }
        double repaired(double[] ss, double[] ls, int n) {
          double[] v = new double[ls.length];
          double[] mean = new double[ls.length];
          for (int i = 0; i < ls.length; i++) {
            mean[i] = ls[i] / n;
            v[i] = ss[i] / n - mean[i] * mean[i];
            if (v[i] <= 0.0) {
              v[i] = 0.1;
            }
          }
          return Math.sqrt(v[0]);
        }
        double partlyRepaired(double[] ss, double[] ls, int n) {
          double[] v = new double[ls.length];
          for (int i = 0; i < ls.length; i++) {
            v[i] = ss[i] / n - (ls[i] / n) * (ls[i] / n);
            if (v[i] > -1e-10) {
              v[i] = 1e-50;
            }
          }
          return Math.sqrt(v[0]);
        }
        void fill(int[] a) {}
      }
      """;

  private final CompilationUnit unit = StaticJavaParser.parse(SOURCE);
  private final Analysis analysis = new Analysis(unit);

  private NumFact divisor(String method) {
    MethodDeclaration m = unit.findFirst(MethodDeclaration.class, d -> d.getNameAsString().equals(method)).orElseThrow();
    BinaryExpr division = m.findFirst(BinaryExpr.class, b -> b.getOperator() == BinaryExpr.Operator.DIVIDE).orElseThrow();
    return analysis.facts().at(division.getRight());
  }

  @Test
  void aWriteToOneFreshArrayLeavesTheOtherKnown() {
    NumFact f = divisor("twoArrays");
    assertEquals(0.0, f.lo(), f::toString);
    assertTrue(f.has(NumFact.Tag.COUNT) && f.has(NumFact.Tag.CONDITIONAL_COUNT), f::toString);
  }

  @Test
  void anArrayReachedThroughAnotherNameIsForgotten() {
    NumFact f = divisor("aliased");
    assertTrue(f.canBeNegative(), f::toString); // view[0] = -1 wrote counts[0]
  }

  @Test
  void anArrayPassedToACallIsNotSeparate() {
    NumFact f = divisor("passedOn");
    assertTrue(f.canBeNegative(), f::toString); // fill may keep it; other may be it
  }

  @Test
  void anArrayNoOtherNameReachesKeepsItsElementsBesideAParameter() {
    NumFact f = divisor("keptBesideAParameter");
    assertEquals(0.0, f.lo(), f::toString);
    assertEquals(2.0, f.hi(), f::toString);
  }

  @Test
  void aWriteToAnArrayOfAnotherTypeLeavesTheElementsKnown() {
    NumFact f = divisor("otherType"); // an int[] and a double[] are never one array (sizes is passed on: shared)
    assertFalse(f.canBeNegative(), f::toString);
  }

  @Test
  void aWriteToAnotherArrayOfTheSameTypeForgetsThem() {
    NumFact f = divisor("sameType"); // other may be sizes
    assertTrue(f.canBeNegative(), f::toString);
  }

  private NumFact rootArgument(String method) {
    MethodDeclaration m = unit.findFirst(MethodDeclaration.class, d -> d.getNameAsString().equals(method)).orElseThrow();
    return analysis.facts().at(m.findFirst(com.github.javaparser.ast.expr.MethodCallExpr.class,
        c -> c.getNameAsString().equals("sqrt")).orElseThrow().getArgument(0));
  }

  @Test
  void anElementVarianceKeepsItsCancellationBesideAnotherArray() {
    NumFact f = rootArgument("unrepaired"); // mean[i] = ... no longer forgets v[*]
    assertTrue(f.has(NumFact.Tag.CANCELLATION), f::toString);
  }

  @Test
  void anElementRepairedUnderATestOfItselfKeepsWhatTheTestLetThrough() {
    // if (v[i] <= 0) v[i] = 0.1: above 0, or 0.1 (or the 0 of an element the loop has not reached)
    NumFact f = rootArgument("repaired");
    assertFalse(f.canBeNegative(), f::toString);
  }

  @Test
  void aRepairOfOnlyPartOfTheNegativesKeepsTheRest() {
    NumFact f = rootArgument("partlyRepaired"); // if (v[i] > -1e-10) v[i] = 1e-50: below -1e-10 stays
    assertTrue(f.canBeNegative() && f.has(NumFact.Tag.CANCELLATION), f::toString);
  }

  @Test
  void aCountOfEveryIterationIsNotConditional() {
    NumFact f = divisor("everyIteration");
    assertTrue(f.has(NumFact.Tag.COUNT), f::toString);
    assertFalse(f.has(NumFact.Tag.CONDITIONAL_COUNT), f::toString);
  }

  @Test
  void countsThatCanBeSkippedAreConditional() {
    for (String m : new String[] {"underAnIf", "afterAContinue", "zeroOrOne", "perClass"}) {
      NumFact f = divisor(m);
      assertTrue(f.canBeZero() && f.has(NumFact.Tag.CONDITIONAL_COUNT), () -> m + ": " + f);
    }
  }

  @Test
  void aCountArrayThatStartsAtOneIsNeverZero() {
    NumFact f = divisor("smoothed");
    assertFalse(f.canBeZero(), f::toString);
  }
}
