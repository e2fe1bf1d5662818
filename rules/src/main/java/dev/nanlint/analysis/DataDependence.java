package dev.nanlint.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a value depends on the data a program reads, or only on constants, loop indices, sizes and
 * random draws. A value computed from data is 0 whenever the data make it so ({@code sin(x)} at x = 0);
 * a value computed only from indices and constants ({@code ppnd((i - 0.375) / (n + 0.25))}, a published
 * algorithm's coefficient) is 0 only where its formula happens to vanish, and a random draw is exactly 0
 * with negligible probability. Syntactic and conservative: whatever it cannot follow is data.
 */
public final class DataDependence {
  /** How many definitions and callees deep a value is followed. */
  private static final int MAX_DEPTH = 8;
  private static final Set<String> DRAWS = Set.of("nextDouble", "nextFloat", "nextGaussian");

  private final Analysis analysis;
  /** Static methods of this file whose returns are data-free when their arguments are. */
  private final java.util.Map<MethodDeclaration, Boolean> callees = new java.util.IdentityHashMap<>();

  DataDependence(Analysis analysis) {
    this.analysis = analysis;
  }

  /** {@code e} (evaluated in {@code callable}) is computed from constants, indices, sizes and random draws only. */
  public boolean isDataFree(Expression e, Node callable) {
    return free(e, callable, new HashSet<>(), 0);
  }

  private boolean free(Expression e, Node callable, Set<String> following, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    Expression x = e;
    while (x instanceof EnclosedExpr enclosed) {
      x = enclosed.getInner();
    }
    if (x instanceof LiteralExpr || !Double.isNaN(analysis.constants().value(x))) {
      return true;
    }
    if (x instanceof CastExpr cast) {
      return free(cast.getExpression(), callable, following, depth);
    }
    if (x instanceof UnaryExpr u) {
      return free(u.getExpression(), callable, following, depth);
    }
    if (x instanceof BinaryExpr b) {
      return free(b.getLeft(), callable, following, depth) && free(b.getRight(), callable, following, depth);
    }
    if (x instanceof ConditionalExpr c) {
      return free(c.getThenExpr(), callable, following, depth) && free(c.getElseExpr(), callable, following, depth);
    }
    if (x instanceof FieldAccessExpr f) {
      return f.getNameAsString().equals("length"); // a size
    }
    if (x instanceof MethodCallExpr call) {
      return call(call, callable, following, depth);
    }
    if (x instanceof ArrayAccessExpr access) {
      Optional<Expression> stored = Definitions.elementJustWritten(access); // a[i] = f(i); s += a[i] * a[i]
      if (stored.isPresent()) {
        return free(stored.get(), callable, following, depth + 1);
      }
      return access.getName() instanceof NameExpr array && free(access.getIndex(), callable, following, depth)
          && (following.contains(array.getNameAsString() + "@" + System.identityHashCode(callable))
              || constantField(array, following, depth) || elementsFree(array, callable, following, depth));
    }
    if (x instanceof com.github.javaparser.ast.expr.ArrayInitializerExpr init) {
      return init.getValues().stream().allMatch(v -> free(v, callable, following, depth));
    }
    if (x instanceof NameExpr n) {
      return name(n, callable, following, depth);
    }
    return false;
  }

  private boolean call(MethodCallExpr call, Node callable, Set<String> following, int depth) {
    if (call.getArguments().isEmpty() && (call.getNameAsString().equals("size") || DRAWS.contains(call.getNameAsString()))) {
      return true; // a size, or a draw of a random generator
    }
    boolean args = call.getArguments().stream().allMatch(arg -> free(arg, callable, following, depth));
    if (!args) {
      return false;
    }
    if (analysis.api().mathFunction(call).isPresent()) {
      return true;
    }
    // a static method of this file computing from its parameters and constants alone
    Optional<MethodDeclaration> m = analysis.facts().summaries().resolve(call);
    if (m.isEmpty() || !m.get().isStatic()) {
      return false;
    }
    MethodDeclaration method = m.get();
    Boolean known = callees.get(method);
    if (known != null) {
      return known;
    }
    callees.put(method, true); // a recursive call: what the other returns decide
    boolean pure = method.findAll(ReturnStmt.class).stream().allMatch(r -> r.getExpression()
        .map(v -> freeInCallee(v, method, new HashSet<>(), depth + 1)).orElse(true));
    callees.put(method, pure);
    return pure;
  }

  /** In a callee, its parameters that it never writes stand for the (data-free) arguments. */
  private boolean freeInCallee(Expression e, MethodDeclaration method, Set<String> following, int depth) {
    for (com.github.javaparser.ast.body.Parameter p : method.getParameters()) {
      String name = p.getNameAsString();
      if (method.getBody().map(b -> Flow.writes(b, name).isEmpty()).orElse(false)) {
        following.add(name + "@" + System.identityHashCode(method));
      }
    }
    return free(e, method, following, depth);
  }

  private boolean name(NameExpr n, Node callable, Set<String> following, int depth) {
    String name = n.getNameAsString();
    String key = name + "@" + System.identityHashCode(callable);
    if (following.contains(key)) {
      return true; // already being followed (a loop counter's own step), or a callee's parameter
    }
    Optional<Declarations.Declaration> d = analysis.declarations().find(n, name);
    if (d.isEmpty() || d.get().kind() == Declarations.Kind.FIELD) {
      return constantField(n, following, depth); // other fields are state the program read or learned
    }
    if (d.get().kind() == Declarations.Kind.PARAMETER) {
      return analysis.types().isIntegral(n); // an integer parameter is a size or an index; a real one is data
    }
    if (!(d.get().node() instanceof VariableDeclarator v) || !v.isDescendantOf(callable)
        || v.getParentNode().flatMap(Node::getParentNode).filter(com.github.javaparser.ast.stmt.ForEachStmt.class::isInstance).isPresent()) {
      return false; // a for-each variable takes the values of what it iterates
    }
    following.add(key);
    if (v.getInitializer().isPresent() && !(v.getInitializer().get() instanceof ArrayCreationExpr)
        && !free(v.getInitializer().get(), callable, following, depth + 1)) {
      return false;
    }
    for (Node w : Flow.writes(callable, name)) {
      if (w instanceof AssignExpr a && !free(a.getValue(), callable, following, depth + 1)
          || w instanceof MethodCallExpr) {
        return false;
      }
    }
    return true;
  }

  /** A {@code static final} field initialised from constants: {@code static final double[] C1 = {0.0, 0.22}}. */
  private boolean constantField(NameExpr n, Set<String> following, int depth) {
    Optional<Declarations.Declaration> d = analysis.declarations().find(n, n.getNameAsString());
    if (d.isEmpty() || d.get().kind() != Declarations.Kind.FIELD || !d.get().isFinal()
        || !(d.get().node() instanceof VariableDeclarator v) || v.getInitializer().isEmpty()
        || !v.getParentNode().map(f -> f instanceof com.github.javaparser.ast.body.FieldDeclaration fd && fd.isStatic()).orElse(false)) {
      return false;
    }
    Node field = v.getParentNode().get();
    return free(v.getInitializer().get(), field, following, depth + 1);
  }

  /** A local array whose every element write stores a data-free value. */
  private boolean elementsFree(NameExpr array, Node callable, Set<String> following, int depth) {
    String name = array.getNameAsString();
    Optional<Declarations.Declaration> d = analysis.declarations().find(array, name);
    if (d.isEmpty() || d.get().kind() != Declarations.Kind.LOCAL || !(d.get().node() instanceof VariableDeclarator v)
        || v.getInitializer().filter(ArrayCreationExpr.class::isInstance).isEmpty()) {
      return false;
    }
    String key = name + "[]@" + System.identityHashCode(callable);
    if (!following.add(key)) {
      return true;
    }
    for (AssignExpr a : callable.findAll(AssignExpr.class)) {
      Expression target = a.getTarget();
      if (target instanceof ArrayAccessExpr t && t.getName() instanceof NameExpr arr && arr.getNameAsString().equals(name)
          && !free(a.getValue(), callable, following, depth + 1)) {
        return false;
      }
    }
    // passed to a call that may fill it: data
    return callable.findAll(MethodCallExpr.class).stream().noneMatch(c -> c.getArguments().stream()
        .anyMatch(arg -> arg instanceof NameExpr an && an.getNameAsString().equals(name)));
  }
}
