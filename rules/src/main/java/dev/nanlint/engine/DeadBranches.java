package dev.nanlint.engine;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.IfStmt;
import java.util.Optional;

/**
 * Code that never runs because a compile-time constant decides its branch: {@code if (DEBUG) ...} with
 * {@code static final boolean DEBUG = false} in the enclosing class, {@code if (false)}, or the else of a
 * constant true. javac compiles such code out (conditional compilation), so nothing it computes can reach a
 * result, and nothing is reported in it.
 */
public final class DeadBranches {
  private DeadBranches() {}

  /** Whether {@code node} is in a branch a compile-time constant rules out. */
  public static boolean isDead(Node node) {
    Node child = node;
    for (Node parent = node.getParentNode().orElse(null); parent != null; child = parent, parent = parent.getParentNode().orElse(null)) {
      Optional<Boolean> value = Optional.empty();
      boolean inThen = false;
      if (parent instanceof IfStmt i && child != i.getCondition()) {
        value = constant(i.getCondition(), i);
        inThen = child == i.getThenStmt();
      } else if (parent instanceof ConditionalExpr c && child != c.getCondition()) {
        value = constant(c.getCondition(), c);
        inThen = child == c.getThenExpr();
      }
      if (value.isPresent() && value.get() != inThen) {
        return true; // the branch the constant does not take
      }
    }
    return false;
  }

  /** The value of a boolean condition made of literals and constant fields of the enclosing classes, if it is one. */
  private static Optional<Boolean> constant(Expression e, Node at) {
    if (e instanceof EnclosedExpr enclosed) {
      return constant(enclosed.getInner(), at);
    }
    if (e instanceof BooleanLiteralExpr literal) {
      return Optional.of(literal.getValue());
    }
    if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      return constant(u.getExpression(), at).map(v -> !v);
    }
    if (e instanceof BinaryExpr b && (b.getOperator() == BinaryExpr.Operator.AND || b.getOperator() == BinaryExpr.Operator.OR)) {
      boolean and = b.getOperator() == BinaryExpr.Operator.AND;
      Optional<Boolean> left = constant(b.getLeft(), at);
      Optional<Boolean> right = constant(b.getRight(), at);
      if (left.isPresent() && left.get() != and || right.isPresent() && right.get() != and) {
        return Optional.of(!and); // false && x, x || true
      }
      return left.isPresent() && right.isPresent() ? Optional.of(and) : Optional.empty();
    }
    if (e instanceof NameExpr name) {
      return constantField(name.getNameAsString(), at);
    }
    return Optional.empty();
  }

  /**
   * A {@code static final boolean} field initialised with a literal, declared by the class the condition
   * itself is in (its own field hides inherited ones and those of outer classes), when nothing else in that
   * class declares the name (a local, a parameter, a lambda's or a pattern's variable, a nested or anonymous
   * class's member): only then does the name surely mean that field. Anything less certain is not a constant.
   */
  private static Optional<Boolean> constantField(String name, Node at) {
    Node type = at;
    while (type != null && !(type instanceof TypeDeclaration<?>)) {
      if (type instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()) {
        return Optional.empty(); // inside an anonymous class, whose members the name may mean
      }
      type = type.getParentNode().orElse(null);
    }
    if (!(type instanceof ClassOrInterfaceDeclaration owner)) {
      return Optional.empty();
    }
    VariableDeclarator field = null;
    for (FieldDeclaration f : owner.getFields()) {
      for (VariableDeclarator v : f.getVariables()) {
        if (v.getNameAsString().equals(name)) {
          boolean constant = f.isStatic() && f.isFinal() && v.getTypeAsString().equals("boolean")
              && v.getInitializer().orElse(null) instanceof BooleanLiteralExpr;
          field = constant ? v : null;
        }
      }
    }
    VariableDeclarator constant = field;
    if (constant == null || !owner.findAll(Node.class, n -> n != constant && declares(n, name)).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(((BooleanLiteralExpr) constant.getInitializer().get()).getValue());
  }

  private static boolean declares(Node n, String name) {
    return n instanceof VariableDeclarator v && v.getNameAsString().equals(name)
        || n instanceof Parameter p && p.getNameAsString().equals(name)
        || n instanceof TypePatternExpr t && t.getNameAsString().equals(name);
  }
}
