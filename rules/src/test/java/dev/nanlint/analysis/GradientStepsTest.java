package dev.nanlint.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.AssignExpr;
import dev.nanlint.analysis.GradientSteps.Step;
import org.junit.jupiter.api.Test;

/** A hand-written update's step against the scale of the raw data it multiplies. */
class GradientStepsTest {
  private static Step step(String update) {
    String source = """
        class T {
          private static final double LR = 0.01;
          private final double[] sizes = {50, 80, 120};
          private final double[] rents = {700, 1000, 1500};
          double slope;
          void fit() {
            for (int epoch = 0; epoch < 20; epoch++) {
              for (int i = 0; i < sizes.length; i++) {
                double error = slope * sizes[i] - rents[i];
                %s;
              }
            }
          }
        }
        """.formatted(update);
    CompilationUnit unit = StaticJavaParser.parse(source);
    AssignExpr assign = unit.findFirst(AssignExpr.class, a -> a.getTarget().toString().equals("slope")).orElseThrow();
    return new Analysis(unit).gradientSteps().of(assign).orElseThrow();
  }

  @Test
  void aRateTooLargeForTheDataOvershoots() {
    Step s = step("slope -= LR * error * sizes[i]");
    assertEquals(120, s.scale());
    assertEquals(0.01, s.writtenRate());
    assertEquals(0.01 * 120 * 120, s.stepTimesCurvature(), 1e-9);
    assertTrue(s.overshoots());
    assertEquals(2.0 / (120 * 120), s.stableRate());
    assertFalse(s.otherConstantFactors());
  }

  @Test
  void otherConstantFactorsChangeTheRateFromTheOneWritten() {
    Step s = step("slope -= 2 * LR * error * sizes[i]");
    assertEquals(0.02, s.rate(), 1e-12);
    assertTrue(s.otherConstantFactors());
  }

  @Test
  void aRateSmallEnoughForTheDataDoesNotOvershoot() {
    Step s = step("slope -= 1e-6 * error * sizes[i]");
    assertFalse(s.overshoots());
  }
}
