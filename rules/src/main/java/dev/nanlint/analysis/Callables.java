package dev.nanlint.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import java.util.Optional;

/**
 * Which code a node belongs to: the innermost method, constructor, lambda, initializer block or compact
 * constructor around it, or the field or class it sits in when it is in none. Every walk up the tree for
 * "the enclosing callable" goes through {@link #boundary}; the questions below differ only in which of these
 * boundaries count and what is answered when none does, and each says so.
 */
public final class Callables {
  private Callables() {}

  /**
   * The nearest ancestor of {@code node} (not {@code node} itself) that bounds code: a method or constructor,
   * a lambda, an initializer block, a compact constructor, a field declaration or a class. Anonymous classes
   * have no class node, so the walk goes through them to the code that creates them.
   */
  public static Optional<Node> boundary(Node node) {
    for (Node p = node.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof CallableDeclaration<?> || p instanceof LambdaExpr || p instanceof InitializerDeclaration
          || p instanceof CompactConstructorDeclaration || p instanceof FieldDeclaration
          || p instanceof TypeDeclaration<?>) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * The body that runs {@code node}, as a control-flow graph is built for it: a method or constructor with a
   * body, a lambda, an initializer block or a compact constructor. Empty in a field initializer, directly in a
   * class body, or in the signature of an abstract method.
   */
  public static Optional<Node> body(Node node) {
    Optional<Node> b = boundary(node);
    if (b.isEmpty() || b.get() instanceof FieldDeclaration || b.get() instanceof TypeDeclaration<?>) {
      return Optional.empty();
    }
    return b.get() instanceof MethodDeclaration m && m.getBody().isEmpty() ? Optional.empty() : b;
  }

  /**
   * The innermost method, constructor or lambda around {@code node} within its own class: initializer blocks,
   * compact constructors and field initializers are looked through, and the class ends the search (empty).
   */
  public static Optional<Node> methodOrLambdaInClass(Node node) {
    return methodLambdaOrClass(node).filter(p -> !(p instanceof TypeDeclaration<?>));
  }

  /**
   * The innermost method, constructor or lambda around {@code node}, else the class it is directly in
   * (initializer blocks, compact constructors and field initializers looked through); empty outside any class.
   */
  public static Optional<Node> methodLambdaOrClass(Node node) {
    for (Optional<Node> b = boundary(node); b.isPresent(); b = boundary(b.get())) {
      if (b.get() instanceof CallableDeclaration<?> || b.get() instanceof LambdaExpr
          || b.get() instanceof TypeDeclaration<?>) {
        return b;
      }
    }
    return Optional.empty();
  }

  /**
   * The innermost method, constructor or lambda around {@code node}, looking through everything else, classes
   * included: a field initializer of a local class answers the method the class is declared in.
   */
  public static Optional<Node> methodOrLambda(Node node) {
    for (Optional<Node> b = boundary(node); b.isPresent(); b = boundary(b.get())) {
      if (b.get() instanceof CallableDeclaration<?> || b.get() instanceof LambdaExpr) {
        return b;
      }
    }
    return Optional.empty();
  }
}
