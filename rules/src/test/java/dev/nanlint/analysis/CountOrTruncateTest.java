package dev.nanlint.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import dev.nanlint.analysis.facts.NumFact;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Facts#mayCountOrTruncate} spares the flow analysis only where the flow could not tag the divisor:
 * wherever the flow does tag it (a counter, an integer quotient, through copies), the gate must be open.
 */
class CountOrTruncateTest {
  private static final String SOURCE = """
      class C {
        int hits;
        double counter(double[] xs, double t) {
          int n = 0;
          for (double x : xs) { if (x > t) n++; }
          return 1.0 / n;
        }
        double copied(double[] xs) {
          int c = 0;
          for (double x : xs) { if (x > 0) c += 1; }
          int m = c;
          return 2.0 / m;
        }
        double quotient(int total, int batch) {
          int steps = total / batch;
          return 3.0 / steps;
        }
        double field() { return 4.0 / hits; }
        double parameter(int n) { return 5.0 / n; }
        double length(double[] xs) { return 6.0 / xs.length; }
        double loopIndexElsewhere(double[] xs, int k) {
          double s = 0;
          for (int i = 0; i < xs.length; i++) { s += xs[i]; }
          return s / k;
        }
      }
      """;

  private final CompilationUnit unit = StaticJavaParser.parse(SOURCE);
  private final Facts facts = new Analysis(unit).facts();

  private Expression divisor(int index) {
    List<BinaryExpr> divisions = unit.findAll(BinaryExpr.class, b -> b.getOperator() == BinaryExpr.Operator.DIVIDE
        && b.getLeft().isDoubleLiteralExpr() || b.getLeft().isNameExpr() && b.getLeft().toString().equals("s"));
    return divisions.get(index).getRight();
  }

  @Test
  void openWhereTheFlowTagsTheDivisor() {
    for (int i = 0; i < 3; i++) {
      NumFact fact = facts.at(divisor(i));
      boolean tagged = fact.has(NumFact.Tag.COUNT) || fact.has(NumFact.Tag.TRUNCATED_QUOTIENT);
      assertEquals(true, tagged, "the flow tags " + divisor(i) + ": " + fact);
      assertEquals(true, facts.mayCountOrTruncate(divisor(i)), divisor(i).toString());
    }
    assertEquals(true, facts.mayCountOrTruncate(divisor(3)), "a field may be counted in another method");
  }

  @Test
  void closedWhereNothingCanTagIt() {
    for (int i = 4; i < 7; i++) {
      assertEquals(false, facts.mayCountOrTruncate(divisor(i)), divisor(i).toString());
      NumFact fact = facts.at(divisor(i));
      assertEquals(false, fact.has(NumFact.Tag.COUNT) || fact.has(NumFact.Tag.TRUNCATED_QUOTIENT), fact.toString());
    }
  }

  @Test
  void theRootGateOpensOnlyWhereSomethingSubtracts() {
    CompilationUnit roots = StaticJavaParser.parse("""
        class R {
          double norm(double x, double y) { return Math.sqrt(x * x + y * y); }
          double variance(double s2, double s, int n) { double v = s2 / n - (s / n) * (s / n); return Math.sqrt(v); }
          double decremented(double a, double b) { double v = a * a; v -= b; return Math.sqrt(v); }
          double viaHelper(double a) { return Math.sqrt(spread(a)); }
          double spread(double a) { return a; }
        }
        """);
    Facts rootFacts = new Analysis(roots).facts();
    List<Expression> arguments = roots.findAll(com.github.javaparser.ast.expr.MethodCallExpr.class,
        c -> c.getNameAsString().equals("sqrt")).stream().map(c -> c.getArgument(0)).toList();
    assertEquals(false, rootFacts.maySubtract(arguments.get(0)), "a sum of squares of parameters");
    assertEquals(true, rootFacts.maySubtract(arguments.get(1)), "a local assigned from a subtraction");
    assertEquals(true, rootFacts.maySubtract(arguments.get(2)), "a local decremented with -=");
    assertEquals(true, rootFacts.maySubtract(arguments.get(3)), "a helper's summary may subtract");
  }
}
