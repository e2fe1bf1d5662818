package dev.nanlint.analysis.flow;

import com.github.javaparser.ast.Node;
import dev.nanlint.analysis.cfg.Block;
import dev.nanlint.analysis.cfg.Cfg;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixpoint of a {@link ForwardAnalysis}: the store before and after each element of the graph. An
 * element that several blocks hold (a finally block built once per way in) gets the join of its copies.
 * An element no path reaches has the unreachable store.
 */
public final class FlowResult<S> {
  private final Cfg cfg;
  private final Transfer<S> transfer;
  private final S bottom;
  private final Map<Node, S> before = new IdentityHashMap<>();
  private final Map<Node, S> after = new IdentityHashMap<>();
  private final S exit;
  private final S exceptionalExit;

  FlowResult(Cfg cfg, Transfer<S> transfer, List<S[]> stores) {
    this.cfg = cfg;
    this.transfer = transfer;
    this.bottom = transfer.unreachable();
    for (Block b : cfg.blocks()) {
      S[] row = stores.get(b.index());
      List<Node> elements = b.elements();
      for (int i = 0; i < elements.size(); i++) {
        S pre = row == null ? bottom : row[i];
        S post = row == null ? bottom : row[i + 1];
        before.merge(elements.get(i), pre, transfer::join);
        after.merge(elements.get(i), post, transfer::join);
      }
    }
    this.exit = entryStore(stores, cfg.exit());
    this.exceptionalExit = entryStore(stores, cfg.exceptionalExit());
  }

  private S entryStore(List<S[]> stores, Block b) {
    S[] row = stores.get(b.index());
    return row == null ? bottom : row[0];
  }

  public Cfg cfg() {
    return cfg;
  }

  /**
   * The store just before {@code element} runs.
   *
   * @throws IllegalArgumentException if {@code element} is not an element of the graph (see
   *     {@link Cfg#elementOf} to find the element that evaluates a node)
   */
  public S before(Node element) {
    return lookup(before, element);
  }

  /** The store just after {@code element} ran (before any refinement by the edge it leaves on). */
  public S after(Node element) {
    return lookup(after, element);
  }

  /** True when some path from the entry reaches {@code element} with a store that is not unreachable. */
  public boolean reachable(Node element) {
    return !transfer.same(before(element), bottom);
  }

  /** The store at the normal exit (after every return and the end of the body). */
  public S atExit() {
    return exit;
  }

  /** The store at the exceptional exit (thrown and uncaught exceptions that the graph draws). */
  public S atExceptionalExit() {
    return exceptionalExit;
  }

  private S lookup(Map<Node, S> stores, Node element) {
    S s = stores.get(element);
    if (s == null) {
      throw new IllegalArgumentException("not an element of this graph: " + element);
    }
    return s;
  }
}
