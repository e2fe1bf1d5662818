package dev.nanlint.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import dev.nanlint.analysis.facts.NumFact;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/analysis-v2.md, end to end: source, control-flow graph, the forward
 * analysis's stores, and the fact a rule reads at each division's denominator.
 */
class FactsTest {
  private static final String EXAMPLE = """
      class Stats {
        double variance(double accum, int length) {
          if (length > 1) {
            double len = length;
            return accum / (len - 1.0);
          }
          return 0.0;
        }

        double shrink(double sum, int n) {
          if (n > 0) {
            n = n - 1;
            return sum / n;
          }
          return 0.0;
        }

        double checkedLate(double sum, double total) {
          if (total == 0) {
            throw new IllegalArgumentException("empty");
          }
          return sum / total;
        }

        double mean(double[] xs) {
          double s = 0;
          for (double x : xs) {
            s += x;
          }
          return s / xs.length;
        }
      }
      """;

  private final CompilationUnit unit = StaticJavaParser.parse(EXAMPLE);
  private final Facts facts = new Analysis(unit).facts();

  /** The denominator of the {@code index}-th division in the file. */
  private NumFact denominator(int index) {
    List<BinaryExpr> divisions = unit.findAll(BinaryExpr.class, b -> b.getOperator() == BinaryExpr.Operator.DIVIDE);
    Expression right = divisions.get(index).getRight();
    return facts.at(right);
  }

  @Test
  void anElseIfGuardMakesTheCorrectedCountPositive() {
    NumFact f = denominator(0); // len - 1.0 where length > 1
    assertFalse(f.canBeZero(), f::toString);
    assertEquals(1.0, f.lo());
  }

  @Test
  void anAssignmentAfterTheGuardCancelsIt() {
    NumFact f = denominator(1); // n = n - 1 after n > 0: n can be 0 again
    assertTrue(f.canBeZero(), f::toString);
    assertEquals(0.0, f.lo());
  }

  @Test
  void aThrowOnTheZeroCaseGuardsWhatFollows() {
    assertFalse(denominator(2).canBeZero(), () -> denominator(2).toString());
  }

  @Test
  void anArrayLengthIsNonNegativeAndCanBeZero() {
    NumFact f = denominator(3);
    assertTrue(f.canBeZero(), f::toString);
    assertFalse(f.canBeNegative(), f::toString);
  }
}
