package dev.nanlint.analysis;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.List;

/**
 * What an exponent of {@code pow} can be: a non-integer (so a negative base gives NaN) or a negative
 * number (so a zero base gives Infinity). Decided from constants, types ({@code int} exponents are
 * integers), the definitions that reach a local, the shape of the expression ({@code 1.0 / p} is a
 * root) and, for hyperparameters the file does not define ({@code gamma}, {@code alpha}), their names.
 */
public final class Exponents {
  private static final int MAX_DEPTH = 16;

  private final Values values;
  private final Types types;
  private final Definitions definitions;
  private int depth;

  Exponents(Values values, Types types, Definitions definitions) {
    this.values = values;
    this.types = types;
    this.definitions = definitions;
  }

  /**
   * Can {@code e} be a non-integer? True for fractional constants ({@code 0.5}, {@code 1 / 3.0}), roots
   * ({@code 1.0 / p}), floating locals defined as such, and floating hyperparameters named like
   * exponents ({@code gamma}, {@code alpha}) whose value this file does not fix. False for integer
   * constants and integral types, and for anything else (unknown is not evidence).
   */
  public boolean canBeFractional(Expression e) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    depth++;
    try {
      return fractional(e);
    } finally {
      depth--;
    }
  }

  private boolean fractional(Expression e) {
    if (types.isIntegral(e)) {
      return false; // also 1 / 3, which Java evaluates to 0
    }
    double c = values.constant(e);
    if (!Double.isNaN(c)) {
      return c != Math.rint(c);
    }
    if (e instanceof EnclosedExpr en) {
      return canBeFractional(en.getInner());
    }
    if (e instanceof CastExpr cast) {
      String t = cast.getType().asString();
      return (t.equals("double") || t.equals("float")) && canBeFractional(cast.getExpression());
    }
    if (e instanceof UnaryExpr u && (u.getOperator() == UnaryExpr.Operator.MINUS
        || u.getOperator() == UnaryExpr.Operator.PLUS)) {
      return canBeFractional(u.getExpression());
    }
    if (e instanceof BinaryExpr b) {
      return switch (b.getOperator()) {
        case DIVIDE -> !types.isIntegral(b); // a quotient of reals: 1.0 / p, alpha / 2
        case PLUS, MINUS, MULTIPLY -> canBeFractional(b.getLeft()) || canBeFractional(b.getRight());
        default -> false;
      };
    }
    if (e instanceof NameExpr n) {
      List<Definitions.Def> defs = definitions.reaching(n);
      boolean known = !defs.isEmpty() && defs.stream().allMatch(d -> d.value() != null);
      if (known) {
        return defs.stream().anyMatch(d -> canBeFractional(d.value()));
      }
      return hyperparameter(e, n.getNameAsString());
    }
    if (e instanceof FieldAccessExpr f) {
      return hyperparameter(e, f.getNameAsString());
    }
    if (e instanceof MethodCallExpr call && call.getArguments().isEmpty()) {
      return hyperparameter(e, call.getNameAsString()); // config.getGamma()
    }
    return false;
  }

  /** A real-valued hyperparameter named like an exponent, whose value is not fixed here. */
  private boolean hyperparameter(Expression e, String name) {
    String type = types.typeOf(e);
    boolean real = type.isEmpty() || type.equals("double") || type.equals("float") || type.equals("Double")
        || type.equals("Float");
    return real && Names.isExponent(name);
  }

  /**
   * Can {@code e} be negative, with evidence? Negative constants, the negation of a non-negative value or
   * of an exponent hyperparameter ({@code -alpha}), a real-valued hyperparameter reduced by a constant
   * ({@code gamma - 1}, negative for {@code gamma < 1}), and other non-integer differences the sign analysis flags.
   */
  public boolean canBeNegative(Expression e) {
    double c = values.constant(e);
    if (!Double.isNaN(c)) {
      return c < 0;
    }
    Expression x = Flow.strip(e);
    if (x instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
      Expression inner = u.getExpression();
      String name = inner instanceof NameExpr n ? n.getNameAsString()
          : inner instanceof FieldAccessExpr f ? f.getNameAsString()
          : inner instanceof MethodCallExpr m ? m.getNameAsString() : "";
      return values.of(inner).isNonNegative() || Names.isExponent(name);
    }
    if (x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MINUS && !types.isIntegral(x)) {
      double reduction = values.constant(b.getRight());
      if (reduction > 0 && Double.isNaN(values.constant(b.getLeft())) && canBeFractional(b.getLeft())) {
        return true; // gamma - 1: a real-valued hyperparameter below the constant it is reduced by
      }
    }
    // n - 1 with an integer n is an order or a degree, at least 1 by construction; a real-valued gamma - 1
    // is negative for the gamma < 1 that users do set
    Value v = values.of(x);
    return v.canBeNegative() && v.risk() != null && !types.isIntegral(x);
  }
}
