package dev.nanlint.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.engine.Linter;
import org.junit.jupiter.api.Test;

class CallerFactsTest {

  /** The fact of the divisor of the first division in {@code method} of {@code source}. */
  private static NumFact divisorIn(String source, String method) {
    CompilationUnit unit = new JavaParser(Linter.parserConfiguration()).parse(source).getResult().orElseThrow();
    Analysis analysis = new Analysis(unit);
    MethodDeclaration m = unit.findFirst(MethodDeclaration.class, d -> d.getNameAsString().equals(method)).orElseThrow();
    Expression divisor = m.findFirst(BinaryExpr.class, b -> b.getOperator() == BinaryExpr.Operator.DIVIDE)
        .orElseThrow().getRight();
    return analysis.facts().at(divisor);
  }

  @Test
  void everyCallerChecksTheArgument() {
    String source = """
        class C {
          double pValue(int n, double score) {
            if (n <= 0) throw new IllegalArgumentException();
            return tail(n, score);
          }
          private double tail(int n, double score) { return score / n; }
        }
        """;
    assertFalse(divisorIn(source, "tail").canBeZero());
  }

  @Test
  void theJoinOfTheCallers() {
    String source = """
        class C {
          double a(int n) { return n > 2 ? spread(n) : spread(2); }
          double b() { return spread(0); }
          private double spread(int n) { return 1.0 / n; }
        }
        """;
    assertTrue(divisorIn(source, "spread").canBeZero(), "one caller passes 0");
  }

  @Test
  void callersOutOfSight() {
    String notPrivate = """
        class C {
          double a(int n) { return n > 0 ? ratio(n) : 0; }
          double ratio(int n) { return 1.0 / n; }
        }
        """;
    assertTrue(divisorIn(notPrivate, "ratio").canBeZero(), "another file may call it");
    String referenced = """
        class C {
          double a(int n) { return n > 0 ? ratio(n) : 0; }
          java.util.function.IntToDoubleFunction f() { return this::ratio; }
          private double ratio(int n) { return 1.0 / n; }
        }
        """;
    assertTrue(divisorIn(referenced, "ratio").canBeZero(), "a method reference passes anything");
    String recursive = """
        class C {
          double a(int n) { return n > 0 ? ratio(n) : 0; }
          private double ratio(int n) { return n > 10 ? ratio(n - 11) : 1.0 / n; }
        }
        """;
    assertTrue(divisorIn(recursive, "ratio").canBeZero(), "its own calls are not told apart");
    String overloaded = """
        class C {
          double a(int n) { return n > 0 ? ratio(n) : 0; }
          double b(double x) { return ratio(x); }
          private double ratio(int n) { return 1.0 / n; }
          private double ratio(double x) { return x; }
        }
        """;
    assertTrue(divisorIn(overloaded, "ratio").canBeZero(), "an overload of the same arity");
  }
}
