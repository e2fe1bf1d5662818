package dev.nanlint.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.BinaryExpr;
import dev.nanlint.analysis.facts.NumFact;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Offsets between integer locals through the flow: a counter that starts past another stays past it. */
class LoopOffsetsTest {
  private static final String SOURCE = """
      class Slopes {
        double steepest(double[] y, int known, int n) {
          double slope = 0;
          for (int i = known + 1; i <= n; i++) {
            slope += (y[i] - y[known]) / (i - known);
          }
          return slope;
        }

        void fill(double[] yc, double[] yf, int known, int ip) {
          for (int i = known; i < ip; i++) {
            yf[i] = (yc[ip] - yc[known]) / (ip - known);
          }
        }

        double fromTheStart(double[] y, int known, int n) {
          double slope = 0;
          for (int i = known; i <= n; i++) {
            slope += (y[i] - y[known]) / (i - known);
          }
          return slope;
        }

        double reassigned(int known, int n) {
          int i = known + 1;
          known = n;
          return 1.0 / (i - known);
        }

        double steppedDown(int known) {
          int i = known + 1;
          i -= 2;
          return 1.0 / (i - known);
        }
      }
      """;

  private final CompilationUnit unit = StaticJavaParser.parse(SOURCE);
  private final Facts facts = new Analysis(unit).facts();

  private NumFact denominator(int index) {
    List<BinaryExpr> divisions = unit.findAll(BinaryExpr.class, b -> b.getOperator() == BinaryExpr.Operator.DIVIDE);
    return facts.at(divisions.get(index).getRight());
  }

  @Test
  void aCounterStartedPastAnotherStaysPastIt() {
    NumFact d = denominator(0);
    assertFalse(d.canBeZero(), "i starts at known + 1 and only grows: " + d);
  }

  @Test
  void aBoundAboveAndAStartBelowBoundTheirDistance() {
    NumFact d = denominator(1);
    assertFalse(d.canBeZero(), "known <= i < ip: " + d);
  }

  @Test
  void aCounterStartedAtTheOtherReachesIt() {
    assertTrue(denominator(2).canBeZero(), "i - known is 0 on the first pass");
  }

  @Test
  void anAssignmentEndsTheOffset() {
    assertTrue(denominator(3).canBeZero(), "known was reassigned");
  }

  @Test
  void aStepMovesTheOffset() {
    NumFact d = denominator(4);
    assertTrue(d.isConstant() && d.lo() == -1, "i - known = 1 - 2: " + d);
  }
}
