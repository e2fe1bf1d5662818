package dev.nanlint.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

  Consequences(Declarations declarations) {
    this.declarations = declarations;
  }

  /** What happens to a value: it reaches something that keeps it, it only decides comparisons, or nothing reads it. */
  public enum Fate { REACHES_RESULT, ONLY_COMPARED, NEVER_READ }

  /** The fate of {@code value} and, for {@link Fate#ONLY_COMPARED}, the comparisons it decides. */
  public record Outcome(Fate fate, List<BinaryExpr> comparisons) {
    public static final Outcome REACHES = new Outcome(Fate.REACHES_RESULT, List.of());

    /** The first comparison, as a message shows it: its text when short, else its line. */
    public String firstComparison() {
      if (comparisons.isEmpty()) {
        return "";
      }
      String text = Printed.of(comparisons.get(0));
      return text.length() <= 40 ? text : "the comparison at line " + comparisons.get(0).getBegin().map(p -> p.line).orElse(0);
    }
  }

  public Outcome of(Expression value) {
    List<BinaryExpr> comparisons = new ArrayList<>();
    Fate fate = follow(value, comparisons, 0);
    return fate == Fate.REACHES_RESULT ? Outcome.REACHES : new Outcome(fate, List.copyOf(comparisons));
  }

  /** The fate of the value of {@code e}, adding the comparisons it decides to {@code comparisons}. */
  private Fate follow(Expression e, List<BinaryExpr> comparisons, int copies) {
    Node child = e;
    Node parent = e.getParentNode().orElse(null);
    while (parent instanceof EnclosedExpr || parent instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS
        || parent instanceof BinaryExpr b && CARRY.contains(b.getOperator())
        || parent instanceof CastExpr c && Set.of("double", "float").contains(c.getType().asString())
        || parent instanceof ConditionalExpr c && c.getCondition() != child) {
      child = parent;
      parent = parent.getParentNode().orElse(null);
    }
    if (parent instanceof BinaryExpr b && COMPARE.contains(b.getOperator())) {
      comparisons.add(b);
      return Fate.ONLY_COMPARED;
    }
    Optional<VariableDeclarator> local = assignedLocal(parent, child);
    if (local.isEmpty() || copies >= MAX_COPIES) {
      return Fate.REACHES_RESULT;
    }
    Fate fate = Fate.NEVER_READ;
    for (NameExpr read : reads(local.get())) {
      Fate f = follow(read, comparisons, copies + 1);
      if (f == Fate.REACHES_RESULT) {
        return f;
      }
      if (f == Fate.ONLY_COMPARED) {
        fate = Fate.ONLY_COMPARED;
      }
    }
    return fate;
  }

  /**
   * The local variable (declared in a method, not a lambda) that {@code parent} stores {@code child} in:
   * its initializer, or the value of a plain assignment to it.
   */
  private Optional<VariableDeclarator> assignedLocal(Node parent, Node child) {
    if (parent instanceof VariableDeclarator v && v.getInitializer().map(i -> i == child).orElse(false)) {
      return isMethodLocal(v) ? Optional.of(v) : Optional.empty();
    }
    if (parent instanceof AssignExpr a && a.getOperator() == AssignExpr.Operator.ASSIGN && a.getValue() == child
        && a.getTarget() instanceof NameExpr target && !(a.getParentNode().orElse(null) instanceof Expression)) {
      return declarations.find(target, target.getNameAsString())
          .filter(d -> d.kind() == Declarations.Kind.LOCAL && d.node() instanceof VariableDeclarator)
          .map(d -> (VariableDeclarator) d.node()).filter(Consequences::isMethodLocal);
    }
    return Optional.empty();
  }

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
  private List<NameExpr> reads(VariableDeclarator local) {
    Node method = local.findAncestor(CallableDeclaration.class).map(m -> (Node) m).orElse(local);
    List<NameExpr> reads = new ArrayList<>();
    String name = local.getNameAsString();
    for (NameExpr n : method.findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
      // a name that resolves nowhere (a sibling declarator: `v = a / b, w = log(v)`) may be this variable
      boolean same = declarations.find(n, name).map(d -> d.node() == local).orElse(true);
      Node parent = n.getParentNode().orElse(null);
      boolean written = parent instanceof AssignExpr a && a.getTarget() == n && a.getOperator() == AssignExpr.Operator.ASSIGN;
      if (same && !written) {
        reads.add(n);
      }
    }
    return reads;
  }
}
