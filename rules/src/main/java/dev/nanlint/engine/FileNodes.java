package dev.nanlint.engine;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every node of a file in pre-order, collected by one walk and kept on the unit, so the engine's dispatch
 * and every "all X of this file" question (the file's methods, types, calls, loops) read one array instead
 * of walking the tree again: those walks cost more than the rules' own work (profiled, docs/performance.md).
 * The tree must not change once indexed; nanlint never edits a parsed tree.
 */
public final class FileNodes {
  private static final DataKey<FileNodes> KEY = new DataKey<>() {};

  private final List<Node> preorder;
  private final Map<Class<?>, List<?>> byType = new HashMap<>();
  /** The nodes of each class: one pass answers every later question for a class of node. */
  private final Map<Class<?>, Bucket> byExactClass;
  private Map<String, List<MethodDeclaration>> methodsByName;

  private FileNodes(List<Node> preorder, Map<Class<?>, Bucket> byExactClass) {
    this.preorder = preorder;
    this.byExactClass = byExactClass;
  }

  /** The index of {@code unit}, built on first use. */
  public static FileNodes of(CompilationUnit unit) {
    if (unit.containsData(KEY)) {
      return unit.getData(KEY);
    }
    FileNodes index = walk(unit);
    unit.setData(KEY, index);
    return index;
  }

  /**
   * The pre-order of {@code Nodes.walk}, each node also put in its class's bucket while it is at hand (the
   * walk of a freshly parsed tree is bound by memory, and a second pass over the nodes costs nearly as much).
   */
  private static FileNodes walk(CompilationUnit unit) {
    List<Node> nodes = new ArrayList<>();
    Map<Class<?>, Bucket> buckets = new HashMap<>();
    Node[] stack = new Node[64];
    int top = 0;
    stack[top++] = unit;
    while (top > 0) {
      Node node = stack[--top];
      if ((nodes.size() & 255) == 255) {
        Linter.stopIfInterrupted();
      }
      buckets.computeIfAbsent(node.getClass(), k -> new Bucket()).add(node, nodes.size());
      nodes.add(node);
      List<Node> children = node.getChildNodes();
      int count = children.size();
      if (top + count > stack.length) {
        stack = Arrays.copyOf(stack, Math.max(stack.length * 2, top + count));
      }
      for (int i = count - 1; i >= 0; i--) {
        stack[top++] = children.get(i);
      }
    }
    return new FileNodes(Collections.unmodifiableList(nodes), buckets);
  }

  /** Every node, the unit first, in the order of {@code Node.walk}. */
  public List<Node> all() {
    return preorder;
  }

  /** Every node of {@code type}, in pre-order. */
  @SuppressWarnings("unchecked")
  public <T extends Node> List<T> all(Class<T> type) {
    return (List<T>) byType.computeIfAbsent(type, t -> {
      List<Bucket> matching = new ArrayList<>();
      for (Map.Entry<Class<?>, Bucket> e : byExactClass.entrySet()) {
        if (type.isAssignableFrom(e.getKey())) {
          matching.add(e.getValue());
        }
      }
      if (matching.size() <= 1) { // a class no other node class extends (most asked: calls, names, ...)
        return matching.isEmpty() ? List.of() : Collections.unmodifiableList(matching.get(0).nodes);
      }
      return Collections.unmodifiableList(merged(matching));
    });
  }

  /**
   * Every node whose exact class {@code accept} takes, in pre-order: the few kinds a scan of the whole
   * file looks at, without touching the nodes of other classes.
   */
  public List<Node> allOfClasses(Predicate<Class<?>> accept) {
    List<Bucket> matching = new ArrayList<>();
    for (Map.Entry<Class<?>, Bucket> e : byExactClass.entrySet()) {
      if (accept.test(e.getKey())) {
        matching.add(e.getValue());
      }
    }
    return merged(matching);
  }

  /** The buckets' nodes merged back into pre-order by position. */
  private List<Node> merged(List<Bucket> buckets) {
    Node[] slots = new Node[preorder.size()];
    for (Bucket b : buckets) {
      for (int i = 0; i < b.nodes.size(); i++) {
        slots[b.positions[i]] = b.nodes.get(i);
      }
    }
    List<Node> found = new ArrayList<>();
    for (Node n : slots) {
      if (n != null) {
        found.add(n);
      }
    }
    return found;
  }

  /** The nodes of one class in pre-order, with their positions in {@link #preorder}. */
  private static final class Bucket {
    final List<Node> nodes = new ArrayList<>();
    int[] positions = new int[8];

    void add(Node node, int position) {
      if (nodes.size() == positions.length) {
        positions = Arrays.copyOf(positions, positions.length * 2);
      }
      positions[nodes.size()] = position;
      nodes.add(node);
    }
  }

  public <T extends Node> List<T> all(Class<T> type, Predicate<? super T> filter) {
    return all(type).stream().filter(filter).toList();
  }

  /** The file's methods {@code call} can mean by its name and number of arguments (an overload set, or one). */
  public List<MethodDeclaration> methodsCalledBy(MethodCallExpr call) {
    if (methodsByName == null) {
      methodsByName = new HashMap<>();
      for (MethodDeclaration m : all(MethodDeclaration.class)) {
        methodsByName.computeIfAbsent(m.getNameAsString(), k -> new ArrayList<>()).add(m);
      }
    }
    return methodsByName.getOrDefault(call.getNameAsString(), List.of()).stream()
        .filter(m -> m.getParameters().size() == call.getArguments().size()).toList();
  }

  public <T extends Node> Optional<T> first(Class<T> type, Predicate<? super T> filter) {
    for (T node : all(type)) {
      if (filter.test(node)) {
        return Optional.of(node);
      }
    }
    return Optional.empty();
  }
}
