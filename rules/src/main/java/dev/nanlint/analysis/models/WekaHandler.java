package dev.nanlint.analysis.models;

import dev.nanlint.analysis.Printed;
import dev.nanlint.analysis.facts.AccessPath;
import dev.nanlint.analysis.facts.Arith;
import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.analysis.facts.NumFact.Precision;
import dev.nanlint.analysis.facts.NumFact.Tag;
import dev.nanlint.analysis.facts.Store;
import dev.nanlint.analysis.models.Tolerance.Outcomes;
import java.util.Optional;

/**
 * Weka's {@code weka.core.Utils} (only that class, by its import, never a bare {@code Utils}): the
 * comparisons within {@code Utils.SMALL} ({@code eq}, {@code gr}, {@code sm}, {@code grOrEq},
 * {@code smOrEq}: false for NaN), {@code sum}, {@code mean}, {@code log2}, and {@code normalize(p)},
 * which divides the elements by their sum in place and throws when the sum is NaN or 0.
 */
public final class WekaHandler implements CallHandler {
  static final String UTILS = "weka.core.Utils";
  /** {@code weka.core.Utils.SMALL}: the tolerance of its comparisons. */
  static final double SMALL = 1e-6;

  @Override
  public Optional<Effect> effect(Call call) {
    if (!call.isStaticOn(UTILS)) {
      return Optional.empty();
    }
    if (call.name().equals("normalize") && (call.arity() == 1 || call.arity() == 2)) {
      return Optional.of(normalize(call));
    }
    return comparison(call, true) != null || returns(call).isPresent() ? Optional.of(Effect.PURE) : Optional.empty();
  }

  @Override
  public Optional<NumFact> returns(Call call) {
    if (call.arity() != 1 || !call.isStaticOn(UTILS)) {
      return Optional.empty();
    }
    String text = Printed.of(call.expr());
    return switch (call.name()) {
      case "sum" -> Optional.of(Reductions.sum(call.elements(0), text, call.expr(), Precision.DOUBLE));
      case "mean" -> Optional.of(Reductions.mean(call.elements(0), text, call.expr(), Precision.DOUBLE));
      case "log2" -> {
        NumFact log = JavaMathHandler.unary("log", call.argument(0), Printed.of(call.argumentExpr(0)), call.expr());
        yield Optional.of(Arith.div(log, NumFact.constant(Math.log(2))).provenanceFrom(log));
      }
      default -> Optional.empty();
    };
  }

  @Override
  public Optional<Store> refine(Call call, boolean outcome, Store before) {
    Outcomes allowed = call.isStaticOn(UTILS) ? comparison(call, outcome) : null;
    return allowed == null ? Optional.empty()
        : Optional.of(Tolerance.compared(call, 0, 1, NumFact.constant(SMALL), allowed, before));
  }

  /** What {@code Utils.eq/gr/sm/grOrEq/smOrEq(a, b)} returning {@code outcome} allows; null for other calls. */
  private static Outcomes comparison(Call call, boolean outcome) {
    if (call.arity() != 2) {
      return null;
    }
    Outcomes holds = switch (call.name()) {
      case "eq" -> Outcomes.of(false, true, false, false);
      case "gr" -> Outcomes.of(false, false, true, false);
      case "sm" -> Outcomes.of(true, false, false, false);
      case "grOrEq" -> Outcomes.of(false, true, true, false);
      case "smOrEq" -> Outcomes.of(true, true, false, false);
      default -> null;
    };
    if (holds == null || outcome) {
      return holds;
    }
    return Outcomes.of(!holds.below(), !holds.within(), !holds.above(), true); // NaN makes every one false
  }

  /** {@code normalize(p)} or {@code normalize(p, sum)}: p's elements divided by a sum that is neither NaN nor 0. */
  private static Effect normalize(Call call) {
    Optional<AccessPath> array = call.argumentPaths().get(0);
    if (array.isEmpty()) {
      return Effect.PURE;
    }
    NumFact e = call.elements(0);
    String text = Printed.of(call.expr());
    NumFact sum = call.arity() == 2 ? call.argument(1) : Reductions.sum(e, text, call.expr(), Precision.DOUBLE);
    NumFact divisor = sum.notNaN().exclude(0); // it throws otherwise
    NumFact elements;
    if (call.arity() == 1 && e.lo() >= 0) { // non-negative parts of their own sum
      elements = NumFact.of(0, 1, e.canBeInfinite(), true, false, Precision.DOUBLE).tagged(Tag.PROBABILITY)
          .because(text + " divides by the sum: elements in [0, 1], reaching 0", call.expr());
    } else {
      elements = Arith.div(Reductions.in(e, Precision.DOUBLE), divisor);
    }
    Effect effect = Effect.sets(array.get().elements(), elements);
    Optional<AccessPath> sumPath = call.arity() == 2 ? call.argumentPaths().get(1) : Optional.empty();
    return sumPath.map(p -> effect.and(new Effect.Update(p, divisor, true))).orElse(effect);
  }
}
