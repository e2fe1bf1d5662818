package dev.nanlint.analysis.models;

import com.github.javaparser.ast.expr.Expression;
import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.analysis.facts.NumFact.Precision;
import dev.nanlint.analysis.facts.Store;
import dev.nanlint.analysis.models.Tolerance.Outcomes;
import java.util.Optional;

/**
 * Guava: {@code Preconditions.checkArgument(cond)}, {@code checkState(cond)} and {@code Verify.verify(cond)}
 * throw when the condition is false, so the code after them runs only where it holds; and
 * {@code DoubleMath.fuzzyEquals(a, b, tolerance)} / {@code fuzzyCompare} as comparisons within a tolerance
 * (two NaNs are fuzzy-equal; NaN compares above every number).
 */
public final class GuavaHandler implements CallHandler {
  static final String PRECONDITIONS = "com.google.common.base.Preconditions";
  static final String VERIFY = "com.google.common.base.Verify";
  static final String DOUBLE_MATH = "com.google.common.math.DoubleMath";

  @Override
  public Optional<Expression> ensures(Call call) {
    return isCheck(call) ? Optional.of(call.argumentExpr(0)) : Optional.empty();
  }

  @Override
  public Optional<Effect> effect(Call call) {
    return isCheck(call) || isFuzzy(call) ? Optional.of(Effect.PURE) : Optional.empty();
  }

  @Override
  public Optional<NumFact> returns(Call call) {
    return isFuzzy(call) && call.name().equals("fuzzyCompare") ? Optional.of(NumFact.range(-1, 1, Precision.INT))
        : Optional.empty();
  }

  @Override
  public Optional<Store> refine(Call call, boolean outcome, Store before) {
    if (!isFuzzy(call) || !call.name().equals("fuzzyEquals")) {
      return Optional.empty();
    }
    boolean bothNaN = call.argument(0).canBeNaN() && call.argument(1).canBeNaN();
    Outcomes allowed = outcome ? Outcomes.of(false, true, false, bothNaN) : Outcomes.of(true, false, true, true);
    return Optional.of(Tolerance.compared(call, 0, 1, call.argument(2), allowed, before));
  }

  @Override
  public Optional<Store> refineResult(Call call, NumFact result, Store before) {
    if (!isFuzzy(call) || !call.name().equals("fuzzyCompare")) {
      return Optional.empty();
    }
    Outcomes r = Tolerance.ofResult(result, true);
    Outcomes allowed = Outcomes.of(r.below(), r.within(), r.above(), r.below() || r.above()); // NaN on either side
    return Optional.of(Tolerance.compared(call, 0, 1, call.argument(2), allowed, before));
  }

  private static boolean isCheck(Call call) {
    if (call.arity() < 1) {
      return false;
    }
    String name = call.name();
    return (name.equals("checkArgument") || name.equals("checkState")) && call.isStaticOn(PRECONDITIONS)
        || name.equals("verify") && call.isStaticOn(VERIFY);
  }

  private static boolean isFuzzy(Call call) {
    return call.arity() == 3 && (call.name().equals("fuzzyEquals") || call.name().equals("fuzzyCompare"))
        && call.isStaticOn(DOUBLE_MATH);
  }
}
