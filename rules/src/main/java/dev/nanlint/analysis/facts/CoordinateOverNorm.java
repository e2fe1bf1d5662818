package dev.nanlint.analysis.facts;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.Printed;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One coordinate over the norm of a vector that holds it: {@code z / Math.sqrt(x*x + y*y + z*z)},
 * {@code x / Math.hypot(x, y)}, a vector library's {@code norm(x, y, z)}, also through the locals holding the
 * norm. Its magnitude never exceeds 1 in floating point: rounding is monotone, so the rounded sum of squares is
 * at least the rounded {@code z*z}, and a correctly rounded root of that is exactly {@code |z|} (short of
 * underflow below about 1e-154). A dot product of two vectors over their norms has no such bound.
 */
final class CoordinateOverNorm {
  /** Norms of the coordinates given as arguments: java.lang.Math's and vector libraries' (GeoRegression, JOML). */
  private static final Set<String> NORMS_OF_ARGUMENTS = Set.of("hypot", "norm", "length");
  private static final int MAX_DEPTH = 3;

  private CoordinateOverNorm() {}

  static boolean holds(Expression numerator, Expression denominator, Analysis a) {
    Expression c = Evaluator.unwrap(numerator);
    if (c instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
      c = Evaluator.unwrap(u.getExpression());
    }
    if (!(c instanceof NameExpr) && !c.isFieldAccessExpr() && !c.isArrayAccessExpr()) {
      return false;
    }
    return isNormHolding(Evaluator.unwrap(denominator), Printed.of(c), a, 0);
  }

  private static boolean isNormHolding(Expression d, String coordinate, Analysis a, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    if (d instanceof NameExpr use) {
      return a.flow().definition(use)
          .map(def -> isNormHolding(Evaluator.unwrap(def), coordinate, a, depth + 1)).orElse(false);
    }
    if (!(d instanceof MethodCallExpr call)) {
      return false;
    }
    String name = call.getNameAsString();
    if (name.equals("sqrt") && call.getArguments().size() == 1) {
      return holdsSquareOf(Evaluator.unwrap(call.getArgument(0)), coordinate, a, depth + 1);
    }
    return NORMS_OF_ARGUMENTS.contains(name) && call.getArguments().size() >= 2
        && call.getArguments().stream().anyMatch(arg -> Printed.of(Evaluator.unwrap(arg)).equals(coordinate));
  }

  /** A sum of terms, one of which is {@code coordinate * coordinate} (or a local holding such a sum). */
  private static boolean holdsSquareOf(Expression sum, String coordinate, Analysis a, int depth) {
    if (sum instanceof NameExpr use && depth <= MAX_DEPTH) {
      return a.flow().definition(use)
          .map(def -> holdsSquareOf(Evaluator.unwrap(def), coordinate, a, depth + 1)).orElse(false);
    }
    List<Expression> terms = new ArrayList<>();
    collectTerms(sum, terms);
    return terms.stream().anyMatch(t -> t instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MULTIPLY
        && Printed.of(Evaluator.unwrap(b.getLeft())).equals(coordinate)
        && Printed.of(Evaluator.unwrap(b.getRight())).equals(coordinate));
  }

  private static void collectTerms(Expression e, List<Expression> terms) {
    Expression x = Evaluator.unwrap(e);
    if (x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      collectTerms(b.getLeft(), terms);
      collectTerms(b.getRight(), terms);
    } else {
      terms.add(x);
    }
  }
}
