package dev.nanlint.analysis.models;

import com.github.javaparser.ast.expr.Expression;
import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.analysis.facts.Store;
import java.util.Optional;

/**
 * What one library's calls do to numbers, in the shape of NullAway's handlers: a handler recognises its
 * library's calls (import-aware, through {@link Call#analysis()}) and says what a call returns given its
 * arguments' facts, what it changes in place, and what it tells when used as a check. Each method answers
 * empty for calls the handler does not model, and the next handler is asked. Adding a library is one
 * class implementing this, listed in {@link Handlers#builtIn()}.
 *
 * <p>The fact of an array-valued expression is the fact of its elements: an INDArray, a SameDiff
 * variable, a Tribuo vector, and a call returning a Java array (when assigned, it becomes the
 * {@code a[*]} of the array variable).
 */
public interface CallHandler {
  /** The fact of the call's result. */
  default Optional<NumFact> returns(Call call) {
    return Optional.empty();
  }

  /** What the call may change in place; calls no handler knows change what {@link Effect#UNKNOWN} says. */
  default Optional<Effect> effect(Call call) {
    return Optional.empty();
  }

  /**
   * The store on the edge where the call (a boolean check such as {@code Double.isNaN(x)}) returned
   * {@code outcome}; facts of the arguments are in {@code call}.
   */
  default Optional<Store> refine(Call call, boolean outcome, Store before) {
    return Optional.empty();
  }

  /**
   * A condition that holds whenever the call returns normally, because the call throws otherwise
   * ({@code Preconditions.checkArgument(n > 0)}): the store after the call is its TRUE refinement.
   */
  default Optional<Expression> ensures(Call call) {
    return Optional.empty();
  }

  /**
   * The store once the call's result is known to lie in {@code result}, a comparison having told so
   * ({@code Precision.compareTo(d, 0, eps) > 0}: the result is 1, so d is above eps).
   */
  default Optional<Store> refineResult(Call call, NumFact result, Store before) {
    return Optional.empty();
  }
}
