package dev.nanlint.analysis.models;

import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.analysis.facts.NumFact.Precision;
import dev.nanlint.analysis.facts.Store;
import dev.nanlint.analysis.models.Tolerance.Outcomes;
import java.util.Optional;

/**
 * Commons Math's {@code Precision} (math3, and Commons Numbers' for math4): {@code equals(x, y)} (within
 * one ulp), {@code equals(x, y, eps)}, {@code equals(x, y, maxUlps)}, {@code equalsIncludingNaN} as
 * checks, and {@code compareTo(x, y, eps)} (0 within eps, -1 below, 1 above or NaN) as a three-way
 * result a comparison refines: after {@code if (Precision.equals(d, 0)) return;} d is not 0.
 */
public final class CommonsMathHandler implements CallHandler {
  private static final String[] PRECISION = {"org.apache.commons.math3.util.Precision",
      "org.apache.commons.numbers.core.Precision"};

  @Override
  public Optional<Effect> effect(Call call) {
    return isPrecision(call) ? Optional.of(Effect.PURE) : Optional.empty();
  }

  @Override
  public Optional<NumFact> returns(Call call) {
    return isPrecision(call) && call.name().equals("compareTo") ? Optional.of(NumFact.range(-1, 1, Precision.INT))
        : Optional.empty();
  }

  @Override
  public Optional<Store> refine(Call call, boolean outcome, Store before) {
    if (!isPrecision(call) || !call.name().startsWith("equals")) {
      return Optional.empty();
    }
    boolean nanEqual = call.name().equals("equalsIncludingNaN"); // true for two NaNs
    Outcomes allowed = outcome ? Outcomes.of(false, true, false, nanEqual) : Outcomes.of(true, false, true, true);
    return Optional.of(Tolerance.compared(call, 0, 1, tolerance(call), allowed, before));
  }

  @Override
  public Optional<Store> refineResult(Call call, NumFact result, Store before) {
    if (!isPrecision(call) || !call.name().equals("compareTo")) {
      return Optional.empty();
    }
    return Optional.of(Tolerance.compared(call, 0, 1, tolerance(call), Tolerance.ofResult(result, true), before));
  }

  /** The tolerance: one ulp of y, an absolute eps (never below that ulp), or a number of ulps. */
  private static NumFact tolerance(Call call) {
    NumFact y = call.argument(1);
    double magnitude = y.hasNoNumber() ? 0 : Math.max(Math.abs(y.lo()), Math.abs(y.hi()));
    double ulp = Math.ulp(magnitude);
    if (call.arity() < 3) {
      return NumFact.constant(ulp);
    }
    NumFact third = call.argument(2);
    if (third.hasNoNumber()) {
      return NumFact.top();
    }
    if (third.isIntegral()) { // maxUlps
      return NumFact.range(0, Math.max(0, third.hi()) * ulp, Precision.DOUBLE);
    }
    return NumFact.range(Math.max(ulp, third.lo()), Math.max(ulp, third.hi()), Precision.DOUBLE);
  }

  private static boolean isPrecision(Call call) {
    String name = call.name();
    boolean known = name.equals("equals") || name.equals("equalsIncludingNaN") || name.equals("compareTo");
    return known && call.arity() >= 2 && call.arity() <= 3 && call.isStaticOn(PRECISION);
  }
}
