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
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.Names;
import dev.nanlint.analysis.Types;
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
   * float/double named eps/epsilon/... whose value is not 0, negative or 1 and more, so its simple name
   * compiles where {@code near} stands. Otherwise a literal of the right type: {@code 1e-7f} for float,
   * {@code 1e-12}.
   */
  static String epsilon(Node near, boolean isFloat) {
    return epsilon(near, isFloat, false);
  }

  /**
   * The epsilon for {@code 1 - EPS}: a constant only when its literal value is large enough that
   * {@code 1 - EPS} is below 1 in its type ({@code 1 - 1e-17} is 1.0 in double, {@code 1 - 1e-9f} is 1f).
   */
  static String epsilonBelowOne(Node near, boolean isFloat) {
    return epsilon(near, isFloat, true);
  }

  private static String epsilon(Node near, boolean isFloat, boolean belowOne) {
    Node member = near;
    for (Node n = near; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> type) {
        Optional<String> own = ownEpsilon(type, member, isFloat, belowOne);
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
  private static Optional<String> ownEpsilon(TypeDeclaration<?> type, Node user, boolean isFloat, boolean belowOne) {
    boolean initializer = user instanceof FieldDeclaration || user instanceof InitializerDeclaration;
    for (BodyDeclaration<?> member : type.getMembers()) {
      if (initializer && member == user) {
        return Optional.empty(); // only constants declared before the initializer may be used in it
      }
      if (member instanceof FieldDeclaration f && f.isStatic() && f.isFinal()) {
        for (VariableDeclarator v : f.getVariables()) {
          if (Names.isEpsilon(v.getNameAsString()) && isNumeric(v, isFloat) && usable(v, belowOne)) {
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

  /**
   * Whether the constant works as an epsilon: not {@code EPS = 0} or {@code -1e-9} (no guard at all), not
   * {@code 1} or more (clamping to it would change ordinary results), not {@code float EPS = 1e-50f}
   * (0 once rounded to float). A computed value ({@code Math.ulp(1.0)}) is trusted by its name, except
   * for {@code 1 - EPS}, where it must be seen to stay below 1.
   */
  private static boolean usable(VariableDeclarator v, boolean belowOne) {
    Optional<Expression> init = v.getInitializer();
    if (init.isEmpty()) {
      return !belowOne;
    }
    Expression e = init.get();
    if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
      return false;
    }
    boolean isFloat = v.getType().asString().equals("float");
    double value;
    try {
      if (e instanceof DoubleLiteralExpr d) {
        String text = d.getValue().replace("_", "");
        value = isFloat || text.endsWith("f") || text.endsWith("F") ? Float.parseFloat(text) : Double.parseDouble(text);
      } else if (e instanceof IntegerLiteralExpr || e instanceof LongLiteralExpr) {
        value = 1; // an integer epsilon is 0 or at least 1: neither works
      } else {
        return !belowOne;
      }
    } catch (NumberFormatException ignored) {
      return !belowOne;
    }
    boolean stillBelowOne = isFloat ? 1f - (float) value < 1f : 1 - value < 1;
    return value > 0 && value < 1 && (!belowOne || stillBelowOne);
  }

  /**
   * A guard for a division by {@code divisor}, which the caller has shown is never negative: the edit of
   * the whole division, and the guarded divisor as advice text. Null when no edit keeps the promise of
   * docs/fix.md (the result is bit-identical wherever the divisor is outside its band, finite inside).
   * <ul>
   *   <li>a count cast to floating point, {@code n / (double) (tp + fp)}: {@code n / (double) Math.max(tp + fp, 1)},
   *       exact for every count of 1 or more;
   *   <li>otherwise {@code n / Math.max(d, EPS)} ({@code x /= Math.max(d, EPS)}), exact wherever d ≥ EPS
   *       (also for NaN, which Math.max passes on). {@code d + EPS} would change every result, and
   *       {@code Math.max} is why the divisor must not be negative.
   * </ul>
   * The epsilon follows the divisor's type so the division keeps its type: a float epsilon for a float
   * divisor; a double one for a double divisor, or for a divisor of unknown type divided into a double
   * (which converts it to double anyway). A float division by a divisor of unknown type gets no edit.
   */
  static Guard divisionGuard(Node division, Expression divisor, RuleContext ctx) {
    Expression numerator;
    if (division instanceof BinaryExpr binary) {
      numerator = binary.getLeft();
    } else if (division instanceof AssignExpr assign) {
      numerator = assign.getTarget();
    } else {
      return null; // ND4J div/rdiv: no scalar guard
    }
    Types types = Analysis.of(ctx).types();
    Expression d = divisor;
    while (d instanceof EnclosedExpr enclosed) {
      d = enclosed.getInner();
    }
    if (d instanceof CastExpr cast && types.isFloating(cast) && types.isIntegral(cast.getExpression())) {
      Expression count = cast.getExpression();
      Expression inner = count instanceof EnclosedExpr enclosed ? enclosed.getInner() : count;
      String max = "Math.max(" + ctx.source(inner) + ", 1)";
      return new Guard(ctx.sourceReplacing(division, count, max), "(" + cast.getType() + ") Math.max(" + inner + ", 1)");
    }
    String divisorType = types.typeOf(divisor);
    String eps;
    if (divisorType.equals("float") || divisorType.equals("Float")) {
      eps = epsilon(division, true);
    } else if (divisorType.equals("double") || divisorType.equals("Double") || isDouble(types.typeOf(numerator))) {
      eps = epsilon(division, false);
    } else {
      return null; // a float division by a divisor of unknown type: a double epsilon would make it double
    }
    String guarded = divisor instanceof EnclosedExpr enclosed
        ? "Math.max" + ctx.sourceReplacing(enclosed, enclosed.getInner(), ctx.source(enclosed.getInner()) + ", " + eps)
        : "Math.max(" + ctx.source(divisor) + ", " + eps + ")";
    return new Guard(ctx.sourceReplacing(division, divisor, guarded), "Math.max(" + d + ", " + eps + ")");
  }

  /** A division's guard: {@code replacement}, the edit of the whole division; {@code divisor}, the guarded divisor as advice. */
  record Guard(String replacement, String divisor) {}

  /** A fix's advice and, where one is safe, its edit (null otherwise). */
  record Suggestion(String fix, String replacement) {}

  /**
   * How to keep {@code numerator / denominator} finite: an edit only for a divisor that is never negative,
   * guarded so that every result with d >= eps stays as it was; a bare count keeps its advice (return early, or
   * divide by 1?); a divisor of either sign gets a check of its magnitude.
   */
  static Suggestion division(Node division, Expression numerator, Expression denominator, boolean nonNegative,
      RuleContext ctx) {
    Types types = Analysis.of(ctx).types();
    String den = denominator.toString();
    if (types.isIntegral(denominator)) {
      return new Suggestion(numerator + " / Math.max(" + den + ", 1), or return early when " + den + " == 0", null);
    }
    Guard guard = nonNegative ? divisionGuard(division, denominator, ctx) : null;
    if (guard != null) {
      return new Suggestion(numerator + " / " + guard.divisor(), guard.replacement());
    }
    String eps = epsilon(division, types.isFloat(denominator));
    return nonNegative ? new Suggestion(numerator + " / Math.max(" + den + ", " + eps + ")", null)
        : new Suggestion("check Math.abs(" + den + ") > " + eps + " before dividing", null);
  }

  private static boolean isDouble(String type) {
    return type.equals("double") || type.equals("Double");
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
      String type = Analysis.of(ctx).types().typeOf(last);
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
