package dev.nanlint.analysis.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.Type;
import dev.nanlint.engine.Nodes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The local arrays of a callable that no other name can reach: one-dimensional arrays of numbers, declared once
 * in the callable, only ever assigned a new array ({@code int[] counts = new int[k]}), and otherwise only indexed,
 * measured ({@code counts.length}) or iterated. Such an array is never another array: a write through another
 * name leaves its elements as they were, and a write to its elements changes no other array. Without this, every
 * array write forgets every array's elements (a write through one name may change another that aliases it), so
 * counts kept per class in two arrays ({@code tp[c]++; fp[c]++}) were forgotten as soon as both were updated.
 * A use anywhere else (passed to a call, assigned to another name, returned, used in a lambda or a nested
 * class) shares the array, and it is treated as before. Two arrays of different primitive types ({@code int[]}
 * and {@code double[]}, locals or parameters declared once) are never one array either, shared or not.
 */
final class LocalArrays {
  /** Per callable: its unshared arrays, and the element type of each one-dimensional array of numbers it declares once. */
  private record Arrays(Set<String> unshared, Map<String, String> elementTypes) {}

  private static final Arrays NONE = new Arrays(Set.of(), Map.of());
  private final Map<Node, Arrays> byCallable = new IdentityHashMap<>();

  /** Whether the local {@code name}, as seen from {@code at}, is an array no other name can reach. */
  boolean isUnshared(String name, Node at) {
    return of(at).unshared().contains(name);
  }

  /**
   * Whether the locals or parameters {@code a} and {@code b}, as seen from {@code at}, are arrays of different
   * primitive types ({@code int[]} and {@code double[]}), which are never one array.
   */
  boolean differInType(String a, String b, Node at) {
    Map<String, String> types = of(at).elementTypes();
    String ta = types.get(a);
    String tb = types.get(b);
    return ta != null && tb != null && !ta.equals(tb);
  }

  private Arrays of(Node at) {
    Node callable = callableOf(at);
    return callable == null ? NONE : byCallable.computeIfAbsent(callable, LocalArrays::collect);
  }

  private static Node callableOf(Node n) {
    for (Node p = n; p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof CallableDeclaration<?> || p instanceof LambdaExpr || p instanceof InitializerDeclaration
          || p instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent() && p != n) {
        return p;
      }
    }
    return null;
  }

  private static Arrays collect(Node callable) {
    Map<String, Integer> declared = new HashMap<>();
    Map<String, String> elementTypes = new HashMap<>();
    Set<String> candidates = new HashSet<>();
    for (VariableDeclarator v : Nodes.all(callable, VariableDeclarator.class)) {
      String name = v.getNameAsString();
      declared.merge(name, 1, Integer::sum);
      if (callableOf(v) == callable && isNumberArray(v)) {
        elementTypes.put(name, elementType(v));
        if (v.getInitializer().map(LocalArrays::isFresh).orElse(true)) {
          candidates.add(name);
        }
      }
    }
    for (Parameter p : Nodes.all(callable, Parameter.class)) {
      String name = p.getNameAsString();
      candidates.remove(name); // a parameter of the same name somewhere in it: not worth telling apart
      declared.merge(name, 1, Integer::sum);
      if (p.getParentNode().orElse(null) == callable && !p.isVarArgs() && p.getType() instanceof ArrayType a
          && a.getComponentType().isPrimitiveType()) {
        elementTypes.put(name, a.getComponentType().asString());
      }
    }
    candidates.removeIf(name -> declared.get(name) != 1);
    elementTypes.keySet().removeIf(name -> declared.get(name) != 1);
    for (NameExpr use : Nodes.all(callable, NameExpr.class)) {
      String name = use.getNameAsString();
      if (candidates.contains(name) && (callableOf(use) != callable || !onlyReachesElements(use))) {
        candidates.remove(name);
      }
    }
    return new Arrays(candidates, elementTypes);
  }

  private static String elementType(VariableDeclarator v) {
    Type type = v.getType();
    return type instanceof ArrayType a ? a.getComponentType().asString()
        : v.getInitializer().map(i -> ((ArrayCreationExpr) i).getElementType().asString()).orElse("");
  }

  private static boolean isNumberArray(VariableDeclarator v) {
    Type type = v.getType();
    if (type.isVarType()) {
      return v.getInitializer().filter(i -> i instanceof ArrayCreationExpr a && a.getLevels().size() == 1
          && a.getElementType().isPrimitiveType()).isPresent();
    }
    return type instanceof ArrayType a && a.getComponentType().isPrimitiveType();
  }

  private static boolean isFresh(Expression e) {
    Expression x = e;
    while (x instanceof EnclosedExpr en) {
      x = en.getInner();
    }
    return x instanceof ArrayCreationExpr || x instanceof ArrayInitializerExpr;
  }

  /** {@code a[i]}, {@code a.length}, {@code for (x : a)}, or {@code a = new int[n]}: nothing that copies the reference. */
  private static boolean onlyReachesElements(NameExpr use) {
    Node parent = use.getParentNode().orElse(null);
    return parent instanceof ArrayAccessExpr a && a.getName() == use
        || parent instanceof FieldAccessExpr f && f.getScope() == use && f.getNameAsString().equals("length")
        || parent instanceof ForEachStmt loop && loop.getIterable() == use
        || parent instanceof AssignExpr a && a.getTarget() == use && a.getOperator() == AssignExpr.Operator.ASSIGN
            && isFresh(a.getValue());
  }
}
