package dev.nanlint.analysis.flow;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;

/**
 * The lattice and transfer functions of one forward dataflow analysis, in the shape of the Checker
 * Framework's {@code TransferFunction}: the engine ({@link ForwardAnalysis}) walks a control-flow graph
 * and asks this for the store at the entry, the effect of each element, and what a condition tells on
 * each of its edges. Stores are immutable values.
 *
 * @param <S> the abstract store (for the numeric analysis: facts keyed by access path)
 */
public interface Transfer<S> {
  /** The store on entry to {@code callable} (a method, constructor, initializer or lambda). */
  S entry(Node callable);

  /** The store of a path that cannot execute; the identity of {@link #join}. */
  S unreachable();

  /** The effect of evaluating one CFG element (see {@code Cfg} for which nodes are elements). */
  S apply(Node element, S before);

  /** What {@code condition} evaluating to {@code outcome} tells: the store on that edge. */
  S refine(Expression condition, boolean outcome, S before);

  /** The least upper bound of two stores where paths meet. */
  S join(S a, S b);

  /** Applied at loop heads after a few iterations so the analysis terminates: at least {@code join}. */
  S widen(S previous, S next);

  /** True when {@code a} and {@code b} hold the same facts (the fixpoint test). */
  boolean same(S a, S b);
}
