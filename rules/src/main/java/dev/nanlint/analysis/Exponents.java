package dev.nanlint.analysis;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.nanlint.analysis.facts.NumFact;

/**
 * What the exponent of a {@code pow} can be, for PowDomain: fractional (NaN for a negative base) or negative
 * (Infinity for a base of 0). The flow facts decide for constants and integers; otherwise only the code's own
 * evidence counts (an unknown exponent is neither): a quotient of reals, or a real-valued hyperparameter named like
 * an exponent ({@code gamma}, {@code alpha}).
 */
public final class Exponents {
  private Exponents() {}

  /**
   * Can the exponent be a non-integer? Its flow fact says so for a constant ({@code 0.5}, a final
   * field) and rules it out for integers ({@code int} values, {@code 2.0}); otherwise only the code's own
   * evidence counts (unknown is not): a quotient of reals ({@code 1.0 / p}) or a real-valued
   * hyperparameter named like an exponent ({@code gamma}, {@code alpha}) whose value is not fixed here.
   */
  public static boolean canBeFractional(Expression exponent, Analysis a) {
    NumFact e = a.facts().at(exponent);
    if (e.isIntegral() || e.hasNoNumber()) {
      return false;
    }
    if (e.isConstant()) {
      return true;
    }
    Expression x = Flow.strip(exponent);
    if (x instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
      return canBeFractional(u.getExpression(), a);
    }
    if (x instanceof BinaryExpr b) {
      return switch (b.getOperator()) {
        case DIVIDE -> true; // a quotient of reals (an integer quotient is integral above)
        case PLUS, MINUS, MULTIPLY -> canBeFractional(b.getLeft(), a) || canBeFractional(b.getRight(), a);
        default -> false;
      };
    }
    return Names.isExponent(nameOf(x));
  }

  /**
   * Can the exponent be negative? A negative constant, a value the facts keep at or below 0 ({@code -k}
   * of a non-negative k), the negation of an exponent hyperparameter ({@code -alpha}), or such a
   * hyperparameter reduced by a constant ({@code gamma - 1}, negative for the gamma &lt; 1 users set).
   */
  public static boolean canBeNegative(Expression exponent, Analysis a) {
    NumFact e = a.facts().at(exponent);
    if (e.isConstant() || (e.hi() <= 0 && e.canBeNegative())) {
      return e.canBeNegative();
    }
    Expression x = Flow.strip(exponent);
    if (x instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
      return Names.isExponent(nameOf(Flow.strip(u.getExpression())));
    }
    return x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MINUS && !e.isIntegral()
        && a.facts().at(b.getRight()).lo() > 0 && !a.facts().at(b.getLeft()).isConstant()
        && canBeFractional(b.getLeft(), a);
  }

  private static String nameOf(Expression e) {
    return e instanceof NameExpr n ? n.getNameAsString() : e instanceof FieldAccessExpr f ? f.getNameAsString()
        : e instanceof MethodCallExpr m && m.getArguments().isEmpty() ? m.getNameAsString() : "";
  }
}
