package dev.nanlint.analysis.facts;

import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.nanlint.analysis.facts.NumFact.Precision;
import dev.nanlint.analysis.models.Call;
import dev.nanlint.analysis.models.CallHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a condition tells on each edge: comparisons narrow the access paths they compare (a constant
 * bound, another variable's bound, {@code Math.abs(x)}, lengths and sizes), a comparison of two paths
 * bounds their difference, {@code x != x} is the NaN test, library checks ({@code Double.isNaN},
 * {@code list.isEmpty()}) are the handlers', and {@code !}, {@code &&}, {@code ||} compose.
 *
 * <p>The condition's own effects (an assignment or call inside it) are the element's, applied before;
 * here it is only read. A comparison that no value satisfies makes its edge unreachable.
 */
public final class Refiner {
  private static final double INF = Double.POSITIVE_INFINITY;
  private final Evaluator evaluator;

  Refiner(Evaluator evaluator) {
    this.evaluator = evaluator;
  }

  Store refine(Expression condition, boolean outcome, Store s) {
    if (!s.isReachable()) {
      return s;
    }
    Expression c = Evaluator.unwrap(condition);
    if (c instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      return refine(u.getExpression(), !outcome, s);
    }
    if (c instanceof BooleanLiteralExpr b) {
      return b.getValue() == outcome ? s : Store.unreachable();
    }
    if (c instanceof BinaryExpr b) {
      BinaryExpr.Operator op = b.getOperator();
      if (op == BinaryExpr.Operator.AND || op == BinaryExpr.Operator.OR) {
        boolean and = op == BinaryExpr.Operator.AND;
        Store leftHolds = refine(b.getLeft(), and, s);
        if (outcome == and) { // a && b true, a || b false: both sides told
          return refine(b.getRight(), and, leftHolds);
        }
        return refine(b.getLeft(), !and, s).join(refine(b.getRight(), !and, leftHolds));
      }
      if (isComparison(op)) {
        return compare(b.getLeft(), op, b.getRight(), outcome, s);
      }
    }
    if (c instanceof MethodCallExpr call) {
      return check(call, outcome, s);
    }
    return s;
  }

  private static boolean isComparison(BinaryExpr.Operator op) {
    return switch (op) {
      case LESS, LESS_EQUALS, GREATER, GREATER_EQUALS, EQUALS, NOT_EQUALS -> true;
      default -> false;
    };
  }

  private Store check(MethodCallExpr c, boolean outcome, Store s) {
    Call call = evaluator.callFor(c, s);
    for (CallHandler h : evaluator.handlers()) {
      Optional<Store> told = h.refine(call, outcome, s);
      if (told.isPresent()) {
        return told.get();
      }
    }
    return s;
  }

  /** {@code left op right} evaluated to {@code outcome}. */
  private Store compare(Expression left, BinaryExpr.Operator op, Expression right, boolean outcome, Store s) {
    BinaryExpr.Operator holds = outcome ? op : negate(op);
    // NaN fails every comparison but !=: an edge where < <= > >= == held, or != failed, has no NaN
    boolean nanExcluded = outcome ? op != BinaryExpr.Operator.NOT_EQUALS : op == BinaryExpr.Operator.NOT_EQUALS;
    NumFact l = evaluator.factOf(left, s);
    NumFact r = evaluator.factOf(right, s);
    Optional<AccessPath> lp = evaluator.pathOf(left);
    Optional<AccessPath> rp = evaluator.pathOf(right);
    if (lp.isPresent() && lp.equals(rp) && (holds == BinaryExpr.Operator.EQUALS || holds == BinaryExpr.Operator.NOT_EQUALS)) {
      // x == x fails only for NaN, x != x holds only for NaN
      NumFact bound = holds == BinaryExpr.Operator.EQUALS ? NumFact.top().notNaN() : NumFact.nan(Precision.UNKNOWN);
      return narrow(left, l, bound, s);
    }
    // x != c removes c itself: at a bound of an integer it moves the bound (n != -1 with n >= -1 is n >= 0)
    boolean unequal = holds == BinaryExpr.Operator.NOT_EQUALS;
    Store out = narrow(left, l, unequal && r.isConstant() ? l.exclude(r.lo())
        : bound(holds, r, nanExcluded, l.precision()), s);
    out = narrow(right, r, unequal && l.isConstant() ? r.exclude(l.lo())
        : bound(flip(holds), l, nanExcluded, r.precision()), out);
    if (lp.isPresent() && rp.isPresent() && !l.isConstant() && !r.isConstant() && out.isReachable()) {
      boolean nanPossible = !nanExcluded || l.canBeInfinite() || r.canBeInfinite(); // Inf - Inf
      Precision p = Precision.promote(l.precision(), r.precision());
      NumFact zero = NumFact.constant(0, p);
      out = bounded(out, AccessPath.difference(lp.get(), rp.get()), bound(holds, zero, !nanPossible, p), p);
      out = bounded(out, AccessPath.difference(rp.get(), lp.get()), bound(flip(holds), zero, !nanPossible, p), p);
    }
    boolean equality = holds == BinaryExpr.Operator.EQUALS || holds == BinaryExpr.Operator.NOT_EQUALS;
    if (equality && out.isReachable() && (lp.isPresent() && r.isConstant() && !l.isConstant() && r.lo() != 0
        || rp.isPresent() && l.isConstant() && !r.isConstant() && l.lo() != 0)) {
      // n != 1 leaves a hole inside n's interval: kept as the difference n - 1, which it makes non-zero
      boolean variableLeft = lp.isPresent() && r.isConstant();
      AccessPath x = variableLeft ? lp.get() : rp.get();
      double c = variableLeft ? r.lo() : l.lo();
      Precision p = Precision.promote(l.precision(), r.precision());
      out = bounded(out, AccessPath.difference(x, AccessPath.constant(c)),
          bound(holds, NumFact.constant(0, p), nanExcluded, p), p);
    }
    return out;
  }

  private static Store bounded(Store s, AccessPath difference, NumFact bound, Precision p) {
    NumFact known = s.get(difference).orElse(NumFact.top(p));
    return s.with(difference, known.restrict(bound));
  }

  /**
   * {@code e}, whose fact is {@code fact}, satisfies {@code bound}: its path is narrowed, or through
   * {@code Math.abs(x)} x's is; no value satisfying it makes the edge unreachable.
   */
  private Store narrow(Expression e, NumFact fact, NumFact bound, Store s) {
    NumFact narrowed = fact.restrict(bound);
    if (narrowed.isBottom()) {
      return Store.unreachable();
    }
    Expression x = Evaluator.unwrap(e);
    if (x instanceof AssignExpr a && a.getOperator() == AssignExpr.Operator.ASSIGN) {
      x = Evaluator.unwrap(a.getTarget()); // (line = next()) != null: the variable holds the value compared
    }
    Optional<AccessPath> path = evaluator.pathOf(x);
    if (path.isPresent()) {
      return evaluator.restrictEqual(path.get(), bound, s.with(path.get(), narrowed));
    }
    Optional<AccessPath> expression = evaluator.expressionPath(x);
    if (expression.isPresent()) {
      return s.with(expression.get(), narrowed); // a * b > 0: the same product is positive until a or b changes
    }
    if (x instanceof MethodCallExpr call && call.getArguments().size() == 1
        && evaluator.analysis().api().mathFunction(call).filter("abs"::equals).isPresent()) {
      Expression inner = call.getArgument(0);
      return narrow(inner, evaluator.factOf(inner, s), absInverse(narrowed), s);
    }
    if (x instanceof MethodCallExpr call) { // a library call's result bounded: what it tells of its arguments
      Call c = evaluator.callFor(call, s);
      for (CallHandler h : evaluator.handlers()) {
        Optional<Store> told = h.refineResult(c, narrowed, s);
        if (told.isPresent()) {
          return told.get();
        }
      }
    }
    return s;
  }

  /** The values whose absolute value lies in {@code abs}: [-hi, hi], without the middle when abs > 0. */
  private static NumFact absInverse(NumFact abs) {
    if (abs.hasNoNumber()) {
      return abs;
    }
    return NumFact.of(-abs.hi(), abs.hi(), abs.canBeNaN(), abs.canBeZero(), false, Precision.UNKNOWN);
  }

  /**
   * The values x can have when {@code x holds y} for some y of {@code other}; {@code precision} is x's (a
   * strict bound moves to the next value of that precision).
   */
  static NumFact bound(BinaryExpr.Operator holds, NumFact other, boolean nanExcluded, Precision precision) {
    boolean nan = !nanExcluded;
    if (other.hasNoNumber()) { // compared with NaN: only != can hold, and then anything goes
      return holds == BinaryExpr.Operator.NOT_EQUALS ? NumFact.top() : NumFact.nan(Precision.UNKNOWN);
    }
    boolean impossible = holds == BinaryExpr.Operator.LESS && other.hi() == -INF
        || holds == BinaryExpr.Operator.GREATER && other.lo() == INF; // nothing is beyond an infinity
    if (impossible) {
      return nan ? NumFact.nan(Precision.UNKNOWN) : NumFact.bottom();
    }
    return switch (holds) {
      case LESS -> NumFact.of(-INF, below(other.hi(), precision), nan, true, false, Precision.UNKNOWN);
      case LESS_EQUALS -> NumFact.of(-INF, other.hi(), nan, true, false, Precision.UNKNOWN);
      case GREATER -> NumFact.of(above(other.lo(), precision), INF, nan, true, false, Precision.UNKNOWN);
      case GREATER_EQUALS -> NumFact.of(other.lo(), INF, nan, true, false, Precision.UNKNOWN);
      case EQUALS -> NumFact.of(other.lo(), other.hi(), nan, other.canBeZero(), false, Precision.UNKNOWN);
      default -> other.isConstant()
          ? NumFact.of(-INF, INF, nan, true, false, Precision.UNKNOWN).exclude(other.lo())
          : NumFact.of(-INF, INF, nan, true, false, Precision.UNKNOWN);
    };
  }

  /** The largest value of {@code precision} below {@code c}. */
  private static double below(double c, Precision precision) {
    if (precision == Precision.FLOAT) {
      float f = (float) c;
      return f < c ? f : Math.nextDown(f);
    }
    return Math.nextDown(c);
  }

  private static double above(double c, Precision precision) {
    if (precision == Precision.FLOAT) {
      float f = (float) c;
      return f > c ? f : Math.nextUp(f);
    }
    return Math.nextUp(c);
  }

  /** The comparison that holds when {@code op} does not ({@code <} becomes {@code >=}); null for any other operator. */
  public static BinaryExpr.Operator negate(BinaryExpr.Operator op) {
    return switch (op) {
      case LESS -> BinaryExpr.Operator.GREATER_EQUALS;
      case LESS_EQUALS -> BinaryExpr.Operator.GREATER;
      case GREATER -> BinaryExpr.Operator.LESS_EQUALS;
      case GREATER_EQUALS -> BinaryExpr.Operator.LESS;
      case EQUALS -> BinaryExpr.Operator.NOT_EQUALS;
      case NOT_EQUALS -> BinaryExpr.Operator.EQUALS;
      default -> null;
    };
  }

  /** The same relation read from the other side: {@code a < b} is {@code b > a}. */
  public static BinaryExpr.Operator flip(BinaryExpr.Operator op) {
    return switch (op) {
      case LESS -> BinaryExpr.Operator.GREATER;
      case LESS_EQUALS -> BinaryExpr.Operator.GREATER_EQUALS;
      case GREATER -> BinaryExpr.Operator.LESS;
      case GREATER_EQUALS -> BinaryExpr.Operator.LESS_EQUALS;
      default -> op;
    };
  }
}
