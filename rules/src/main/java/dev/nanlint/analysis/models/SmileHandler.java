package dev.nanlint.analysis.models;

import dev.nanlint.analysis.Printed;
import dev.nanlint.analysis.facts.AccessPath;
import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.analysis.facts.NumFact.Precision;
import dev.nanlint.analysis.facts.NumFact.Tag;
import java.util.Optional;

/**
 * Smile's {@code smile.math.MathEx}: {@code log} (-690.7755 at or below 1e-300, NaN included: never
 * -Infinity nor NaN), {@code logistic} (clamped: in [4.2e-18, 1], never 0), {@code softmax(p)} (in
 * place: elements in [0, 1]; returns the index of the largest), and the reductions {@code sum},
 * {@code mean}, {@code norm}/{@code norm1}/{@code norm2}/{@code normInf}, {@code var} and {@code sd}.
 * Smile computes the variance as {@code sumsq/(n-1) - mean*sum/(n-1)}: 0 for constant data, and
 * rounding can take it below 0, so {@code sd} can be NaN.
 */
public final class SmileHandler implements CallHandler {
  static final String MATH_EX = "smile.math.MathEx";
  /** What {@code MathEx.log} returns at and below 1e-300. */
  static final double LOG_FLOOR = -690.7755;
  /** {@code MathEx.logistic(x)} for x below -40: 1 / 2.353853e17. */
  static final double LOGISTIC_FLOOR = 1 / 2.353853e+17;

  @Override
  public Optional<NumFact> returns(Call call) {
    if (!call.isStaticOn(MATH_EX) || call.arity() < 1) {
      return Optional.empty();
    }
    NumFact x = call.argument(0);
    String text = Printed.of(call.expr());
    Precision d = Precision.DOUBLE;
    return Optional.ofNullable(switch (call.arity() == 1 ? call.name() : call.name() + "/" + call.arity()) {
      case "log" -> log(x);
      case "logistic" -> NumFact.of(LOGISTIC_FLOOR, 1, x.canBeNaN(), false, false, d).tagged(Tag.PROBABILITY);
      case "softmax", "softmax/2" -> NumFact.range(-1, Integer.MAX_VALUE, Precision.INT);
      case "sum" -> Reductions.sum(call.elements(0), text, call.expr(), d);
      case "mean" -> Reductions.mean(call.elements(0), text, call.expr(), d);
      case "norm", "norm1", "norm2", "normInf" -> Reductions.norm(call.elements(0), text, call.expr(), d);
      case "var" -> variance(call.elements(0), text, call);
      case "sd" -> sd(call.elements(0), text, call);
      default -> null;
    });
  }

  @Override
  public Optional<Effect> effect(Call call) {
    if (!call.isStaticOn(MATH_EX) || returns(call).isEmpty()) {
      return Optional.empty(); // other MathEx methods (normalize, standardize, scale...) may change their arrays
    }
    if (call.name().equals("softmax")) {
      Optional<AccessPath> array = call.argumentPaths().get(0);
      NumFact e = call.elements(0);
      NumFact p = Reductions.probabilities(Reductions.softmaxNaN(e), Printed.of(call.expr()), call.expr(),
          Precision.DOUBLE);
      return Optional.of(array.map(a -> Effect.sets(a.elements(), p)).orElse(Effect.PURE));
    }
    return Optional.of(Effect.PURE);
  }

  /** {@code x > 1e-300 ? Math.log(x) : -690.7755}. */
  private static NumFact log(NumFact x) {
    double lo = x.lo() > 1e-300 ? Math.log(x.lo()) : LOG_FLOOR;
    double hi = x.hi() > 1e-300 ? Math.log(x.hi()) : LOG_FLOOR;
    return NumFact.of(lo, hi, false, x.lo() <= 1 && x.hi() >= 1, false, Precision.DOUBLE);
  }

  private static NumFact variance(NumFact e, String text, Call call) {
    NumFact spread = Reductions.spread(e, true, text, call.expr(), Precision.DOUBLE);
    return NumFact.of(Double.NEGATIVE_INFINITY, spread.hi(), spread.canBeNaN(), true, false, Precision.DOUBLE)
        .provenanceFrom(spread).tagged(Tag.DIFFERENCE)
        .because(text + " is sumsq/(n-1) - mean*sum/(n-1): rounding can take it below 0", call.expr());
  }

  private static NumFact sd(NumFact e, String text, Call call) {
    NumFact spread = Reductions.spread(e, false, text, call.expr(), Precision.DOUBLE);
    return NumFact.of(0, spread.hi(), true, true, false, Precision.DOUBLE).provenanceFrom(spread)
        .because(text + " is the sqrt of a variance that rounding can take below 0: NaN", call.expr());
  }
}
