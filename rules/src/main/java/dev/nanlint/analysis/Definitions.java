package dev.nanlint.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.nanlint.engine.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which definitions of a local variable can reach a use, as expressions (where {@link Values} folds
 * them into signs at once): the nearest definition that always runs (the declaration or a plain
 * assignment), the assignments that may run in between (in branches, and anywhere in an enclosing
 * loop), and {@code if (c > 1) c = 1;} clamps, whose earlier definitions survive only where the
 * condition was false. Used by analyses that need more than signs: where a value came from
 * ({@link Origins}).
 */
public final class Definitions {

  /**
   * One definition that can reach a use: the assigned expression, or null when it is unknown (an
   * incoming parameter, a compound update such as {@code +=}, a declaration without initializer), and the
   * conditions that held for it to survive to the use (from {@code if}-clamps passed on the way).
   */
  public record Def(Expression value, List<Guards.Fact> facts) {}

  private final Declarations declarations;

  Definitions(Declarations declarations) {
    this.declarations = declarations;
  }

  /**
   * The definitions of the local, parameter or final field {@code use} names that can reach it. Empty
   * when the name is not declared in this file; a single unknown definition for mutable fields.
   */
  public List<Def> reaching(NameExpr use) {
    Optional<Declarations.Declaration> found = declarations.find(use, use.getNameAsString());
    if (found.isEmpty()) {
      return List.of();
    }
    Declarations.Declaration decl = found.get();
    List<Def> out = new ArrayList<>();
    if (decl.kind() == Declarations.Kind.FIELD) {
      out.add(new Def(decl.isFinal() ? decl.initializer().orElse(null) : null, List.of()));
      return out;
    }
    if (decl.node().getParentNode().flatMap(Node::getParentNode).filter(ForEachStmt.class::isInstance).isPresent()) {
      out.add(new Def(null, List.of()));
      return out;
    }
    walk(use, decl, List.of(), out);
    return out;
  }

  /** The declaration of the local {@code use} names, when it is a local variable or parameter of this file. */
  public Optional<Declarations.Declaration> local(NameExpr use) {
    return declarations.find(use, use.getNameAsString()).filter(d -> d.kind() != Declarations.Kind.FIELD);
  }

  private void walk(Node from, Declarations.Declaration decl, List<Guards.Fact> facts, List<Def> out) {
    String name = decl.name();
    Node child = from;
    for (Node p = from.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
      if (p instanceof LambdaExpr && !decl.node().isDescendantOf(p)) {
        // a local captured by a lambda is effectively final: its initializer is its value
        out.add(new Def(decl.initializer().orElse(null), facts));
        return;
      }
      if (p instanceof CallableDeclaration<?> || p instanceof LambdaExpr || p instanceof TypeDeclaration<?>) {
        out.add(new Def(null, facts)); // a parameter's incoming value
        return;
      }
      boolean declaredInside = decl.node().isDescendantOf(p);
      if (isLoop(p) && !declaredInside) {
        collect(p, name, facts, out);
      }
      if (p instanceof ForStmt loop && declaredInside) {
        collect(loop, name, facts, out);
        out.add(new Def(decl.initializer().orElse(null), facts));
        return;
      }
      NodeList<Statement> statements = p instanceof BlockStmt block ? block.getStatements()
          : p instanceof SwitchEntry entry ? entry.getStatements() : null;
      if (statements == null || !(child instanceof Statement current)) {
        continue;
      }
      for (int i = Nodes.indexOf(statements, current) - 1; i >= 0; i--) {
        Statement s = statements.get(i);
        if (s instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr vars
            && vars.getVariables().stream().anyMatch(v -> v == decl.node())) {
          out.add(new Def(decl.initializer().orElse(null), facts));
          return;
        }
        AssignExpr kill = plainAssignment(s, name);
        if (kill != null) {
          out.add(new Def(isSelfUpdate(kill, name) ? null : kill.getValue(), facts));
          return;
        }
        if (s instanceof IfStmt ifs) {
          // if (c > 1) c = 1; [else if (c < -1) c = -1;] [else c = ...;]: every branch assigns
          List<AssignExpr> assigned = new ArrayList<>();
          List<Guards.Fact> survived = new ArrayList<>(facts);
          Boolean complete = assignmentChain(ifs, name, assigned, survived);
          if (complete != null) {
            for (AssignExpr a : assigned) {
              out.add(new Def(isSelfUpdate(a, name) ? null : a.getValue(), facts));
            }
            if (!complete) {
              walk(s, decl, List.copyOf(survived), out);
            }
            return;
          }
        }
        collect(s, name, facts, out);
      }
    }
  }

  /**
   * An if/else-if chain whose every branch is a plain assignment to {@code name}: collects the
   * assignments, and the conditions that are false when no branch ran. Returns null when it is not such
   * a chain, true when a final {@code else} makes the assignment certain, false when the earlier value
   * survives where every condition was false.
   */
  private static Boolean assignmentChain(IfStmt first, String name, List<AssignExpr> assigned, List<Guards.Fact> survived) {
    IfStmt current = first;
    while (true) {
      AssignExpr a = plainAssignment(current.getThenStmt(), name);
      if (a == null) {
        return null;
      }
      assigned.add(a);
      survived.add(new Guards.Fact(current.getCondition(), false));
      if (current.getElseStmt().isEmpty()) {
        return false;
      }
      Statement otherwise = current.getElseStmt().get();
      if (otherwise instanceof IfStmt next) {
        current = next;
        continue;
      }
      AssignExpr last = plainAssignment(otherwise, name);
      if (last == null) {
        return null;
      }
      assigned.add(last);
      return true;
    }
  }

  /** for, for-each, while and do loops: the statements with a back edge. */
  /**
   * The value just stored in the element {@code read} reads, when an earlier statement of the same block
   * stored it ({@code e[i] = Math.exp(z[i] - max); sum += e[i];}) and nothing in between can change the
   * array, its elements or the index. Empty otherwise: elements are not tracked across blocks or loops.
   */
  public static Optional<Expression> elementJustWritten(ArrayAccessExpr read) {
    if (!(read.getName() instanceof NameExpr array)) {
      return Optional.empty();
    }
    String index = Guards.key(read.getIndex());
    List<String> watched = new ArrayList<>();
    watched.add(array.getNameAsString());
    Nodes.walk(read.getIndex(), NameExpr.class, n -> watched.add(n.getNameAsString()));
    Node child = read;
    for (Node p = read.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
      if (p instanceof CallableDeclaration<?> || p instanceof LambdaExpr || isLoop(p)) {
        return Optional.empty(); // the write must be in the read's own block, within one iteration
      }
      if (p instanceof BlockStmt block && child instanceof Statement current) {
        NodeList<Statement> statements = block.getStatements();
        int at = Nodes.indexOf(statements, current);
        for (int i = at - 1; i >= 0 && i >= at - MAX_LOOK_BACK; i--) {
          Statement s = statements.get(i);
          if (s instanceof ExpressionStmt es && es.getExpression() instanceof AssignExpr a
              && a.getOperator() == AssignExpr.Operator.ASSIGN && a.getTarget() instanceof ArrayAccessExpr t
              && t.getName() instanceof NameExpr n && n.getNameAsString().equals(array.getNameAsString())
              && Guards.key(t.getIndex()).equals(index)
              && !Nodes.any(a.getValue(), Node.class, x -> changes(x, watched))) {
            return Optional.of(a.getValue());
          }
          if (Nodes.any(s, Node.class, x -> changes(x, watched))) {
            return Optional.empty();
          }
        }
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** How many statements back a store is looked for: stores and reads sit together, and huge blocks stay linear. */
  private static final int MAX_LOOK_BACK = 16;

  /** Could {@code node} change one of {@code names}, or an element of an array it names? */
  private static boolean changes(Node node, List<String> names) {
    Expression target = node instanceof AssignExpr a ? a.getTarget()
        : node instanceof UnaryExpr u && Flow.isStep(u.getOperator()) ? u.getExpression() : null;
    while (target instanceof ArrayAccessExpr t) {
      target = t.getName();
    }
    if (target instanceof NameExpr n && names.contains(n.getNameAsString())) {
      return true;
    }
    // a call that is handed the array (Arrays.fill(e, 0), update(e)) or called on it may write it
    return node instanceof MethodCallExpr call && (call.getArguments().stream().anyMatch(x -> x instanceof NameExpr n
        && names.contains(n.getNameAsString()))
        || call.getScope().map(x -> x instanceof NameExpr n && names.contains(n.getNameAsString())).orElse(false));
  }

  static boolean isLoop(Node n) {
    return n instanceof ForStmt || n instanceof ForEachStmt || n instanceof WhileStmt || n instanceof DoStmt;
  }

  /** A plain {@code name = value;} statement (or a block holding just that), else null. */
  static AssignExpr plainAssignment(Statement s, String name) {
    Statement single = s;
    if (s instanceof BlockStmt block && block.getStatements().size() == 1) {
      single = block.getStatement(0);
    }
    if (single instanceof ExpressionStmt es && es.getExpression() instanceof AssignExpr a
        && a.getOperator() == AssignExpr.Operator.ASSIGN && a.getTarget() instanceof NameExpr t
        && t.getNameAsString().equals(name)) {
      return a;
    }
    return null;
  }

  /** {@code x = x + e}: an accumulation, not a new definition. */
  static boolean isSelfUpdate(AssignExpr a, String name) {
    return a.getValue() instanceof BinaryExpr b && b.getLeft() instanceof NameExpr l && l.getNameAsString().equals(name);
  }

  /** Whether anything inside {@code within} assigns, increments or decrements {@code name}. */
  static boolean assigns(Node within, String name) {
    List<Def> out = new ArrayList<>();
    collect(within, name, List.of(), out);
    return !out.isEmpty();
  }

  /** Every write to {@code name} inside {@code within} (as {@link Flow#writes} sees them) may reach the use. */
  private static void collect(Node within, String name, List<Guards.Fact> facts, List<Def> out) {
    for (Node write : Flow.writes(within, name)) {
      boolean plain = write instanceof AssignExpr a && a.getOperator() == AssignExpr.Operator.ASSIGN
          && !isSelfUpdate(a, name);
      out.add(new Def(plain ? ((AssignExpr) write).getValue() : null, facts));
    }
  }

}
