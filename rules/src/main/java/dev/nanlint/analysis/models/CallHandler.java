package dev.nanlint.analysis.models;

import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.analysis.facts.Store;
import java.util.Optional;

/**
 * What one library's calls do to numbers, in the shape of NullAway's handlers: a handler recognises its
 * library's calls (import-aware, through {@link Call#analysis()}) and says what a call returns given its
 * arguments' facts, what it changes in place, and what it tells when used as a check. Each method answers
 * empty for calls the handler does not model, and the next handler is asked. Adding a library is one
 * class implementing this, listed in {@link Handlers#builtIn()}.
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
}
