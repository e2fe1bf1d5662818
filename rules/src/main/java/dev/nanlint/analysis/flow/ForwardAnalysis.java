package dev.nanlint.analysis.flow;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.stmt.ThrowStmt;
import dev.nanlint.analysis.cfg.Block;
import dev.nanlint.analysis.cfg.Cfg;
import dev.nanlint.analysis.cfg.Edge;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A forward dataflow analysis over a {@link Cfg}: a worklist in reverse post-order that runs a
 * {@link Transfer} to a fixpoint. Stores flow along NORMAL edges as they are; a TRUE or FALSE edge gets
 * the store {@link Transfer#refine refined} by its condition; an EXCEPTION edge gets the join of the stores
 * before each element of its block (any of them may throw), and, when the block ends in a {@code throw},
 * the store after it. An edge whose store is {@link Transfer#unreachable} carries nothing. Where paths
 * meet the stores are joined; at a loop head (the target of a back edge) the join is widened from the
 * {@value #JOINS_BEFORE_WIDENING}th change on, so every lattice with a proper widening terminates.
 *
 * <p>The cost is one pass per block and change of its entry store; the stores of the last pass over each
 * block are kept, so asking for the store at an element costs a lookup.
 */
public final class ForwardAnalysis {
  /** How many times a loop head's entry store may change by plain joins before joins are widened. */
  static final int JOINS_BEFORE_WIDENING = 3;

  private ForwardAnalysis() {}

  public static <S> FlowResult<S> run(Cfg cfg, Transfer<S> transfer) {
    List<Block> blocks = cfg.blocks();
    int n = blocks.size();
    int[] rpo = reversePostOrder(cfg);
    Block[] byRank = new Block[n];
    for (Block b : blocks) {
      if (rpo[b.index()] >= 0) {
        byRank[rpo[b.index()]] = b;
      }
    }
    boolean[] loopHead = new boolean[n];
    for (Block b : blocks) {
      for (Edge e : b.successors()) {
        if (rpo[b.index()] >= 0 && rpo[e.target().index()] <= rpo[b.index()]) {
          loopHead[e.target().index()] = true;
        }
      }
    }
    S bottom = transfer.unreachable();
    List<S[]> stores = new ArrayList<>(n); // per block: the entry store, then the store after each element
    for (int i = 0; i < n; i++) {
      stores.add(null);
    }
    Object[] in = new Object[n];
    int[] changes = new int[n];
    BitSet pending = new BitSet(n);
    in[cfg.entry().index()] = transfer.entry(cfg.callable());
    pending.set(rpo[cfg.entry().index()]);
    for (int rank = pending.nextSetBit(0); rank >= 0; rank = pending.nextSetBit(0)) {
      pending.clear(rank);
      Block b = byRank[rank];
      @SuppressWarnings("unchecked")
      S s = (S) in[b.index()];
      List<Node> elements = b.elements();
      @SuppressWarnings("unchecked")
      S[] row = (S[]) new Object[elements.size() + 1];
      row[0] = s;
      boolean throwing = hasExceptionEdge(b);
      S thrown = throwing && elements.isEmpty() ? s : bottom;
      for (int i = 0; i < elements.size(); i++) {
        if (throwing) {
          thrown = transfer.join(thrown, s);
        }
        s = transfer.apply(elements.get(i), s);
        row[i + 1] = s;
      }
      if (throwing && !elements.isEmpty() && elements.get(elements.size() - 1) instanceof ThrowStmt) {
        thrown = transfer.join(thrown, s);
      }
      stores.set(b.index(), row);
      for (Edge e : b.successors()) {
        S out = switch (e.kind()) {
          case NORMAL -> s;
          case TRUE -> transfer.refine(e.condition(), true, s);
          case FALSE -> transfer.refine(e.condition(), false, s);
          case EXCEPTION -> thrown;
        };
        if (transfer.same(out, bottom)) {
          continue;
        }
        int t = e.target().index();
        @SuppressWarnings("unchecked")
        S old = (S) in[t];
        S next;
        if (old == null) {
          next = out;
        } else {
          next = transfer.join(old, out);
          if (loopHead[t] && changes[t] >= JOINS_BEFORE_WIDENING) {
            next = transfer.widen(old, next);
          }
          if (transfer.same(old, next)) {
            continue;
          }
        }
        in[t] = next;
        changes[t]++;
        pending.set(rpo[t]);
      }
    }
    return new FlowResult<>(cfg, transfer, stores);
  }

  private static boolean hasExceptionEdge(Block b) {
    for (Edge e : b.successors()) {
      if (e.kind() == Edge.Kind.EXCEPTION) {
        return true;
      }
    }
    return false;
  }

  /** The rank of each block in reverse post-order from the entry; -1 for blocks no path reaches. */
  static int[] reversePostOrder(Cfg cfg) {
    int n = cfg.blocks().size();
    int[] rank = new int[n];
    java.util.Arrays.fill(rank, -1);
    boolean[] seen = new boolean[n];
    int[] next = new int[n]; // per block on the stack: the next successor to visit
    Block[] stack = new Block[n];
    int depth = 0;
    int finished = 0;
    int[] postOrder = new int[n];
    stack[depth++] = cfg.entry();
    seen[cfg.entry().index()] = true;
    while (depth > 0) {
      Block top = stack[depth - 1];
      List<Edge> out = top.successors();
      if (next[top.index()] < out.size()) {
        Block succ = out.get(next[top.index()]++).target();
        if (!seen[succ.index()]) {
          seen[succ.index()] = true;
          stack[depth++] = succ;
        }
      } else {
        depth--;
        postOrder[finished++] = top.index();
      }
    }
    for (int i = 0; i < finished; i++) {
      rank[postOrder[i]] = finished - 1 - i;
    }
    return rank;
  }
}
