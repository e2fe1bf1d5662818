package dev.nanlint.analysis.models;

import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.analysis.facts.NumFact.Precision;
import dev.nanlint.analysis.facts.Store;
import java.util.ArrayList;
import java.util.List;

/**
 * What a comparison with a tolerance tells about its two operands: Weka's {@code Utils.gr(a, b)},
 * Guava's {@code DoubleMath.fuzzyEquals(a, b, tol)}, Commons Math's {@code Precision.equals(a, b, eps)}
 * and {@code compareTo}. Each is read as the set of outcomes an edge allows among "a below b by more
 * than eps", "a within eps of b" and "a above b by more than eps".
 */
final class Tolerance {
  private static final double INF = Double.POSITIVE_INFINITY;

  /** Which of the three outcomes of comparing a with b an edge allows, and whether an operand may be NaN there. */
  record Outcomes(boolean below, boolean within, boolean above, boolean nan) {
    static Outcomes of(boolean below, boolean within, boolean above, boolean nan) {
      return new Outcomes(below, within, above, nan);
    }
  }

  private Tolerance() {}

  /**
   * {@code before} with arguments {@code a} and {@code b} narrowed to what {@code allowed} leaves,
   * for a tolerance whose value is {@code eps} (a constant, or an interval: the outcomes "below" and
   * "above" use its least value, "within" its greatest).
   */
  static Store compared(Call call, int a, int b, NumFact eps, Outcomes allowed, Store before) {
    double least = eps.hasNoNumber() ? 0 : Math.max(0, eps.lo());
    double most = eps.hasNoNumber() ? INF : Math.max(0, eps.hi());
    Outcomes mirrored = Outcomes.of(allowed.above(), allowed.within(), allowed.below(), allowed.nan());
    Store s = narrow(call, a, regions(call.argument(b), least, most, allowed), before);
    return s.isReachable() ? narrow(call, b, regions(call.argument(a), least, most, mirrored), s) : s;
  }

  /**
   * Argument {@code index} narrowed to the union of {@code regions}, each met separately (so that a value
   * known to be >= 0 and outside [-eps, eps] is above eps, which one interval with a hole could not say).
   */
  private static Store narrow(Call call, int index, List<NumFact> regions, Store before) {
    NumFact x = call.argument(index);
    NumFact narrowed = NumFact.bottom();
    for (NumFact r : regions) {
      narrowed = narrowed.join(x.restrict(r));
    }
    if (narrowed.isBottom()) {
      return Store.unreachable();
    }
    NumFact result = narrowed;
    return call.argumentPaths().get(index).map(p -> before.with(p, result)).orElse(before);
  }

  /** The values v whose comparison with some value of {@code other} has an allowed outcome, one interval per outcome. */
  private static List<NumFact> regions(NumFact other, double least, double most, Outcomes allowed) {
    if (other.hasNoNumber()) {
      return List.of(NumFact.top());
    }
    List<NumFact> r = new ArrayList<>();
    if (allowed.nan()) {
      r.add(NumFact.nan(Precision.UNKNOWN));
    }
    if (allowed.below()) { // v < other - eps
      double hi = least == 0 ? Math.nextDown(other.hi()) : other.hi() - least;
      r.add(NumFact.of(-INF, bound(hi, INF), false, true, false, Precision.UNKNOWN));
    }
    if (allowed.within()) { // |v - other| <= eps
      r.add(NumFact.of(bound(other.lo() - most, -INF), bound(other.hi() + most, INF), false, true, false, Precision.UNKNOWN));
    }
    if (allowed.above()) { // v > other + eps
      double lo = least == 0 ? Math.nextUp(other.lo()) : other.lo() + least;
      r.add(NumFact.of(bound(lo, -INF), INF, false, true, false, Precision.UNKNOWN));
    }
    return r;
  }

  /** An infinite bound minus an infinite tolerance is NaN: the region then reaches as far as it can. */
  private static double bound(double computed, double farthest) {
    return Double.isNaN(computed) ? farthest : computed;
  }

  /** The outcomes a three-way comparison's result (-1, 0, 1; within {@code result}) allows; NaN counts as above. */
  static Outcomes ofResult(NumFact result, boolean nanIsAbove) {
    boolean below = result.lo() <= -1;
    boolean above = result.hi() >= 1;
    return Outcomes.of(below, result.canBeZero(), above, above && nanIsAbove);
  }
}
