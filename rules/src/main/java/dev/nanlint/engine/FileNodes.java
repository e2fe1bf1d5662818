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
import java.util.IdentityHashMap;
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
  /** The position in {@link #preorder} of each node's parent (-1 for the unit). */
  private final int[] parents;
  private final Map<Class<?>, Bucket> byType = new HashMap<>();
  /** The nodes of each class: one pass answers every later question for a class of node. */
  private final Map<Class<?>, Bucket> byExactClass;
  private Map<String, List<MethodDeclaration>> methodsByName;
  /** The positions of the nodes searched below so far (-1: not a node of this file). */
  private final Map<Node, Integer> positions = new IdentityHashMap<>();
  /** Where the subtree of the node at each position ends, built on the first search below a node. */
  private int[] ends;

  private FileNodes(List<Node> preorder, int[] parents, Map<Class<?>, Bucket> byExactClass) {
    this.preorder = preorder;
    this.parents = parents;
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
    int[] parents = new int[256];
    Map<Class<?>, Bucket> buckets = new HashMap<>();
    Node[] stack = new Node[64];
    int[] stackParents = new int[64]; // the position of each stacked node's parent
    int top = 0;
    stack[top] = unit;
    stackParents[top++] = -1;
    while (top > 0) {
      Node node = stack[--top];
      int position = nodes.size();
      if ((position & 255) == 255) {
        Linter.stopIfInterrupted();
      }
      if (position == parents.length) {
        parents = Arrays.copyOf(parents, position * 2);
      }
      parents[position] = stackParents[top];
      buckets.computeIfAbsent(node.getClass(), k -> new Bucket()).add(node, position);
      nodes.add(node);
      List<Node> children = node.getChildNodes();
      int count = children.size();
      if (top + count > stack.length) {
        stack = Arrays.copyOf(stack, Math.max(stack.length * 2, top + count));
        stackParents = Arrays.copyOf(stackParents, stack.length);
      }
      for (int i = count - 1; i >= 0; i--) {
        stack[top] = children.get(i);
        stackParents[top++] = position;
      }
    }
    return new FileNodes(Collections.unmodifiableList(nodes), parents, buckets);
  }

  /**
   * The index of the file {@code node} is in, when it is a node of an indexed unit: the index is built by the
   * engine's first walk of the unit, and a search below a node of an unindexed unit walks the tree.
   */
  static FileNodes around(Node node) {
    Node root = node;
    for (Node p = node.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      root = p;
    }
    return root instanceof CompilationUnit unit && unit.containsData(KEY) ? unit.getData(KEY) : null;
  }

  /** Whether {@code node} is one of this file's nodes (a tree built apart from the unit is not). */
  boolean contains(Node node) {
    return positionOf(node) >= 0;
  }

  /**
   * The first node of {@code type} that passes {@code filter} at or below {@code root} (a node this index
   * {@link #contains}), in pre-order, as {@code Nodes.first} finds it by walking. A subtree is a run of the
   * pre-order, so a search below a method reads the nodes of {@code type} in that run, not every node.
   */
  <T extends Node> Optional<T> firstBelow(Node root, Class<T> type, Predicate<? super T> filter) {
    int at = positionOf(root);
    int end = subtreeEnd(at);
    Bucket typed = bucket(type);
    int i = typed.firstAtOrAfter(at);
    for (int visited = 0; i < typed.nodes.size() && typed.positions[i] < end; i++, visited++) {
      if ((visited & 255) == 255) {
        Linter.stopIfInterrupted();
      }
      T node = type.cast(typed.nodes.get(i));
      if (filter.test(node)) {
        return Optional.of(node);
      }
    }
    return Optional.empty();
  }

  /**
   * The position of {@code node} in the pre-order, or -1 when it is not a node of this file: found in its
   * class's bucket once, then remembered (meant for the few large nodes searched often: methods, classes).
   */
  private int positionOf(Node node) {
    Integer known = positions.get(node);
    if (known == null) {
      Bucket own = byExactClass.get(node.getClass());
      int i = own == null ? -1 : Nodes.indexOf(own.nodes, node);
      known = i < 0 ? -1 : own.positions[i];
      positions.put(node, known);
    }
    return known;
  }

  /** The position just after the last node below the one at {@code position}. */
  private int subtreeEnd(int position) {
    if (ends == null) {
      int[] sizes = new int[preorder.size()];
      Arrays.fill(sizes, 1);
      for (int i = preorder.size() - 1; i > 0; i--) { // a node comes after its parent
        sizes[parents[i]] += sizes[i];
      }
      for (int i = 0; i < sizes.length; i++) {
        sizes[i] += i;
      }
      ends = sizes;
    }
    return ends[position];
  }

  /** Every node, the unit first, in the order of {@code Node.walk}. */
  public List<Node> all() {
    return preorder;
  }

  /** Every node of {@code type}, in pre-order. */
  @SuppressWarnings("unchecked")
  public <T extends Node> List<T> all(Class<T> type) {
    return (List<T>) Collections.unmodifiableList(bucket(type).nodes);
  }

  /** The nodes of {@code type} (its subclasses' too) with their positions, in pre-order. */
  private Bucket bucket(Class<?> type) {
    Bucket known = byType.get(type);
    if (known != null) {
      return known;
    }
    if (type == Node.class) { // every node (a walk below a method): the pre-order itself, nothing to merge
      Bucket every = new Bucket(preorder);
      byType.put(type, every);
      return every;
    }
    List<Bucket> matching = new ArrayList<>();
    for (Map.Entry<Class<?>, Bucket> e : byExactClass.entrySet()) {
      if (type.isAssignableFrom(e.getKey())) {
        matching.add(e.getValue());
      }
    }
    // a class no other node class extends (most asked: calls, names, ...) has its own bucket
    Bucket found = matching.isEmpty() ? new Bucket() : matching.size() == 1 ? matching.get(0) : merged(matching);
    byType.put(type, found);
    return found;
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
    return merged(matching).nodes;
  }

  /** The buckets' nodes merged back into pre-order by position. */
  private Bucket merged(List<Bucket> buckets) {
    Node[] slots = new Node[preorder.size()];
    for (Bucket b : buckets) {
      for (int i = 0; i < b.nodes.size(); i++) {
        slots[b.positions[i]] = b.nodes.get(i);
      }
    }
    Bucket found = new Bucket();
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] != null) {
        found.add(slots[i], i);
      }
    }
    return found;
  }

  /** The nodes of one class in pre-order, with their positions in {@link #preorder}. */
  private static final class Bucket {
    final List<Node> nodes;
    int[] positions;

    Bucket() {
      nodes = new ArrayList<>();
      positions = new int[8];
    }

    /** Every node of the file: each at its own position. Never added to. */
    Bucket(List<Node> preorder) {
      nodes = preorder;
      positions = new int[preorder.size()];
      Arrays.setAll(positions, i -> i);
    }

    void add(Node node, int position) {
      if (nodes.size() == positions.length) {
        positions = Arrays.copyOf(positions, positions.length * 2);
      }
      positions[nodes.size()] = position;
      nodes.add(node);
    }

    /** The index of the first node at {@code position} or after it (binary search; positions ascend). */
    int firstAtOrAfter(int position) {
      int lo = 0;
      int hi = nodes.size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (positions[mid] < position) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
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
