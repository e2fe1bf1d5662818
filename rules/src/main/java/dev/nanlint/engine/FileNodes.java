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
  private Map<Class<?>, Bucket> byExactClass;
  private Map<String, List<MethodDeclaration>> methodsByName;

  private FileNodes(List<Node> preorder) {
    this.preorder = preorder;
  }

  /** The index of {@code unit}, built on first use. */
  public static FileNodes of(CompilationUnit unit) {
    if (unit.containsData(KEY)) {
      return unit.getData(KEY);
    }
    List<Node> nodes = new ArrayList<>();
    Nodes.walk(unit, nodes::add);
    FileNodes index = new FileNodes(Collections.unmodifiableList(nodes));
    unit.setData(KEY, index);
    return index;
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
      for (Map.Entry<Class<?>, Bucket> e : byExactClass().entrySet()) {
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
    for (Map.Entry<Class<?>, Bucket> e : byExactClass().entrySet()) {
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

  /** The nodes of each class: one pass answers every later question for a class of node. */
  private Map<Class<?>, Bucket> byExactClass() {
    if (byExactClass == null) {
      byExactClass = new HashMap<>();
      for (int i = 0; i < preorder.size(); i++) {
        Node node = preorder.get(i);
        byExactClass.computeIfAbsent(node.getClass(), k -> new Bucket()).add(node, i);
      }
    }
    return byExactClass;
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
