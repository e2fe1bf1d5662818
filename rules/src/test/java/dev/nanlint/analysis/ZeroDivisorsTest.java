package dev.nanlint.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.analysis.ZeroDivisors.Divisor;
import dev.nanlint.engine.Linter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whether a division's divisor can be 0 where it runs, and what shows it: UnguardedDivision's question. */
class ZeroDivisorsTest {
  private static final String LOSSES = """
      import java.util.*;
      class LossAverages {
        double meanLoss(double[] losses) {
          double total = 0;
          for (double l : losses) total += l;
          return total / losses.length;
        }
        double meanPositiveLoss(double[] losses) {
          List<Double> kept = new ArrayList<>();
          for (double l : losses) if (l > 0) kept.add(l);
          double total = 0;
          for (double k : kept) total += k;
          return total / kept.size();
        }
        double gap(double x, double hi, double lo) { return x / (hi - lo); }
        double checkedGap(double x, double hi, double lo) {
          if (hi == lo) return 0;
          return x / (hi - lo);
        }
      }
      """;

  private static CompilationUnit parse(String source) {
    return new JavaParser(Linter.parserConfiguration()).parse(source).getResult().orElseThrow();
  }

  /** The divisor of the last division in {@code method} of {@code source}. */
  private static Optional<Divisor> divisorIn(String source, String method) {
    CompilationUnit unit = parse(source);
    MethodDeclaration m = unit.findFirst(MethodDeclaration.class, d -> d.getNameAsString().equals(method))
        .orElseThrow();
    BinaryExpr division = m.findAll(BinaryExpr.class, b -> b.getOperator() == BinaryExpr.Operator.DIVIDE)
        .stream().reduce((first, second) -> second).orElseThrow();
    return ZeroDivisors.of(division, division.getRight(), new Analysis(unit));
  }

  @Test
  void aDivisionByAnInputsLengthIsAContractAboutItsSize() {
    Divisor d = divisorIn(LOSSES, "meanLoss").orElseThrow();
    assertTrue(d.isContract());
    assertTrue(d.isAboutSize());
    assertTrue(d.when().startsWith("when losses is empty"), d.when());
    assertFalse(d.unnamed(), "LossAverages is named for ML");
  }

  @Test
  void aCollectionTheCodeCanLeaveEmptyIsAMechanism() {
    Divisor d = divisorIn(LOSSES, "meanPositiveLoss").orElseThrow();
    assertFalse(d.isContract());
    assertTrue(d.mechanism(), d.toString());
    assertTrue(d.shown().contains("kept"), d.shown());
  }

  @Test
  void aDifferenceIsOnlyAShape() {
    Divisor d = divisorIn(LOSSES, "gap").orElseThrow();
    assertFalse(d.isContract());
    assertFalse(d.mechanism(), d.toString());
    assertFalse(d.nonNegative(), "a difference can be negative: a fix must not clamp it at eps");
    assertTrue(d.shown().contains("hi - lo"), d.shown());
  }

  @Test
  void theZeroCaseHandledOrCodeOutsideMlHasNoDivisor() {
    assertEquals(Optional.empty(), divisorIn(LOSSES, "checkedGap"), "the code returns early when hi == lo");
    assertEquals(Optional.empty(), divisorIn("""
        class Layout {
          boolean wide(double width, double hi, double lo) { return width / (hi - lo) > 2; }
        }
        """, "wide"), "a layout computation is not ML code");
  }

  @Test
  void aSameDiffDivisionByANormCanBeZero() {
    CompilationUnit unit = parse("""
        import org.nd4j.autodiff.samediff.SDVariable;
        import org.nd4j.autodiff.samediff.SameDiff;
        class Normalise {
          SDVariable unit(SameDiff sd, SDVariable x) { SDVariable n = x.norm2(); return x.div(n); }
          SDVariable smoothed(SameDiff sd, SDVariable x) { return x.div(x.norm2().add(1e-6)); }
        }
        """);
    Analysis a = new Analysis(unit);
    MethodCallExpr[] divisions = unit.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("div"))
        .toArray(MethodCallExpr[]::new);
    Optional<String> norm = ZeroDivisors.ofSameDiff(divisions[0].getArgument(0), a);
    assertTrue(norm.orElseThrow().contains("x.norm2() is 0 for a zero vector"), norm.toString());
    assertEquals(Optional.empty(), ZeroDivisors.ofSameDiff(divisions[1].getArgument(0), a));
  }
}
