package dev.nanlint.analysis.models;

import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.analysis.facts.NumFact.Precision;
import dev.nanlint.analysis.facts.Store;

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
    NumFact x = call.argument(a);
    NumFact y = call.argument(b);
    Outcomes mirrored = Outcomes.of(allowed.above(), allowed.within(), allowed.below(), allowed.nan());
    Store s = call.restrictArgument(a, region(y, least, most, allowed), before);
    return s.isReachable() ? call.restrictArgument(b, region(x, least, most, mirrored), s) : s;
  }

  /** The values v whose comparison with some value of {@code other} has an allowed outcome. */
  private static NumFact region(NumFact other, double least, double most, Outcomes allowed) {
    if (other.hasNoNumber()) {
      return NumFact.top();
    }
    NumFact r = allowed.nan() ? NumFact.nan(Precision.UNKNOWN) : NumFact.bottom();
    if (allowed.below()) { // v < other - eps
      double hi = least == 0 ? Math.nextDown(other.hi()) : other.hi() - least;
      r = r.join(NumFact.of(-INF, hi, false, true, false, Precision.UNKNOWN));
    }
    if (allowed.within()) { // |v - other| <= eps
      r = r.join(NumFact.of(other.lo() - most, other.hi() + most, false, true, false, Precision.UNKNOWN));
    }
    if (allowed.above()) { // v > other + eps
      double lo = least == 0 ? Math.nextUp(other.lo()) : other.lo() + least;
      r = r.join(NumFact.of(lo, INF, false, true, false, Precision.UNKNOWN));
    }
    return r;
  }

  /** The outcomes a three-way comparison's result (-1, 0, 1; within {@code result}) allows; NaN counts as above. */
  static Outcomes ofResult(NumFact result, boolean nanIsAbove) {
    boolean below = result.lo() <= -1;
    boolean above = result.hi() >= 1;
    return Outcomes.of(below, result.canBeZero(), above, above && nanIsAbove);
  }
}
