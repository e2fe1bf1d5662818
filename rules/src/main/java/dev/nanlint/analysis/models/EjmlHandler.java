package dev.nanlint.analysis.models;

import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.analysis.facts.NumFact.Precision;
import dev.nanlint.analysis.facts.Store;
import java.util.Optional;

/**
 * EJML and Guava tests of a value for NaN or infinity ({@link NanTests}): {@code UtilEjml.isUncountable(x)} is
 * true for NaN and the infinities, {@code Doubles.isFinite(x)} for the rest; on each edge the argument keeps
 * what the outcome allows. java.lang's own tests are {@link JavaLangHandler}'s.
 */
public final class EjmlHandler implements CallHandler {
  private static final NumFact FINITE = NumFact.of(-Double.MAX_VALUE, Double.MAX_VALUE, false, true, false,
      Precision.UNKNOWN);

  @Override
  public Optional<Effect> effect(Call call) {
    return test(call).isPresent() ? Optional.of(Effect.PURE) : Optional.empty();
  }

  @Override
  public Optional<Store> refine(Call call, boolean outcome, Store before) {
    Optional<NanTests.Test> test = test(call);
    if (test.isEmpty()) {
      return Optional.empty();
    }
    boolean finite = test.get() == NanTests.Test.FINITE ? outcome : !outcome;
    NumFact bound = finite ? FINITE : JavaLangHandler.infiniteOrNaN(call.argument(0));
    return Optional.of(call.restrictArgument(0, bound, before));
  }

  private static Optional<NanTests.Test> test(Call call) {
    // java.lang's own tests are JavaLangHandler's
    return call.isOn(JavaLangHandler.BOXES) ? Optional.empty() : NanTests.of(call.expr(), call.analysis().api());
  }
}
