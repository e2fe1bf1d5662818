package dev.nanlint.engine;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Tree searches in the order of JavaParser's {@code Node.walk}/{@code findAll}/{@code findFirst} (pre-order,
 * children in source order, the root included), without their iterator: it keeps its stack in a
 * synchronized {@code java.util.Stack}, and the rules' searches through it cost more than the engine's
 * own walk (profiled on the benchmark corpus, docs/performance.md). Every search stops when the thread is
 * interrupted (the command's per-file time limit), like the engine's walk.
 */
public final class Nodes {
  private Nodes() {}

  /**
   * The position of {@code node} in {@code list}, by identity, or -1. Not {@code List.indexOf}: JavaParser
   * nodes are equal when they are structurally alike, so two identical statements of a block
   * ({@code total += x[i];} twice) would both find the first, and every comparison walks both trees.
   */
  public static int indexOf(List<? extends Node> list, Node node) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == node) {
        return i;
      }
    }
    return -1;
  }

  /** Calls {@code action} on {@code root} and every node below it. */
  public static void walk(Node root, Consumer<Node> action) {
    first(root, Node.class, n -> {
      action.accept(n);
      return false;
    });
  }

  /** Calls {@code action} on every node of {@code type} at or below {@code root}. */
  public static <T extends Node> void walk(Node root, Class<T> type, Consumer<? super T> action) {
    first(root, type, n -> {
      action.accept(n);
      return false;
    });
  }

  public static <T extends Node> List<T> all(Node root, Class<T> type) {
    return all(root, type, n -> true);
  }

  public static <T extends Node> List<T> all(Node root, Class<T> type, Predicate<? super T> filter) {
    if (root instanceof CompilationUnit unit) {
      return new ArrayList<>(FileNodes.of(unit).all(type, filter)); // the whole file: its index is cheaper
    }
    List<T> found = new ArrayList<>();
    walk(root, type, n -> {
      if (filter.test(n)) {
        found.add(n);
      }
    });
    return found;
  }

  public static <T extends Node> boolean any(Node root, Class<T> type, Predicate<? super T> filter) {
    return first(root, type, filter).isPresent();
  }

  /**
   * The first node of {@code type} in pre-order that passes {@code filter}. Below a method, class, lambda or
   * unit of an indexed file (large, and searched often) it reads {@link FileNodes}: the nodes of the type in
   * the subtree's run of the pre-order.
   */
  public static <T extends Node> Optional<T> first(Node root, Class<T> type, Predicate<? super T> filter) {
    if (root instanceof BodyDeclaration<?> || root instanceof LambdaExpr || root instanceof CompilationUnit) {
      FileNodes index = FileNodes.around(root);
      if (index != null && index.contains(root)) {
        return index.firstBelow(root, type, filter);
      }
    }
    ArrayDeque<Node> stack = new ArrayDeque<>();
    stack.push(root);
    int visited = 0;
    while (!stack.isEmpty()) {
      Node node = stack.pop();
      if ((++visited & 255) == 0) {
        Linter.stopIfInterrupted();
      }
      if (type.isInstance(node)) {
        T typed = type.cast(node);
        if (filter.test(typed)) {
          return Optional.of(typed);
        }
      }
      List<Node> children = node.getChildNodes();
      for (int i = children.size() - 1; i >= 0; i--) {
        stack.push(children.get(i));
      }
    }
    return Optional.empty();
  }
}
