package dev.nanlint.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithBody;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.nanlint.analysis.models.NanTests;
import dev.nanlint.engine.DeadBranches;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Where the value of an expression goes, as far as its method shows: the difference between a NaN that
 * reaches a result (returned, stored, passed on, printed) and one that is computed and then only compared
 * or never read. A comparison with NaN is false, which is often the intended outcome ({@code if (gain > best)}
 * skips the degenerate case), so such a value decides a branch but cannot spread; a value nobody reads cannot
 * do anything. Arithmetic and widening casts carry the value on (a NaN stays NaN); local variables are
 * followed through every read of them in the method.
 */
public final class Consequences {
  private static final Set<BinaryExpr.Operator> CARRY = Set.of(BinaryExpr.Operator.PLUS, BinaryExpr.Operator.MINUS,
      BinaryExpr.Operator.MULTIPLY, BinaryExpr.Operator.DIVIDE, BinaryExpr.Operator.REMAINDER);
  private static final Set<BinaryExpr.Operator> COMPARE = Set.of(BinaryExpr.Operator.LESS,
      BinaryExpr.Operator.LESS_EQUALS, BinaryExpr.Operator.GREATER, BinaryExpr.Operator.GREATER_EQUALS,
      BinaryExpr.Operator.EQUALS, BinaryExpr.Operator.NOT_EQUALS);
  /** How many local variables deep a value is followed before it counts as going anywhere. */
  private static final int MAX_COPIES = 4;

  private final Declarations declarations;
  private final Api api;
  private final Constants constants;

  Consequences(Declarations declarations, Api api, Constants constants) {
    this.declarations = declarations;
    this.api = api;
    this.constants = constants;
  }

  /** What happens to a value: it reaches something that keeps it, it only decides comparisons, or nothing reads it. */
  public enum Fate {
    REACHES_RESULT,
    /** Returned by a method that also returns NaN on purpose ({@code return Double.NaN;}): its callers expect NaN. */
    NAN_BY_CONTRACT,
    /** Converted to an integer ({@code (int) v}, {@code Math.round(v)}): NaN becomes 0, Infinity the largest integer. */
    CONVERTED,
    /**
     * A NaN that stops at a comparison of its local ({@code if (sd > 0)}) guarding every other read: the branch
     * treats it as the zero case. Only for a value that can be NaN but not infinite ({@link #ofNaN}).
     */
    GUARDED,
    /**
     * Stored, then tested for NaN by the same block, which exits when the test finds one
     * ({@code c.fx = sqrt(v); if (UtilEjml.isUncountable(c.fx)) return false;}): the method reports the failure.
     */
    CHECKED_AFTER,
    ONLY_COMPARED,
    NEVER_READ
  }

  /**
   * The fate of {@code value} and what decides it: for {@link Fate#ONLY_COMPARED} the comparisons, for
   * {@link Fate#NAN_BY_CONTRACT} the {@code return Double.NaN} and for {@link Fate#CONVERTED} the conversion.
   */
  public record Outcome(Fate fate, List<? extends Node> deciding) {
    public static final Outcome REACHES = new Outcome(Fate.REACHES_RESULT, List.of());

    /** The first comparison (or return, or conversion), as a message shows it: its text when short, else its line. */
    public String firstComparison() {
      if (deciding.isEmpty()) {
        return "";
      }
      Node first = deciding.get(0);
      String text = first instanceof Expression e ? Printed.of(e) : first.toString();
      return text.length() <= 40 ? text : "the " + (fate == Fate.ONLY_COMPARED ? "comparison" : "statement") + " at line "
          + first.getBegin().map(p -> p.line).orElse(0);
    }

    /** Whether what decides the fate is a comparison ({@code sd > 0}), not a test such as {@code Double.isNaN(r)}. */
    public boolean decidedByComparison() {
      return !deciding.isEmpty() && deciding.get(0) instanceof BinaryExpr;
    }

    /** The line of what decides the fate. */
    public int line() {
      return deciding.isEmpty() ? 0 : deciding.get(0).getBegin().map(p -> p.line).orElse(0);
    }
  }

  public Outcome of(Expression value) {
    return of(value, NonFinite.ANY);
  }

  /**
   * Which non-finite values a value can take, for the comparisons that keep them out of a branch: NaN fails
   * every comparison but {@code !=}; -Infinity also fails {@code v > c}; an Infinity of either sign passes some.
   */
  public enum NonFinite {
    /** NaN, never infinite: a sqrt of a negative, an acos past 1. */
    NAN,
    /** -Infinity or NaN, never +Infinity: a log of 0 or of a negative. */
    NAN_OR_MINUS_INFINITY,
    /** An infinity, never NaN: an exp that overflows. */
    INFINITY,
    ANY;

    boolean nan() {
      return this != INFINITY;
    }

    boolean infinite() {
      return this != NAN;
    }
  }

  /**
   * The fate of {@code value} when it can be NaN or -Infinity but never +Infinity (a log): a read inside
   * {@code if (v > c)}, or {@code v > c ? v : sentinel}, is out of its reach while the value is only added to,
   * cast or bounded on its way there (a subtraction from it, a product or a negation may turn its sign).
   */
  public Outcome ofMinusInfinity(Expression value) {
    return of(value, NonFinite.NAN_OR_MINUS_INFINITY);
  }

  /** The fate of {@code value} when it can take the non-finite values {@code kind}. */
  public Outcome of(Expression value, NonFinite kind) {
    List<Node> deciding = new ArrayList<>();
    Fate fate = follow(value, deciding, 0, kind);
    if (fate == Fate.REACHES_RESULT && kind != NonFinite.ANY) {
      Optional<Expression> check = checkedAfterwards(value, kind);
      if (check.isPresent()) {
        return new Outcome(Fate.CHECKED_AFTER, List.of(check.get()));
      }
    }
    return fate == Fate.REACHES_RESULT ? Outcome.REACHES : new Outcome(fate, List.copyOf(deciding));
  }

  /**
   * A NaN test of where {@code value} is stored (the local or field its statement assigns, also along a chain
   * {@code double fy = c.fy = sqrt(v)}) in an {@code if} later in the same block that exits when the test finds
   * a non-finite value, with no return of a computed value on the way: the NaN is caught before the method
   * completes normally. The test must rule out {@code kind} when it fails ({@code isUncountable}, {@code !isFinite},
   * {@code isNaN} for a value that is never infinite), alone or as a disjunct.
   */
  private Optional<Expression> checkedAfterwards(Expression value, NonFinite kind) {
    Set<String> stored = new java.util.HashSet<>();
    Node n = value;
    Node parent = n.getParentNode().orElse(null);
    while (parent instanceof EnclosedExpr || parent instanceof AssignExpr a && a.getValue() == n
        && a.getOperator() == AssignExpr.Operator.ASSIGN
        || parent instanceof VariableDeclarator v && v.getInitializer().orElse(null) == n) {
      if (parent instanceof AssignExpr a) {
        stored.add(Printed.of(a.getTarget()));
      } else if (parent instanceof VariableDeclarator v) {
        stored.add(v.getNameAsString());
      }
      n = parent;
      parent = n.getParentNode().orElse(null);
    }
    Optional<Statement> statement = n.findAncestor(Statement.class);
    if (stored.isEmpty() || statement.isEmpty() || !(statement.get().getParentNode().orElse(null) instanceof BlockStmt block)) {
      return Optional.empty();
    }
    boolean after = false;
    for (Statement later : block.getStatements()) {
      if (later == statement.get()) {
        after = true;
        continue;
      }
      if (!after) {
        continue;
      }
      if (later instanceof IfStmt test && test.getElseStmt().isEmpty() && signalsFailure(test.getThenStmt())) {
        Optional<Expression> found = failingTest(test.getCondition(), stored, kind);
        if (found.isPresent()) {
          return found;
        }
      }
      if (later.findFirst(ReturnStmt.class, r -> r.getExpression().filter(e -> !e.isLiteralExpr()).isPresent()).isPresent()) {
        return Optional.empty(); // a value computed with the NaN may leave before the test
      }
    }
    return Optional.empty();
  }

  /**
   * A branch that ends by setting {@code local} anew ({@code if (Double.isInfinite(e)) e = Double.MAX_VALUE;}): past
   * it, the value the test caught is gone, as after an exit.
   */
  private static boolean replaces(Statement branch, VariableDeclarator local) {
    Statement last = branch instanceof BlockStmt b && !b.getStatements().isEmpty()
        ? b.getStatements().get(b.getStatements().size() - 1) : branch;
    return last instanceof com.github.javaparser.ast.stmt.ExpressionStmt es && es.getExpression() instanceof AssignExpr a
        && a.getOperator() == AssignExpr.Operator.ASSIGN && a.getTarget() instanceof NameExpr n
        && n.getNameAsString().equals(local.getNameAsString());
  }

  /**
   * A branch that tells the caller the computation failed: it always exits, by a throw or by returning a constant
   * ({@code return false}, {@code return null}), not by a bare {@code return} that leaves what was stored in place.
   */
  private static boolean signalsFailure(Statement branch) {
    return Guards.alwaysExits(branch) && branch.findAll(ReturnStmt.class).stream()
        .allMatch(r -> r.getExpression().filter(Expression::isLiteralExpr).isPresent());
  }

  /**
   * A NaN test of one of {@code stored} that rules out {@code kind} when {@code condition} is false, with the
   * negation around it as the message shows it ({@code !Double.isFinite(fx)}).
   */
  private Optional<Expression> failingTest(Expression condition, Set<String> stored, NonFinite kind) {
    Tested test = new Tested(a -> stored.contains(Printed.of(a)), x -> Optional.empty());
    return decisive(condition, false, test, kind).map(check -> check.getParentNode()
        .filter(p -> p instanceof UnaryExpr not && not.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT)
        .map(Expression.class::cast).orElse(check));
  }

  /**
   * The fate of {@code value} when it can be NaN but never infinite (a sqrt of a negative, an acos past 1): then
   * a read inside {@code if (v > 0)} of the local holding it is out of its reach as well, since the comparison
   * is false for NaN (an Infinity would pass it).
   */
  public Outcome ofNaN(Expression value) {
    return of(value, NonFinite.NAN);
  }

  /**
   * The fate of the value of {@code e}, adding what decides it to {@code deciding}. Of several reads, the
   * strongest fate wins: reaching a result, then NaN by contract, then a conversion, then comparisons.
   */
  private Fate follow(Expression e, List<Node> deciding, int copies, NonFinite kind) {
    Node child = e;
    Node parent = e.getParentNode().orElse(null);
    while (parent instanceof EnclosedExpr || parent instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS
        || parent instanceof BinaryExpr b && CARRY.contains(b.getOperator())
        || parent instanceof CastExpr c && Set.of("double", "float").contains(c.getType().asString())
        || parent instanceof ConditionalExpr c && c.getCondition() != child
        || parent instanceof MethodCallExpr m && carriesNaN(m, child)) {
      if (kind == NonFinite.NAN_OR_MINUS_INFINITY && !keepsSign(parent, child)) {
        kind = NonFinite.ANY;
      }
      child = parent;
      parent = parent.getParentNode().orElse(null);
    }
    if (parent instanceof BinaryExpr b && COMPARE.contains(b.getOperator())
        || parent instanceof MethodCallExpr m && isCheckOf(m, child)) {
      deciding.add(parent); // Double.isNaN(v) decides a branch, as a comparison does
      return Fate.ONLY_COMPARED;
    }
    if (parent instanceof CastExpr c && INTEGRAL.contains(c.getType().asString())
        || parent instanceof MethodCallExpr round && api.isMath(round, "round")
            && round.getArguments().size() == 1 && round.getArgument(0) == child) {
      deciding.add(parent);
      return Fate.CONVERTED;
    }
    if (parent instanceof ReturnStmt ret) {
      Optional<ReturnStmt> sentinel = nanReturn(ret);
      if (sentinel.isPresent()) {
        deciding.add(sentinel.get());
        return Fate.NAN_BY_CONTRACT;
      }
      return Fate.REACHES_RESULT;
    }
    if (copies >= MAX_COPIES) {
      return Fate.REACHES_RESULT;
    }
    Optional<VariableDeclarator> local = assignedLocal(parent, child);
    Optional<VariableDeclarator> array = local.isPresent() ? Optional.empty() : assignedLocalArray(parent, child);
    if (local.isEmpty() && array.isEmpty()) {
      return Fate.REACHES_RESULT;
    }
    VariableDeclarator holder = local.orElseGet(array::get);
    Optional<List<Expression>> reads = local.isPresent() ? Optional.of(reads(holder)) : elementReads(holder, parent);
    if (reads.isEmpty()) {
      return Fate.REACHES_RESULT; // the array itself goes somewhere: returned, passed on, aliased
    }
    Fate fate = Fate.NEVER_READ;
    List<Node> strongest = new ArrayList<>();
    for (Expression read : reads.get()) {
      if (DeadBranches.isDead(read)) {
        continue; // if (DEBUG) print(v) with DEBUG false: compiled out
      }
      List<Node> mine = new ArrayList<>();
      Optional<Expression> guard = kind == NonFinite.ANY ? Optional.empty() : excludingGuard(read, holder, parent, kind);
      if (guard.isPresent()) {
        mine.add(guard.get());
      }
      Fate f = guard.isPresent() ? Fate.GUARDED : follow(read, mine, copies + 1, kind);
      if (f == Fate.REACHES_RESULT) {
        return f;
      }
      if (f.ordinal() < fate.ordinal()) {
        fate = f;
        strongest.clear();
      }
      if (f == fate) {
        strongest.addAll(mine);
      }
    }
    deciding.addAll(strongest);
    return fate;
  }

  /**
   * A test of the same variable that keeps the value out of {@code read}: a comparison that must hold for it to
   * run ({@code if (den > 0) x / den}, {@code den >= eps ? x / den : 0}, also as a conjunct of {@code &&}); a
   * NaN check it must fail ({@code Double.isNaN(r) ? 0 : r}, the else of {@code if (!Double.isFinite(r))}); or an
   * earlier exit on such a check in the same block ({@code if (r < 0 || Double.isNaN(r)) return 0;}). A comparison
   * with NaN is false (other than {@code !=}), so a NaN never reaches such a read: the branch handles it as it
   * handles the zero case; a -Infinity fails only the comparisons that want the variable greater
   * ({@code score > -100 ? score : MIN}).
   */
  private Optional<Expression> excludingGuard(Expression read, VariableDeclarator local, Node store, NonFinite kind) {
    Node child = read;
    for (Node parent = read.getParentNode().orElse(null); parent != null && !(parent instanceof CallableDeclaration)
        && !(parent instanceof LambdaExpr); child = parent, parent = parent.getParentNode().orElse(null)) {
      Expression condition = null;
      boolean holds = true;
      if (parent instanceof IfStmt i) {
        condition = i.getCondition();
        holds = i.getThenStmt() == child;
        if (!holds && !(i.getElseStmt().isPresent() && i.getElseStmt().get() == child)) {
          condition = null;
        }
      } else if (parent instanceof ConditionalExpr c && c.getCondition() != child) {
        condition = c.getCondition();
        holds = c.getThenExpr() == child;
      } else if (parent instanceof BlockStmt block) {
        Optional<Expression> exit = earlierExit(block, child, local, read, store, kind);
        if (exit.isPresent()) {
          return exit;
        }
      }
      // the test must be of the value stored, not an earlier one
      Optional<Expression> found = condition == null || !after(condition, store) ? Optional.empty()
          : decisive(condition, holds, tested(local, read, kind), kind);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** {@code if (test) return ...;} (or throw, break, continue) before {@code child} in {@code block}, where a false test keeps the value out. */
  private Optional<Expression> earlierExit(BlockStmt block, Node child, VariableDeclarator local, Expression read,
      Node store, NonFinite kind) {
    for (Statement earlier : block.getStatements()) {
      if (earlier == child) {
        break;
      }
      if (earlier instanceof IfStmt exit && exit.getElseStmt().isEmpty()
          && (Guards.alwaysExits(exit.getThenStmt()) || replaces(exit.getThenStmt(), local)) && after(exit, store)) {
        Optional<Expression> found = decisive(exit.getCondition(), false, tested(local, read, kind), kind);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * What a condition may test: the NaN tests of arguments {@code isValue} accepts, and the comparisons
   * {@code comparison} finds that keep the value's non-finite values out.
   */
  private record Tested(Predicate<Expression> isValue, Function<Expression, Optional<BinaryExpr>> comparison) {}

  /** The local (or the same element of the local array) that {@code read} reads, as its tests see it. */
  private Tested tested(VariableDeclarator local, Expression read, NonFinite kind) {
    return new Tested(a -> readsSame(a, local, read),
        x -> comparisonOf(x, local, read).filter(b -> excludes(b, local, read, kind)));
  }

  /**
   * The part of {@code condition} that, when the whole condition is {@code holds}, keeps every non-finite value of
   * {@code kind} away from the value: a comparison that holds, {@code Double.isNaN(v)} that fails (a NaN alone),
   * {@code Double.isFinite(v)} that holds; through {@code !}, a conjunct that holds, a disjunct that fails.
   */
  private Optional<Expression> decisive(Expression condition, boolean holds, Tested tested, NonFinite kind) {
    Expression x = condition;
    while (x instanceof EnclosedExpr enclosed) {
      x = enclosed.getInner();
    }
    if (x instanceof UnaryExpr not && not.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      return decisive(not.getExpression(), !holds, tested, kind);
    }
    if (x instanceof BinaryExpr both && (holds && both.getOperator() == BinaryExpr.Operator.AND
        || !holds && both.getOperator() == BinaryExpr.Operator.OR)) {
      return decisive(both.getLeft(), holds, tested, kind).or(() -> decisive(both.getRight(), holds, tested, kind));
    }
    if (x instanceof MethodCallExpr check && checkedArgument(check).filter(tested.isValue()).isPresent()) {
      boolean excluded = NanTests.of(check, api).orElseThrow().excludes(holds, kind.nan(), kind.infinite());
      return excluded ? Optional.of(check) : Optional.empty();
    }
    return holds ? tested.comparison().apply(x).map(Expression.class::cast) : Optional.empty();
  }

  /** The argument a NaN test ({@link NanTests}: {@code Double.isNaN(v)}, {@code UtilEjml.isUncountable(v)}...) tests. */
  private Optional<Expression> checkedArgument(MethodCallExpr m) {
    return NanTests.of(m, api).map(test -> m.getArgument(0));
  }

  private boolean isCheckOf(MethodCallExpr m, Node argument) {
    Optional<Expression> checked = checkedArgument(m);
    return checked.isPresent() && checked.get() == argument;
  }

  /**
   * The comparison in {@code condition} (itself or one conjunct of {@code &&}) of what {@code read} reads: the
   * local, or the same element of the local array ({@code if (sd[j] > 0) x / sd[j]}, the index written alike).
   */
  private Optional<BinaryExpr> comparisonOf(Expression condition, VariableDeclarator local, Expression read) {
    Expression x = condition;
    while (x instanceof EnclosedExpr enclosed) {
      x = enclosed.getInner();
    }
    if (x instanceof BinaryExpr and && and.getOperator() == BinaryExpr.Operator.AND) {
      return comparisonOf(and.getLeft(), local, read).or(() -> comparisonOf(and.getRight(), local, read));
    }
    return x instanceof BinaryExpr b && COMPARE.contains(b.getOperator()) && b.getOperator() != BinaryExpr.Operator.NOT_EQUALS
        && (readsSame(b.getLeft(), local, read) || readsSame(b.getRight(), local, read)) ? Optional.of(b) : Optional.empty();
  }

  /** Whether the comparison {@code b} of the variable is false for every non-finite value of {@code kind}. */
  private boolean excludes(BinaryExpr b, VariableDeclarator local, Expression read, NonFinite kind) {
    if (kind == NonFinite.NAN) {
      return true;
    }
    if (kind == NonFinite.INFINITY) {
      return false; // an infinity of either sign passes some comparison: only a test for it is read
    }
    boolean onLeft = readsSame(b.getLeft(), local, read);
    Expression other = onLeft ? b.getRight() : b.getLeft();
    boolean wantsGreater = switch (b.getOperator()) {
      case GREATER, GREATER_EQUALS -> onLeft;
      case LESS, LESS_EQUALS -> !onLeft;
      default -> false;
    };
    boolean inclusive = b.getOperator() == BinaryExpr.Operator.GREATER_EQUALS
        || b.getOperator() == BinaryExpr.Operator.LESS_EQUALS;
    // -Infinity >= x holds for x = -Infinity: an inclusive bound must be a constant known to be above it
    return wantsGreater && !(inclusive && !(constants.value(other) > Double.NEGATIVE_INFINITY));
  }

  /**
   * Whether the step from {@code child} to {@code parent} keeps a -Infinity from becoming +Infinity: adding,
   * subtracting something from it, a widening cast, an arm of a choice, a monotone increasing function.
   */
  private boolean keepsSign(Node parent, Node child) {
    if (parent instanceof EnclosedExpr || parent instanceof CastExpr || parent instanceof ConditionalExpr) {
      return true;
    }
    if (parent instanceof BinaryExpr b) {
      return b.getOperator() == BinaryExpr.Operator.PLUS
          || b.getOperator() == BinaryExpr.Operator.MINUS && b.getLeft() == child;
    }
    return parent instanceof MethodCallExpr m && INCREASING.contains(m.getNameAsString());
  }

  /** Math functions that never turn -Infinity into +Infinity. */
  private static final Set<String> INCREASING = Set.of("max", "min", "floor", "ceil", "rint", "exp", "log", "log10",
      "log1p", "sqrt", "cbrt", "expm1");

  private boolean readsSame(Expression e, VariableDeclarator local, Expression read) {
    Expression x = e;
    while (x instanceof EnclosedExpr enclosed) {
      x = enclosed.getInner();
    }
    if (read instanceof ArrayAccessExpr element) {
      return x instanceof ArrayAccessExpr other && isLocal(other.getName(), local)
          && Printed.of(other.getIndex()).equals(Printed.of(element.getIndex()));
    }
    return isLocal(x, local);
  }

  private boolean isLocal(Expression x, VariableDeclarator local) {
    return x instanceof NameExpr n && n.getNameAsString().equals(local.getNameAsString())
        && declarations.find(n, n.getNameAsString()).map(d -> d.node() == local).orElse(false);
  }

  /** {@code later} begins after {@code earlier} ends in the text. */
  private static boolean after(Node later, Node earlier) {
    return later.getBegin().isPresent() && earlier.getEnd().isPresent() && earlier.getEnd().get().isBefore(later.getBegin().get());
  }

  private static final Set<String> INTEGRAL = Set.of("int", "long", "short", "byte", "char");

  /**
   * {@code Math.floor(v)}, {@code Math.abs(v)}, {@code Math.max(v, c)}...: a function of the JDK's or
   * commons-math's Math class that returns a double for {@code v} returns NaN for NaN (and keeps an
   * infinity or saturates it), so the value goes where the call goes. {@code round} converts, see below.
   */
  private boolean carriesNaN(MethodCallExpr m, Node child) {
    return !m.getNameAsString().equals("round") && m.getArguments().stream().anyMatch(a -> a == child)
        && api.mathFunction(m).isPresent();
  }

  /**
   * Another {@code return Double.NaN;} (or {@code Float.NaN}) of the method that {@code ret} returns from:
   * the method's result includes NaN by design (a "no similarity" or "undefined" answer), so its callers
   * must test for it.
   */
  private static Optional<ReturnStmt> nanReturn(ReturnStmt ret) {
    Optional<CallableDeclaration> method = ret.findAncestor(CallableDeclaration.class);
    if (method.isEmpty() || ret.findAncestor(LambdaExpr.class).filter(l -> l.isDescendantOf(method.get())).isPresent()) {
      return Optional.empty();
    }
    return ((Node) method.get()).findAll(ReturnStmt.class).stream()
        .filter(r -> r != ret && r.getExpression().map(Consequences::isNaNConstant).orElse(false))
        .filter(r -> r.findAncestor(CallableDeclaration.class).filter(m -> m == method.get()).isPresent())
        .findFirst();
  }

  private static boolean isNaNConstant(Expression e) {
    Expression x = e;
    while (x instanceof EnclosedExpr enclosed) {
      x = enclosed.getInner();
    }
    return x instanceof FieldAccessExpr f && f.getNameAsString().equals("NaN")
        && (f.getScope().toString().equals("Double") || f.getScope().toString().equals("Float"));
  }

  /**
   * The local variable (declared in a method, not a lambda) that {@code parent} stores {@code child} in:
   * its initializer, or the value of a plain assignment to it.
   */
  private Optional<VariableDeclarator> assignedLocal(Node parent, Node child) {
    if (parent instanceof VariableDeclarator v && v.getInitializer().map(i -> i == child).orElse(false)) {
      return isMethodLocal(v) ? Optional.of(v) : Optional.empty();
    }
    return storeTarget(parent, child).filter(NameExpr.class::isInstance).flatMap(t -> methodLocal((NameExpr) t));
  }

  /**
   * What a statement {@code target = child} or {@code target += child} (and the other accumulating operators)
   * stores {@code child} in; empty when {@code parent} is no such store or the assignment is itself a value.
   */
  private static Optional<Expression> storeTarget(Node parent, Node child) {
    return parent instanceof AssignExpr a && (a.getOperator() == AssignExpr.Operator.ASSIGN || ACCUMULATE.contains(a.getOperator()))
        && a.getValue() == child && !(a.getParentNode().orElse(null) instanceof Expression)
        ? Optional.of(a.getTarget()) : Optional.empty();
  }

  /** The local variable (declared in a method, not a lambda) that {@code name} refers to. */
  private Optional<VariableDeclarator> methodLocal(NameExpr name) {
    return declarations.find(name, name.getNameAsString())
        .filter(d -> d.kind() == Declarations.Kind.LOCAL && d.node() instanceof VariableDeclarator)
        .map(d -> (VariableDeclarator) d.node()).filter(Consequences::isMethodLocal);
  }

  /**
   * The local array that {@code parent} stores {@code child} in as an element ({@code sd[j] = Math.sqrt(v)}):
   * created by its method (not a lambda) in its declaration, so no one else holds it (a for-each row or a
   * model's {@code getData()} is someone else's array).
   */
  private Optional<VariableDeclarator> assignedLocalArray(Node parent, Node child) {
    return storeTarget(parent, child)
        .filter(t -> t instanceof ArrayAccessExpr element && element.getName() instanceof NameExpr)
        .flatMap(t -> methodLocal((NameExpr) ((ArrayAccessExpr) t).getName()))
        .filter(v -> v.getInitializer().filter(i -> i instanceof ArrayCreationExpr || i instanceof ArrayInitializerExpr).isPresent());
  }

  /**
   * Every read of an element of the local array {@code local} in its method that can see what {@code store}
   * wrote ({@code sd[j]} outside a plain write to it); empty when the array itself is used otherwise
   * (returned, passed, aliased, iterated, indexed twice), since its elements may then be read out of sight.
   * Its {@code length} tells nothing of the values; a read that runs before the store (earlier, and in no
   * loop with it) cannot see it, nor can a read inside the stored value ({@code s[i] = Math.sqrt(s[i] - m)}),
   * which only feeds the store itself.
   */
  private Optional<List<Expression>> elementReads(VariableDeclarator local, Node store) {
    Node method = local.findAncestor(CallableDeclaration.class).map(m -> (Node) m).orElse(local);
    Node stored = ((AssignExpr) store).getValue();
    List<Expression> reads = new ArrayList<>();
    String name = local.getNameAsString();
    for (NameExpr n : method.findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
      if (!declarations.find(n, name).map(d -> d.node() == local).orElse(true)) {
        continue;
      }
      Node use = n.getParentNode().orElse(null);
      if (use instanceof FieldAccessExpr f && f.getNameAsString().equals("length")) {
        continue;
      }
      if (!(use instanceof ArrayAccessExpr element) || element.getName() != n // incl. `sd = other`: another array
          || element.getParentNode().orElse(null) instanceof ArrayAccessExpr || inNestedCode(n, method)) {
        return Optional.empty(); // the array itself is handed on, or read by code that runs at another time
      }
      if (n.isDescendantOf(stored) || after(store, n) && !inOneLoop(n, store)) { // read before the store
        continue;
      }
      boolean written = element.getParentNode().orElse(null) instanceof AssignExpr a && a.getTarget() == element
          && a.getOperator() == AssignExpr.Operator.ASSIGN;
      if (!written) {
        reads.add(element); // an element's compound assignment reads and keeps it: followed like a read
      }
    }
    return Optional.of(reads);
  }

  /** Inside a lambda or a class body nested in {@code method}: code that may run before or after anything here. */
  private static boolean inNestedCode(Node n, Node method) {
    for (Node p = n.getParentNode().orElse(null); p != null && p != method; p = p.getParentNode().orElse(null)) {
      if (p instanceof LambdaExpr || p instanceof TypeDeclaration<?>
          || p instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** Some loop encloses both, so a read earlier in the text may run after the store, on the next iteration. */
  private static boolean inOneLoop(Node read, Node store) {
    for (Node p = read.getParentNode().orElse(null); p != null && !(p instanceof CallableDeclaration); p = p.getParentNode().orElse(null)) {
      if (p instanceof NodeWithBody<?> && store.isDescendantOf(p)) {
        return true;
      }
    }
    return false;
  }

  /** {@code s += v}: v's NaN goes where s goes. */
  private static final Set<AssignExpr.Operator> ACCUMULATE = Set.of(AssignExpr.Operator.PLUS,
      AssignExpr.Operator.MINUS, AssignExpr.Operator.MULTIPLY, AssignExpr.Operator.DIVIDE);

  private static boolean isMethodLocal(VariableDeclarator v) {
    for (Node p = v.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof LambdaExpr) {
        return false;
      }
      if (p instanceof CallableDeclaration<?>) {
        return true;
      }
    }
    return false; // a field
  }

  /**
   * Every read of {@code local} in its method. A compound assignment ({@code s += x}) or an increment reads
   * and keeps it, and a read inside a lambda may run anywhere: both count as reaching a result (by returning
   * the read itself, whose parent is then not a comparison).
   */
  private List<Expression> reads(VariableDeclarator local) {
    Node method = local.findAncestor(CallableDeclaration.class).map(m -> (Node) m).orElse(local);
    List<Expression> reads = new ArrayList<>();
    String name = local.getNameAsString();
    for (NameExpr n : method.findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
      // a name that resolves nowhere (a sibling declarator: `v = a / b, w = log(v)`) may be this variable
      boolean same = declarations.find(n, name).map(d -> d.node() == local).orElse(true);
      Node parent = n.getParentNode().orElse(null);
      // a plain write replaces the value; s += x keeps it in s, which is followed anyway
      boolean written = parent instanceof AssignExpr a && a.getTarget() == n
          && (a.getOperator() == AssignExpr.Operator.ASSIGN || ACCUMULATE.contains(a.getOperator()));
      if (same && !written) {
        reads.add(n);
      }
    }
    return reads;
  }

  /** {@code Math.max(-10, Math.log(x))}: the caller already clips the -Infinity away. */
  public boolean clippedBelow(MethodCallExpr log) {
    return log.getParentNode().filter(MethodCallExpr.class::isInstance).map(MethodCallExpr.class::cast)
        .filter(outer -> api.isMath(outer, "max") && outer.getArguments().size() == 2)
        .map(outer -> outer.getArguments().stream().anyMatch(arg -> arg != log && !Double.isNaN(constants.value(arg))))
        .orElse(false);
  }

  /** {@code Math.min(p, 1 - EPS)}: one bound is a constant below 1, so {@code -min} stays above -1 where it is used. */
  public boolean cappedBelowOne(Expression e) {
    while (e instanceof EnclosedExpr enclosed) {
      e = enclosed.getInner();
    }
    return e instanceof MethodCallExpr min && api.isMath(min, "min") && min.getArguments().size() == 2
        && min.getArguments().stream().anyMatch(bound -> constants.value(bound) < 1);
  }
}
