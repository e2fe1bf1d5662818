package dev.nanlint.rules;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;

/** How rules show a constant in a message: {@code 0.5} for a literal, {@code LEARNING_RATE = 0.5} for a name. */
final class Shown {
  private Shown() {}

  /** {@code 0.5} for a literal (or its negation), {@code e = v} for anything else. */
  static String constant(Expression e, double v) {
    Expression x = e instanceof UnaryExpr u ? u.getExpression() : e;
    return x instanceof LiteralExpr ? e.toString() : e + " = " + number(v);
  }

  /** A whole number without {@code .0} (below a million), anything else as Java prints it. */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e6) {
      return String.valueOf((long) v);
    }
    return String.valueOf(v);
  }
}
