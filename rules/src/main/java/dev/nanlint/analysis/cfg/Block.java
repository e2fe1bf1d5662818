package dev.nanlint.analysis.cfg;

import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A basic block: elements that run one after the other, entered only at the top. A block whose last
 * element is an atomic condition leaves on a {@link Edge.Kind#TRUE} and a {@link Edge.Kind#FALSE} edge.
 */
public final class Block {
  private final List<Node> elements = new ArrayList<>();
  final List<Edge> successors = new ArrayList<>();
  final List<Edge> predecessors = new ArrayList<>();
  private String name;
  int index;

  Block(String name) {
    this.name = name;
  }

  /** The elements in evaluation order (see {@link Cfg} for which nodes are elements). */
  public List<Node> elements() {
    return Collections.unmodifiableList(elements);
  }

  public List<Edge> successors() {
    return Collections.unmodifiableList(successors);
  }

  public List<Edge> predecessors() {
    return Collections.unmodifiableList(predecessors);
  }

  /** The position of this block in {@link Cfg#blocks()}, a dense index for arrays. */
  public int index() {
    return index;
  }

  void add(Node element) {
    elements.add(element);
  }

  void moveElementsTo(Block other) {
    other.elements.addAll(elements);
    elements.clear();
  }

  boolean isEmpty() {
    return elements.isEmpty();
  }

  void rename(String newName) {
    name = newName;
  }

  @Override
  public String toString() {
    return name;
  }
}
