package dev.nanlint.analysis.cfg;

import java.util.ArrayList;
import java.util.List;

/**
 * Tidies a freshly built graph: the builder creates join blocks freely, so empty blocks that only pass
 * control on are bypassed, a block that only falls into a block with no other way in (and no exception
 * edges) absorbs it, empty blocks nothing enters are dropped, and the rest are numbered in
 * creation order (entry first, the two exits last).
 */
final class CfgCompactor {
  private CfgCompactor() {}

  static void compact(List<Block> blocks) {
    Block entry = blocks.get(0);
    Block exit = blocks.get(blocks.size() - 2);
    Block exceptionalExit = blocks.get(blocks.size() - 1);
    for (Block b : blocks) {
      if (b != entry && b != exit && b != exceptionalExit && b.isEmpty() && b.successors.size() == 1) {
        Edge out = b.successors.get(0);
        if (out.kind() == Edge.Kind.NORMAL && out.target() != b) {
          bypass(b, out);
        }
      }
    }
    for (Block b : blocks) {
      if (b != entry) {
        absorbSuccessors(b, exit, exceptionalExit);
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Block b : blocks) {
        if (b != entry && b != exit && b != exceptionalExit && b.isEmpty() && b.predecessors.isEmpty()
            && !b.successors.isEmpty()) {
          for (Edge out : b.successors) {
            removeIdentical(out.target().predecessors, out);
          }
          b.successors.clear();
          changed = true;
        }
      }
    }
    List<Block> kept = new ArrayList<>();
    for (Block b : blocks) {
      boolean unused = b.isEmpty() && b.predecessors.isEmpty() && b.successors.isEmpty();
      if (!unused || b == entry || b == exit || b == exceptionalExit) {
        kept.add(b);
      }
    }
    blocks.clear();
    blocks.addAll(kept);
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      b.index = i;
      if (b != entry && b != exit && b != exceptionalExit) {
        b.rename("B" + i);
      }
    }
  }

  /** Sends every edge into the empty block {@code b} straight to its only successor. */
  private static void bypass(Block b, Edge out) {
    Block target = out.target();
    removeIdentical(target.predecessors, out);
    for (Edge in : b.predecessors) {
      Edge redirected = new Edge(in.source(), target, in.kind(), in.condition());
      List<Edge> successors = in.source().successors;
      int at = indexOfIdentical(successors, in);
      if (hasSame(successors, redirected)) {
        successors.remove(at);
      } else {
        successors.set(at, redirected);
        target.predecessors.add(redirected);
      }
    }
    b.predecessors.clear();
    b.successors.clear();
  }

  /** Appends to {@code a} the straight-line blocks that only {@code a} falls into. */
  private static void absorbSuccessors(Block a, Block exit, Block exceptionalExit) {
    while (a.successors.size() == 1) {
      Edge into = a.successors.get(0);
      Block b = into.target();
      if (into.kind() != Edge.Kind.NORMAL || b == a || b == exit || b == exceptionalExit
          || b.predecessors.size() != 1 || hasExceptionEdge(b)) {
        return;
      }
      b.moveElementsTo(a);
      a.successors.clear();
      for (Edge out : b.successors) {
        Edge moved = new Edge(a, out.target(), out.kind(), out.condition());
        a.successors.add(moved);
        List<Edge> targetIn = out.target().predecessors;
        targetIn.set(indexOfIdentical(targetIn, out), moved);
      }
      b.predecessors.clear();
      b.successors.clear();
    }
  }

  private static boolean hasExceptionEdge(Block b) {
    for (Edge e : b.successors) {
      if (e.kind() == Edge.Kind.EXCEPTION) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasSame(List<Edge> edges, Edge e) {
    for (Edge other : edges) {
      if (other.target() == e.target() && other.kind() == e.kind() && other.condition() == e.condition()) {
        return true;
      }
    }
    return false;
  }

  private static int indexOfIdentical(List<Edge> edges, Edge e) {
    for (int i = 0; i < edges.size(); i++) {
      if (edges.get(i) == e) {
        return i;
      }
    }
    return -1;
  }

  private static void removeIdentical(List<Edge> edges, Edge e) {
    int at = indexOfIdentical(edges, e);
    if (at >= 0) {
      edges.remove(at);
    }
  }
}
