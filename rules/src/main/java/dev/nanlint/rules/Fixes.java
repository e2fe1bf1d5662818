package dev.nanlint.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.nanlint.analysis.Names;
import dev.nanlint.engine.RuleContext;
import java.util.Optional;

/**
 * Shared wording of fix suggestions and the pieces of mechanical edits: the epsilon to use (the class's
 * own constant when it has one), and when an expression needs parentheses.
 */
final class Fixes {
  private static final String TRANSFORMS = "org.nd4j.linalg.ops.transforms.Transforms";

  private Fixes() {}

  /**
   * The epsilon constant of the class around {@code near} (or of a class enclosing it): a static final
   * float/double named eps/epsilon/... that is not a literal 0, so its simple name compiles where
   * {@code near} stands. Otherwise a literal of the right type: {@code 1e-7f} for float, {@code 1e-12}.
   */
  static String epsilon(Node near, boolean isFloat) {
    Node member = near;
    for (Node n = near; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> type) {
        Optional<String> own = ownEpsilon(type, member, isFloat);
        if (own.isPresent()) {
          return own.get();
        }
      }
      member = n;
    }
    return isFloat ? "1e-7f" : "1e-12";
  }

  /**
   * {@code type}'s epsilon constant, usable from its member {@code user}: in a field initializer or an
   * initializer block, a field declared further down is an illegal forward reference.
   */
  private static Optional<String> ownEpsilon(TypeDeclaration<?> type, Node user, boolean isFloat) {
    boolean initializer = user instanceof FieldDeclaration || user instanceof InitializerDeclaration;
    for (BodyDeclaration<?> member : type.getMembers()) {
      if (initializer && member == user) {
        return Optional.empty(); // only constants declared before the initializer may be used in it
      }
      if (member instanceof FieldDeclaration f && f.isStatic() && f.isFinal()) {
        for (VariableDeclarator v : f.getVariables()) {
          if (Names.isEpsilon(v.getNameAsString()) && isNumeric(v, isFloat) && !literallyZeroOrBelow(v)) {
            return Optional.of(v.getNameAsString());
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isNumeric(VariableDeclarator v, boolean isFloat) {
    String t = v.getType().asString();
    return isFloat ? t.equals("float") : t.equals("double") || t.equals("float");
  }

  /** {@code EPS = 0}, {@code EPS = -1e-9}: no guard at all. */
  private static boolean literallyZeroOrBelow(VariableDeclarator v) {
    Optional<Expression> init = v.getInitializer();
    if (init.isEmpty()) {
      return false;
    }
    Expression e = init.get();
    if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
      return true;
    }
    try {
      if (e instanceof DoubleLiteralExpr d) {
        return d.asDouble() <= 0;
      }
      if (e instanceof IntegerLiteralExpr i) {
        return i.asNumber().longValue() <= 0;
      }
      if (e instanceof LongLiteralExpr l) {
        return l.asNumber().longValue() <= 0;
      }
    } catch (NumberFormatException ignored) {
      return false;
    }
    return false;
  }

  /**
   * {@code e} binds at least as tightly as {@code +}, so {@code e + eps} keeps its meaning without
   * parentheses: names, literals, calls, field and array access, parentheses, casts, unary operators,
   * and additive or multiplicative operations.
   */
  static boolean additiveOrTighter(Expression e) {
    if (e instanceof BinaryExpr b) {
      return switch (b.getOperator()) {
        case PLUS, MINUS, MULTIPLY, DIVIDE, REMAINDER -> true;
        default -> false;
      };
    }
    return e.isNameExpr() || e instanceof LiteralExpr || e instanceof MethodCallExpr || e.isFieldAccessExpr()
        || e.isArrayAccessExpr() || e instanceof EnclosedExpr || e instanceof CastExpr || e instanceof UnaryExpr
        || e.isObjectCreationExpr() || e.isThisExpr();
  }

  /**
   * The edit for {@code n / d} → {@code n / (d + eps)} and {@code x /= d} → {@code x /= d + eps}: the
   * whole division's text with the divisor guarded, or null when the epsilon could change the
   * expression's type (a float division whose divisor's type we do not know; a double epsilon would make
   * it double and {@code float r = a / (d + 1e-12)} would no longer compile).
   */
  static String divisionEdit(Node division, Expression divisor, String eps, RuleContext ctx) {
    if (division instanceof BinaryExpr binary) {
      String left = ctx.analysis().types().typeOf(binary.getLeft());
      String right = ctx.analysis().types().typeOf(divisor);
      boolean keepsType = left.equals("double") || left.equals("Double") || right.equals("double")
          || right.equals("Double") || right.equals("float") || right.equals("Float");
      return keepsType ? ctx.sourceReplacing(division, divisor, plusEpsilon(divisor, eps, true, ctx)) : null;
    }
    if (division instanceof AssignExpr) {
      return ctx.sourceReplacing(division, divisor, plusEpsilon(divisor, eps, false, ctx));
    }
    return null;
  }

  /**
   * {@code d + eps} written so it keeps its meaning where {@code d} stood: {@code (a - b)} becomes
   * {@code (a - b + eps)}; as the right operand of {@code /} it is parenthesised; a conditional or other
   * loose expression is parenthesised before the addition.
   */
  static String plusEpsilon(Expression d, String eps, boolean operandOfDivide, RuleContext ctx) {
    if (d instanceof EnclosedExpr enclosed && additiveOrTighter(enclosed.getInner())) {
      return ctx.sourceReplacing(d, enclosed.getInner(), ctx.source(enclosed.getInner()) + " + " + eps);
    }
    String sum = (additiveOrTighter(d) ? ctx.source(d) : "(" + ctx.source(d) + ")") + " + " + eps;
    return operandOfDivide ? "(" + sum + ")" : sum;
  }

  /**
   * {@code Transforms.log(x)} → {@code Transforms.log(Transforms.max(x, eps))} (also sqrt), with the
   * owner the call names (fully qualified when statically imported). An in-place call ({@code dup}
   * false) clamps in place too, so the array the caller holds ends up as it did before. Null (no edit)
   * when the last argument is an expression whose role (dup flag or log base) we cannot tell.
   */
  static String nd4jClamp(MethodCallExpr call, Expression arg, String bound, RuleContext ctx) {
    String owner = call.getScope().map(ctx::source).orElse(TRANSFORMS);
    String dup = null;
    int n = call.getArguments().size();
    if (n >= 2) {
      Expression last = call.getArgument(n - 1);
      String type = ctx.analysis().types().typeOf(last);
      if (last instanceof BooleanLiteralExpr b) {
        dup = b.getValue() ? null : "false";
      } else if (last instanceof NameExpr && (type.equals("boolean") || type.equals("Boolean"))) {
        dup = ctx.source(last);
      } else if (n == 3 || !(type.equals("double") || type.equals("float") || type.equals("int") || type.equals("long"))) {
        return null; // log(x, base, <expression>) or an argument of unknown type
      }
    }
    String clamp = owner + ".max(" + ctx.source(arg) + ", " + bound + (dup == null ? "" : ", " + dup) + ")";
    return ctx.sourceReplacing(call, arg, clamp);
  }
}
