package dev.nanlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.Constants;
import dev.nanlint.engine.Linter;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Constant evaluation as the ML rules use it: the argument of each {@code use(...)} call, in order. */
class ConstantsTest {
  private static final String SOURCE = """
      class T {
        static final int NUM_CLASSES = 10;
        static final int HIDDEN = 64;
        private static int epochs = 5;              // never assigned: a constant in practice
        private static int counter = 0;
        static class Config {
          static final double LR = 1e-3;
        }
        void run(int batch) {
          double l2 = 0;                            // effectively final
          double decay = 1e-4;
          decay = decay / 2;                        // reassigned: unknown
          int width = 2 * HIDDEN;
          use(NUM_CLASSES + 1);
          use(2 * HIDDEN);
          use(width / 3);
          use(l2);
          use(decay);
          use(T.Config.LR * 10);
          use(epochs);
          use(counter);
          use(batch);
          use((int) 2.7 + NUM_CLASSES % 4);
        }
        void bump() { counter++; }
        void use(double v) {}
      }
      """;

  private static Expression[] arguments(CompilationUnit unit) {
    return unit.findAll(MethodCallExpr.class, m -> m.getNameAsString().equals("use")).stream()
        .map(m -> m.getArgument(0)).toArray(Expression[]::new);
  }

  @Test
  void evaluatesFinalFieldsEffectivelyFinalLocalsAndArithmetic() {
    CompilationUnit unit = new JavaParser(Linter.parserConfiguration()).parse(SOURCE).getResult().orElseThrow();
    Constants constants = new Constants(new Analysis(unit));
    Expression[] args = arguments(unit);
    assertEquals(OptionalLong.of(11), constants.intValue(args[0]));
    assertEquals(OptionalLong.of(128), constants.intValue(args[1]));
    assertEquals(OptionalLong.of(42), constants.intValue(args[2]), "integer division truncates");
    assertEquals(0.0, constants.value(args[3]));
    assertTrue(Double.isNaN(constants.value(args[4])), "a reassigned local is not a constant");
    assertEquals(1e-2, constants.value(args[5]), 1e-15);
    assertEquals(OptionalLong.of(5), constants.intValue(args[6]));
    assertTrue(Double.isNaN(constants.value(args[7])), "a field incremented elsewhere is not a constant");
    assertTrue(Double.isNaN(constants.value(args[8])), "a parameter is not a constant");
    assertEquals(OptionalLong.of(4), constants.intValue(args[9]));
  }
}
