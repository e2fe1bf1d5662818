package dev.nanlint.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.engine.Linter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a pow's exponent can be, for PowDomain: fractional (NaN of a negative base), negative (Infinity of 0). */
class ExponentsTest {
  private static final String SOURCE = """
      class Focal {
        static final double HALF = 0.5;
        double gamma;
        double f(double b, double p, int k, double unknown) {
          double s = 0;
          s += Math.pow(b, 0.5);
          s += Math.pow(b, HALF);
          s += Math.pow(b, 2);
          s += Math.pow(b, k);
          s += Math.pow(b, 1.0 / p);
          s += Math.pow(b, gamma);
          s += Math.pow(b, -gamma);
          s += Math.pow(b, gamma - 1);
          s += Math.pow(b, -2);
          s += Math.pow(b, unknown);
          return s;
        }
      }
      """;

  /** Each pow's exponent, as written, with "fractional negative" flags: "ft" is fractional and not negative. */
  private static Map<String, String> readings() {
    CompilationUnit unit = new JavaParser(Linter.parserConfiguration()).parse(SOURCE).getResult().orElseThrow();
    Analysis a = new Analysis(unit);
    Map<String, String> out = new LinkedHashMap<>();
    for (MethodCallExpr pow : unit.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("pow"))) {
      Expression e = pow.getArgument(1);
      out.put(e.toString(), (Exponents.canBeFractional(e, a) ? "fractional" : "integral")
          + (Exponents.canBeNegative(e, a) ? ", negative" : ""));
    }
    return out;
  }

  @Test
  void constantsAreReadFromTheirValue() {
    Map<String, String> r = readings();
    assertEquals("fractional", r.get("0.5"));
    assertEquals("fractional", r.get("HALF"), "a final field's value");
    assertEquals("integral", r.get("2"));
    assertEquals("integral, negative", r.get("-2"));
    assertEquals("integral", r.get("k"), "an int is never fractional");
  }

  @Test
  void otherwiseOnlyTheCodesOwnEvidenceCounts() {
    Map<String, String> r = readings();
    assertEquals("fractional", r.get("1.0 / p"), "a quotient of reals");
    assertEquals("fractional", r.get("gamma"), "a hyperparameter named like an exponent");
    assertEquals("fractional, negative", r.get("-gamma"));
    assertEquals("fractional, negative", r.get("gamma - 1"), "negative for the gamma < 1 users set");
    assertEquals("integral", r.get("unknown"), "an unknown exponent is neither fractional nor negative");
  }
}
