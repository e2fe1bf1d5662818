package dev.nanlint.engine;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.IfStmt;
import java.util.Optional;

/**
 * Code that never runs because a compile-time constant decides its branch: {@code if (DEBUG) ...} with
 * {@code static final boolean DEBUG = false} in the enclosing class, {@code if (false)}, or the else of a
 * constant true. javac compiles such code out (conditional compilation), so nothing it computes can reach a
 * result, and nothing is reported in it.
 */
final class DeadBranches {
  private DeadBranches() {}

  static boolean isDead(Node node) {
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
      return shadowed(name.getNameAsString(), at) ? Optional.empty() : constantField(name.getNameAsString(), at);
    }
    return Optional.empty();
  }

  /** A local variable or parameter of that name in the enclosing method, lambda or initializer hides the field. */
  private static boolean shadowed(String name, Node at) {
    Optional<Node> callable = at.findAncestor(n -> n instanceof CallableDeclaration<?> || n instanceof LambdaExpr
        || n instanceof InitializerDeclaration, Node.class);
    return callable.isPresent() && (!callable.get().findAll(VariableDeclarator.class, v -> v.getNameAsString().equals(name)).isEmpty()
        || !callable.get().findAll(Parameter.class, p -> p.getNameAsString().equals(name)).isEmpty());
  }

  /**
   * A {@code static final boolean} field initialised with a literal, declared in a class enclosing {@code at}
   * (the nearest one declaring the name wins, as Java resolves it).
   */
  private static Optional<Boolean> constantField(String name, Node at) {
    for (Node n = at; n != null; n = n.getParentNode().orElse(null)) {
      if (!(n instanceof ClassOrInterfaceDeclaration type)) {
        continue;
      }
      for (FieldDeclaration field : type.getFields()) {
        for (VariableDeclarator v : field.getVariables()) {
          if (v.getNameAsString().equals(name)) {
            boolean constant = field.isStatic() && field.isFinal() && v.getTypeAsString().equals("boolean");
            return constant && v.getInitializer().orElse(null) instanceof BooleanLiteralExpr literal
                ? Optional.of(literal.getValue()) : Optional.empty();
          }
        }
      }
    }
    return Optional.empty();
  }
}
