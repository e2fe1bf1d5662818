package dev.nanlint.analysis.flow;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A test lattice: an integer interval per local variable, with refinement on {@code x op e} for the six
 * comparisons. Small on purpose: only plain assignments, {@code +=}, {@code -=}, {@code ++}, {@code --} at the
 * top of an element change a variable; anything else it does not understand is the full range.
 */
public final class Intervals implements Transfer<Intervals.Env> {
  static final long MIN = Long.MIN_VALUE;
  static final long MAX = Long.MAX_VALUE;

  /** {@code [lo, hi]}, with {@link #MIN} and {@link #MAX} standing for minus and plus infinity. */
  public record Range(long lo, long hi) {
    static final Range TOP = new Range(MIN, MAX);

    static Range of(long v) {
      return new Range(v, v);
    }

    Range join(Range o) {
      return new Range(Math.min(lo, o.lo), Math.max(hi, o.hi));
    }

    Range plus(Range o) {
      return new Range(lo == MIN || o.lo == MIN ? MIN : lo + o.lo, hi == MAX || o.hi == MAX ? MAX : hi + o.hi);
    }

    Range negate() {
      return new Range(hi == MAX ? MIN : -hi, lo == MIN ? MAX : -lo);
    }

    @Override
    public String toString() {
      return "[" + (lo == MIN ? "-inf" : lo) + ", " + (hi == MAX ? "inf" : hi) + "]";
    }
  }

  /** The store: a range per variable (absent = full range), or unreachable. */
  public static final class Env {
    static final Env BOTTOM = new Env(null);
    final Map<String, Range> vars;

    Env(Map<String, Range> vars) {
      this.vars = vars;
    }

    public Range get(String name) {
      return vars.getOrDefault(name, Range.TOP);
    }

    Env with(String name, Range r) {
      Map<String, Range> copy = new HashMap<>(vars);
      if (r.equals(Range.TOP)) {
        copy.remove(name);
      } else {
        copy.put(name, r);
      }
      return new Env(copy);
    }

    @Override
    public String toString() {
      return vars == null ? "unreachable" : vars.toString();
    }
  }

  /** How often each method ran: the engine should not call the transfer more than it needs. */
  int applied;

  @Override
  public Env entry(Node callable) {
    return new Env(Map.of());
  }

  @Override
  public Env unreachable() {
    return Env.BOTTOM;
  }

  @Override
  public Env apply(Node element, Env s) {
    applied++;
    if (s.vars == null) {
      return s;
    }
    if (element instanceof VariableDeclarator v) {
      return s.with(v.getNameAsString(), v.getInitializer().map(e -> eval(e, s)).orElse(Range.TOP));
    }
    if (element instanceof ForEachStmt f) {
      return s.with(f.getVariableDeclarator().getNameAsString(), Range.TOP);
    }
    if (element instanceof AssignExpr a && a.getTarget() instanceof NameExpr n) {
      Range value = eval(a.getValue(), s);
      Range old = s.get(n.getNameAsString());
      return switch (a.getOperator()) {
        case ASSIGN -> s.with(n.getNameAsString(), value);
        case PLUS -> s.with(n.getNameAsString(), old.plus(value));
        case MINUS -> s.with(n.getNameAsString(), old.plus(value.negate()));
        default -> s.with(n.getNameAsString(), Range.TOP);
      };
    }
    if (element instanceof UnaryExpr u && u.getExpression() instanceof NameExpr n) {
      Range old = s.get(n.getNameAsString());
      return switch (u.getOperator()) {
        case PREFIX_INCREMENT, POSTFIX_INCREMENT -> s.with(n.getNameAsString(), old.plus(Range.of(1)));
        case PREFIX_DECREMENT, POSTFIX_DECREMENT -> s.with(n.getNameAsString(), old.plus(Range.of(-1)));
        default -> s;
      };
    }
    return s;
  }

  static Range eval(Expression e, Env s) {
    if (e instanceof EnclosedExpr en) {
      return eval(en.getInner(), s);
    }
    if (e instanceof IntegerLiteralExpr i) {
      return Range.of(i.asNumber().longValue());
    }
    if (e instanceof NameExpr n) {
      return s.get(n.getNameAsString());
    }
    if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
      return eval(u.getExpression(), s).negate();
    }
    if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      return eval(b.getLeft(), s).plus(eval(b.getRight(), s));
    }
    if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MINUS) {
      return eval(b.getLeft(), s).plus(eval(b.getRight(), s).negate());
    }
    return Range.TOP;
  }

  @Override
  public Env refine(Expression condition, boolean outcome, Env s) {
    if (s.vars == null || !(condition instanceof BinaryExpr b) || !(b.getLeft() instanceof NameExpr n)) {
      return s;
    }
    Range x = s.get(n.getNameAsString());
    Range r = eval(b.getRight(), s);
    BinaryExpr.Operator op = outcome ? b.getOperator() : negation(b.getOperator());
    long lo = x.lo();
    long hi = x.hi();
    switch (op) {
      case LESS -> hi = Math.min(hi, r.hi() == MAX ? MAX : r.hi() - 1);
      case LESS_EQUALS -> hi = Math.min(hi, r.hi());
      case GREATER -> lo = Math.max(lo, r.lo() == MIN ? MIN : r.lo() + 1);
      case GREATER_EQUALS -> lo = Math.max(lo, r.lo());
      case EQUALS -> {
        lo = Math.max(lo, r.lo());
        hi = Math.min(hi, r.hi());
      }
      case NOT_EQUALS -> {
        if (r.lo() == r.hi() && lo == r.lo()) {
          lo++;
        } else if (r.lo() == r.hi() && hi == r.lo()) {
          hi--;
        }
      }
      default -> {
        return s;
      }
    }
    return lo > hi ? Env.BOTTOM : s.with(n.getNameAsString(), new Range(lo, hi));
  }

  private static BinaryExpr.Operator negation(BinaryExpr.Operator op) {
    return switch (op) {
      case LESS -> BinaryExpr.Operator.GREATER_EQUALS;
      case LESS_EQUALS -> BinaryExpr.Operator.GREATER;
      case GREATER -> BinaryExpr.Operator.LESS_EQUALS;
      case GREATER_EQUALS -> BinaryExpr.Operator.LESS;
      case EQUALS -> BinaryExpr.Operator.NOT_EQUALS;
      case NOT_EQUALS -> BinaryExpr.Operator.EQUALS;
      default -> op;
    };
  }

  @Override
  public Env join(Env a, Env b) {
    if (a.vars == null) {
      return b;
    }
    if (b.vars == null) {
      return a;
    }
    Map<String, Range> joined = new HashMap<>();
    a.vars.forEach((name, r) -> {
      Range other = b.vars.get(name);
      if (other != null && !r.join(other).equals(Range.TOP)) {
        joined.put(name, r.join(other));
      }
    });
    return new Env(joined);
  }

  /** Any bound that moved jumps to infinity. */
  @Override
  public Env widen(Env previous, Env next) {
    if (previous.vars == null || next.vars == null) {
      return next;
    }
    Env widened = next;
    for (Map.Entry<String, Range> e : next.vars.entrySet()) {
      Range old = previous.get(e.getKey());
      Range now = e.getValue();
      widened = widened.with(e.getKey(),
          new Range(now.lo() < old.lo() ? MIN : now.lo(), now.hi() > old.hi() ? MAX : now.hi()));
    }
    return widened;
  }

  @Override
  public boolean same(Env a, Env b) {
    return Objects.equals(a.vars, b.vars);
  }
}
