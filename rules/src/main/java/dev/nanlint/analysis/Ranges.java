package dev.nanlint.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.nanlint.analysis.facts.Refiner;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The numeric interval a value stays in, where {@link Values} only knows signs: needed for functions
 * whose domain or overflow point is not 0 ({@code acos} needs [-1, 1], a float {@code exp} overflows
 * above 88.7). Knows constants, interval arithmetic, clamps ({@code Math.min(1, c)}), bounded functions
 * ({@code cos}, {@code tanh}, {@code exp}), max-subtracted values ({@code z - max} is at most 0), the
 * definitions that reach a local (including {@code if (c > 1) c = 1;}), and the conditions around a
 * use ({@code if (Math.abs(c) <= 1)}, early exits). Unknown means (-Infinity, +Infinity).
 */
public final class Ranges {
  private static final int MAX_DEPTH = 32;
  private static final Set<String> MAX_REDUCTIONS = Set.of("max", "amax", "maxNumber", "amaxNumber");

  /** A closed interval; infinite ends mean unbounded on that side. */
  public record Interval(double lo, double hi) {
    public static final Interval ALL = new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public boolean within(double low, double high) {
      return lo >= low && hi <= high;
    }

    Interval join(Interval o) {
      return new Interval(Math.min(lo, o.lo), Math.max(hi, o.hi));
    }

    /** The intersection; an empty one means we misread something, so it claims nothing new. */
    Interval meet(Interval o) {
      double l = Math.max(lo, o.lo);
      double h = Math.min(hi, o.hi);
      return l > h ? this : new Interval(l, h);
    }

    static Interval point(double c) {
      return new Interval(c, c);
    }
  }

  private final Api api;
  private final Values values;
  private final Definitions definitions;
  private final Map<Node, Interval> memo = new IdentityHashMap<>();
  private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
  private int depth;

  Ranges(Api api, Values values, Definitions definitions) {
    this.api = api;
    this.values = values;
    this.definitions = definitions;
  }

  /** The interval {@code e} stays in at its own position in the code. */
  public Interval of(Expression e) {
    Interval cached = memo.get(e);
    if (cached != null) {
      return cached;
    }
    if (depth > MAX_DEPTH || !inProgress.add(e)) {
      return Interval.ALL;
    }
    depth++;
    try {
      Interval v = compute(e).meet(signs(e)).meet(guarded(e));
      memo.put(e, v);
      return v;
    } finally {
      depth--;
      inProgress.remove(e);
    }
  }

  private Interval compute(Expression e) {
    double c = values.constant(e);
    if (!Double.isNaN(c)) {
      return Interval.point(c);
    }
    if (e instanceof EnclosedExpr en) {
      return of(en.getInner());
    }
    if (e instanceof CastExpr cast) {
      return of(cast.getExpression());
    }
    if (e instanceof UnaryExpr u) {
      Interval x = of(u.getExpression());
      return switch (u.getOperator()) {
        case MINUS -> new Interval(-x.hi(), -x.lo());
        case PLUS -> x;
        default -> Interval.ALL;
      };
    }
    if (e instanceof BinaryExpr b) {
      return arithmetic(b);
    }
    if (e instanceof ConditionalExpr cond) {
      return of(cond.getThenExpr()).join(of(cond.getElseExpr()));
    }
    if (e instanceof MethodCallExpr call) {
      return call(call);
    }
    if (e instanceof NameExpr n) {
      return local(n);
    }
    return Interval.ALL;
  }

  private Interval arithmetic(BinaryExpr b) {
    switch (b.getOperator()) {
      case PLUS: {
        Interval l = of(b.getLeft());
        Interval r = of(b.getRight());
        return new Interval(l.lo() + r.lo(), l.hi() + r.hi());
      }
      case MINUS: {
        Interval l = of(b.getLeft());
        Interval r = of(b.getRight());
        Interval diff = new Interval(l.lo() - r.hi(), l.hi() - r.lo());
        return isMaximum(b.getRight()) ? diff.meet(new Interval(Double.NEGATIVE_INFINITY, 0)) : diff;
      }
      case MULTIPLY: {
        Interval l = of(b.getLeft());
        Interval r = of(b.getRight());
        if (Guards.key(b.getLeft()).equals(Guards.key(b.getRight()))) {
          double m = Math.max(Math.abs(l.lo()), Math.abs(l.hi()));
          return new Interval(l.lo() >= 0 ? l.lo() * l.lo() : l.hi() <= 0 ? l.hi() * l.hi() : 0, m * m);
        }
        return product(l, r).meet(monomialSign(b));
      }
      case DIVIDE: {
        Interval l = of(b.getLeft());
        Interval r = of(b.getRight());
        if (r.lo() > 0 && Double.isFinite(r.hi()) && Double.isFinite(l.lo()) && Double.isFinite(l.hi())) {
          return hull(l.lo() / r.lo(), l.lo() / r.hi(), l.hi() / r.lo(), l.hi() / r.hi());
        }
        if (r.lo() >= 0 && l.hi() <= 0) {
          return new Interval(Double.NEGATIVE_INFINITY, 0); // -(d * d) / (2 * s * s)
        }
        if (r.lo() >= 0 && l.lo() >= 0) {
          return new Interval(0, Double.POSITIVE_INFINITY);
        }
        return Interval.ALL;
      }
      default:
        return Interval.ALL;
    }
  }

  /**
   * The sign of a product whose variable factors all come in pairs: {@code -0.5 * d * d} is at most 0,
   * {@code 2 * sigma * sigma} at least 0. ALL when a factor is unpaired or not a constant.
   */
  private Interval monomialSign(BinaryExpr product) {
    Map<String, Integer> counts = new HashMap<>();
    double[] sign = {1};
    if (!factors(product, counts, sign) || counts.values().stream().anyMatch(c -> c % 2 != 0)) {
      return Interval.ALL;
    }
    return sign[0] > 0 ? new Interval(0, Double.POSITIVE_INFINITY) : new Interval(Double.NEGATIVE_INFINITY, 0);
  }

  private boolean factors(Expression e, Map<String, Integer> counts, double[] sign) {
    Expression x = e;
    while (x instanceof EnclosedExpr en) {
      x = en.getInner();
    }
    if (x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MULTIPLY) {
      return factors(b.getLeft(), counts, sign) && factors(b.getRight(), counts, sign);
    }
    if (x instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
      sign[0] = -sign[0];
      return factors(u.getExpression(), counts, sign);
    }
    double c = values.constant(x);
    if (!Double.isNaN(c)) {
      if (c < 0) {
        sign[0] = -sign[0];
      }
      return true;
    }
    if (x instanceof NameExpr || x instanceof ArrayAccessExpr || x instanceof FieldAccessExpr) {
      counts.merge(Guards.key(x), 1, Integer::sum);
      return true;
    }
    return false;
  }

  private static Interval product(Interval a, Interval b) {
    return hull(times(a.lo(), b.lo()), times(a.lo(), b.hi()), times(a.hi(), b.lo()), times(a.hi(), b.hi()));
  }

  /** 0 times an unbounded end is 0: the interval's end is approached, never reached. */
  private static double times(double x, double y) {
    return x == 0 || y == 0 ? 0 : x * y;
  }

  private static Interval hull(double... xs) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double x : xs) {
      if (Double.isNaN(x)) {
        return Interval.ALL;
      }
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    return new Interval(lo, hi);
  }

  private Interval call(MethodCallExpr call) {
    Optional<String> fn = api.mathFunction(call);
    boolean transforms = api.isTransforms(call, "min", "max", "abs", "exp", "sigmoid", "softmax", "tanh", "cos",
        "sin");
    if ((fn.isEmpty() && !transforms) || call.getArguments().isEmpty()) {
      return Interval.ALL;
    }
    String name = fn.orElse(call.getNameAsString());
    Interval x = of(call.getArgument(0));
    switch (name) {
      case "min":
        return call.getArguments().size() == 2 ? minOf(x, of(call.getArgument(1))) : Interval.ALL;
      case "max":
        return call.getArguments().size() == 2 ? maxOf(x, of(call.getArgument(1))) : Interval.ALL;
      case "abs": {
        double m = Math.max(Math.abs(x.lo()), Math.abs(x.hi()));
        return new Interval(x.lo() >= 0 ? x.lo() : x.hi() <= 0 ? -x.hi() : 0, m);
      }
      case "exp":
        return new Interval(Math.exp(x.lo()), Math.exp(x.hi()));
      case "sqrt":
        return new Interval(Math.sqrt(Math.max(0, x.lo())), Math.sqrt(Math.max(0, x.hi())));
      case "cos":
      case "sin":
      case "tanh":
      case "signum":
        return new Interval(-1, 1);
      case "sigmoid":
      case "softmax":
        return new Interval(0, 1);
      case "atan":
        return new Interval(-Math.PI / 2, Math.PI / 2);
      default:
        return Interval.ALL;
    }
  }

  private static Interval minOf(Interval a, Interval b) {
    return new Interval(Math.min(a.lo(), b.lo()), Math.min(a.hi(), b.hi()));
  }

  private static Interval maxOf(Interval a, Interval b) {
    return new Interval(Math.max(a.lo(), b.lo()), Math.max(a.hi(), b.hi()));
  }

  /**
   * An {@code exp} (or {@code cosh}/{@code sinh}, {@code expm1}) that dominates {@code e} (the value itself,
   * a factor, a numerator or a term) and can exceed {@code limit}: {@code Math.exp(z)} with unbounded
   * {@code z} can, {@code Math.exp(z - max)} cannot. Stops at casts to float, where the value narrows.
   */
  public Optional<MethodCallExpr> expExceeding(Expression e, double limit) {
    if (e instanceof EnclosedExpr en) {
      return expExceeding(en.getInner(), limit);
    }
    if (e instanceof CastExpr cast) {
      String t = cast.getType().asString();
      return t.equals("float") || t.equals("Float") ? Optional.empty() : expExceeding(cast.getExpression(), limit);
    }
    if (e instanceof MethodCallExpr call && api.isMath(call, "exp", "expm1", "cosh", "sinh")) {
      return of(call).hi() > limit ? Optional.of(call) : Optional.empty();
    }
    if (e instanceof BinaryExpr b) {
      switch (b.getOperator()) {
        case MULTIPLY, PLUS, MINUS: {
          Optional<MethodCallExpr> left = expExceeding(b.getLeft(), limit);
          return left.isPresent() ? left : expExceeding(b.getRight(), limit);
        }
        case DIVIDE:
          return expExceeding(b.getLeft(), limit);
        default:
          return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** A local: the join of the definitions that reach it, each narrowed by the conditions it survived. */
  private Interval local(NameExpr n) {
    List<Definitions.Def> defs = definitions.reaching(n);
    if (defs.isEmpty()) {
      return Interval.ALL;
    }
    Interval result = null;
    for (Definitions.Def def : defs) {
      if (def.value() == null) {
        return Interval.ALL;
      }
      Interval v = of(def.value());
      for (Guards.Fact fact : def.facts()) {
        v = v.meet(bound(fact.condition(), fact.truth(), n.getNameAsString()));
      }
      result = result == null ? v : result.join(v);
    }
    return result;
  }

  /** What the signs analysis adds: a value it knows is non-negative (or non-positive). */
  private Interval signs(Expression e) {
    Value v = values.of(e);
    if (v.isNonNegative()) {
      return new Interval(0, Double.POSITIVE_INFINITY);
    }
    if ((v.signs() & Value.POS) == 0) {
      return new Interval(Double.NEGATIVE_INFINITY, 0);
    }
    return Interval.ALL;
  }

  /** What the conditions around {@code e} say about it. */
  private Interval guarded(Expression e) {
    String key = Guards.key(e);
    Interval allowed = Interval.ALL;
    for (Guards.Fact fact : values.guards().factsAt(e)) {
      allowed = allowed.meet(bound(fact.condition(), fact.truth(), key));
    }
    return allowed;
  }

  /** The interval {@code key} is in when {@code condition} evaluates to {@code truth}. */
  public Interval bound(Expression condition, boolean truth, String key) {
    Expression c = condition;
    while (c instanceof EnclosedExpr en) {
      c = en.getInner();
    }
    if (c instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      return bound(u.getExpression(), !truth, key);
    }
    if (!(c instanceof BinaryExpr b)) {
      return Interval.ALL;
    }
    if (b.getOperator() == BinaryExpr.Operator.AND) {
      return truth ? bound(b.getLeft(), true, key).meet(bound(b.getRight(), true, key)) : Interval.ALL;
    }
    if (b.getOperator() == BinaryExpr.Operator.OR) {
      return truth ? Interval.ALL : bound(b.getLeft(), false, key).meet(bound(b.getRight(), false, key));
    }
    BinaryExpr.Operator op = b.getOperator();
    if (Refiner.negate(op) == null) {
      return Interval.ALL;
    }
    Expression other;
    boolean abs = false;
    if (Guards.key(b.getLeft()).equals(key)) {
      other = b.getRight();
    } else if (Guards.key(b.getRight()).equals(key)) {
      other = b.getLeft();
      op = Guards.flip(op);
    } else if (isAbsOf(b.getLeft(), key)) {
      other = b.getRight();
      abs = true;
    } else if (isAbsOf(b.getRight(), key)) {
      other = b.getLeft();
      op = Guards.flip(op);
      abs = true;
    } else {
      return Interval.ALL;
    }
    double k = values.constant(other);
    if (Double.isNaN(k) || op == null) {
      return Interval.ALL;
    }
    BinaryExpr.Operator holds = truth ? op : Refiner.negate(op);
    Interval range = switch (holds) {
      case LESS, LESS_EQUALS -> new Interval(Double.NEGATIVE_INFINITY, k);
      case GREATER, GREATER_EQUALS -> new Interval(k, Double.POSITIVE_INFINITY);
      case EQUALS -> Interval.point(k);
      default -> Interval.ALL;
    };
    if (!abs) {
      return range;
    }
    return range.hi() < Double.POSITIVE_INFINITY && range.hi() >= 0 ? new Interval(-range.hi(), range.hi()) : Interval.ALL;
  }

  private boolean isAbsOf(Expression e, String key) {
    Expression x = e;
    while (x instanceof EnclosedExpr en) {
      x = en.getInner();
    }
    return x instanceof MethodCallExpr call && api.isMath(call, "abs") && call.getArguments().size() == 1
        && Guards.key(call.getArgument(0)).equals(key);
  }

  /**
   * A maximum the left operand is subtracted from, as in {@code exp(z[i] - max)}: a reduction call
   * ({@code z.maxNumber()}), a local accumulated with {@code max = Math.max(max, z)}, or a value named
   * {@code max}/{@code maxLogit}. The subtraction is then at most 0 (the stable-softmax idiom).
   */
  public boolean isMaximum(Expression e) {
    Expression x = Flow.strip(e);
    if (x instanceof MethodCallExpr call) {
      if (call.getNameAsString().equals("doubleValue") || call.getNameAsString().equals("floatValue")) {
        return call.getScope().map(this::isMaximum).orElse(false);
      }
      return MAX_REDUCTIONS.contains(call.getNameAsString()) && (call.getArguments().size() <= 1
          || api.isMath(call, "max") && call.getArguments().stream().anyMatch(this::isMaximum));
    }
    if (x instanceof NameExpr n) {
      if (Names.words(n.getNameAsString()).contains("max")) {
        return true;
      }
      for (Definitions.Def def : definitions.reaching(n)) {
        if (def.value() instanceof MethodCallExpr m && api.isMath(m, "max")
            && m.getArguments().stream().anyMatch(a -> Guards.key(a).equals(n.getNameAsString()))) {
          return true;
        }
      }
    }
    return false;
  }
}
