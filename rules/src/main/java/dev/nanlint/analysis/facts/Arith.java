package dev.nanlint.analysis.facts;

import dev.nanlint.analysis.facts.NumFact.Precision;

/**
 * Interval arithmetic on {@link NumFact}s as Java computes it: IEEE rounding (bounds are computed with
 * the same double operations, and rounding is monotone, so they are exact results of the extreme
 * operands; float results are rounded to float, which for +, -, *, / gives the float operation's result),
 * NaN from 0/0, Inf-Inf, 0*Inf, and integer division truncating toward 0.
 *
 * <p>Integer overflow saturates instead of wrapping: counters and indices do not overflow in the code we
 * read, and modelling the wrap would make every counter possibly negative. Signed zeros are not told
 * apart: a zero divisor is +0 when the divisor is non-negative, -0 when non-positive, either otherwise.
 *
 * <p>Pure numbers only: provenance (tags, evidence) is the {@link Evaluator}'s business.
 */
public final class Arith {
  private static final double INF = Double.POSITIVE_INFINITY;

  private Arith() {}

  public static NumFact neg(NumFact a) {
    if (a.isBottom()) {
      return a;
    }
    return NumFact.of(-a.hi(), -a.lo(), a.canBeNaN(), a.canBeZero(), a.isIntegral(), a.precision());
  }

  public static NumFact add(NumFact a, NumFact b) {
    if (a.isBottom() || b.isBottom()) {
      return NumFact.bottom();
    }
    Precision p = Precision.promote(a.precision(), b.precision());
    boolean nan = a.canBeNaN() || b.canBeNaN() || (a.hi() == INF && b.lo() == -INF) || (a.lo() == -INF && b.hi() == INF);
    if (a.hasNoNumber() || b.hasNoNumber()) {
      return NumFact.of(INF, -INF, nan, false, false, p);
    }
    double lo = a.lo() + b.lo();
    double hi = a.hi() + b.hi();
    lo = Double.isNaN(lo) ? -INF : lo;
    hi = Double.isNaN(hi) ? INF : hi;
    // x + y == 0 exactly when x == -y (gradual underflow): do the intervals of a and -b share a value?
    double sharedLo = Math.max(a.lo(), -b.hi());
    double sharedHi = Math.min(a.hi(), -b.lo());
    boolean zero = sharedLo <= sharedHi && !(sharedLo == 0 && sharedHi == 0 && !(a.canBeZero() && b.canBeZero()));
    return NumFact.of(lo, hi, nan, zero, a.isIntegral() && b.isIntegral(), p);
  }

  public static NumFact sub(NumFact a, NumFact b) {
    return add(a, neg(b));
  }

  public static NumFact mul(NumFact a, NumFact b) {
    if (a.isBottom() || b.isBottom()) {
      return NumFact.bottom();
    }
    Precision p = Precision.promote(a.precision(), b.precision());
    boolean nan = a.canBeNaN() || b.canBeNaN() || (a.canBeZero() && b.canBeInfinite())
        || (b.canBeZero() && a.canBeInfinite());
    if (a.hasNoNumber() || b.hasNoNumber()) {
      return NumFact.of(INF, -INF, nan, false, false, p);
    }
    double lo = INF;
    double hi = -INF;
    for (double x : new double[] {a.lo(), a.hi()}) {
      for (double y : new double[] {b.lo(), b.hi()}) {
        double v = x * y;
        v = Double.isNaN(v) ? 0 : v; // 0 * Inf: the NaN is flagged above, the neighbours bound it
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    boolean integral = a.isIntegral() && b.isIntegral();
    // 0 from a 0 factor, or from two tiny factors underflowing
    boolean zero = a.canBeZero() || b.canBeZero() || (!integral && round(minAbs(a) * minAbs(b), p) == 0);
    return NumFact.of(lo, hi, nan, zero, integral, p);
  }

  /** The square of one value (x * x of the same variable): never negative. */
  public static NumFact square(NumFact a) {
    NumFact m = mul(a, a);
    if (m.isBottom() || m.hasNoNumber()) {
      return m;
    }
    double low = round(minAbs(a) * minAbs(a), m.precision());
    return NumFact.of(Math.max(0, low), m.hi(), a.canBeNaN(), m.canBeZero(), m.isIntegral(), m.precision());
  }

  public static NumFact div(NumFact a, NumFact b) {
    if (a.isBottom() || b.isBottom()) {
      return NumFact.bottom();
    }
    Precision p = Precision.promote(a.precision(), b.precision());
    if (p.isIntegral() || (p == Precision.UNKNOWN && a.isIntegral() && b.isIntegral() && !floatingKnown(a, b))) {
      NumFact truncated = intDiv(a, b, p);
      return p == Precision.UNKNOWN ? truncated.join(realDiv(a, b, p)) : truncated;
    }
    return realDiv(a, b, p);
  }

  /** Either operand known to be floating point: the division is not an integer one. */
  private static boolean floatingKnown(NumFact a, NumFact b) {
    return a.precision() == Precision.DOUBLE || a.precision() == Precision.FLOAT
        || b.precision() == Precision.DOUBLE || b.precision() == Precision.FLOAT;
  }

  private static NumFact realDiv(NumFact a, NumFact b, Precision p) {
    boolean nan = a.canBeNaN() || b.canBeNaN() || (a.canBeZero() && b.canBeZero())
        || (a.canBeInfinite() && b.canBeInfinite());
    if (a.hasNoNumber() || b.hasNoNumber()) {
      return NumFact.of(INF, -INF, nan, false, false, p);
    }
    double lo = INF;
    double hi = -INF;
    double tiny = NumFact.smallest(p);
    double[][] parts = {
        {b.lo(), Math.min(b.hi(), -tiny)}, // the divisor's negative values
        {Math.max(b.lo(), tiny), b.hi()}}; // and its positive ones
    for (double[] part : parts) {
      if (part[0] > part[1]) {
        continue;
      }
      for (double x : new double[] {a.lo(), a.hi()}) {
        for (double y : part) {
          double v = x / y;
          if (Double.isNaN(v)) { // Inf / Inf: anything between 0 and a signed infinity
            lo = Math.min(lo, 0);
            hi = Math.max(hi, 0);
            v = Math.signum(x) * Math.signum(y) * INF;
          }
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (b.canBeZero()) {
      boolean plusZero = b.hi() > 0 || b.lo() >= 0;
      boolean minusZero = b.lo() < 0 || b.hi() <= 0;
      if (a.canBePositive()) {
        lo = minusZero ? -INF : lo;
        hi = plusZero ? INF : hi;
      }
      if (a.canBeNegative()) {
        lo = plusZero ? -INF : lo;
        hi = minusZero ? INF : hi;
      }
    }
    // 0 from a 0 dividend, a dividend tiny against the divisor (underflow), or an infinite divisor
    boolean zero = a.canBeZero() || round(minAbs(a) / maxAbs(b), p) == 0;
    return NumFact.of(lo, hi, nan, zero, false, p);
  }

  /** Java's integer division: truncates toward 0; a zero divisor throws, so it yields no value. */
  private static NumFact intDiv(NumFact a, NumFact b, Precision p) {
    double lo = INF;
    double hi = -INF;
    double[][] parts = {{b.lo(), Math.min(b.hi(), -1)}, {Math.max(b.lo(), 1), b.hi()}};
    for (double[] part : parts) {
      if (part[0] > part[1]) {
        continue;
      }
      for (double x : new double[] {a.lo(), a.hi()}) {
        for (double y : part) {
          double v = truncate(x / y);
          v = Double.isNaN(v) ? 0 : v;
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    // the quotient is 0 when the dividend can be smaller in magnitude than the divisor
    boolean zero = lo <= 0 && hi >= 0 && (a.canBeZero() || minAbs(a) < maxAbs(b));
    return NumFact.of(lo, hi, false, zero, true, p == Precision.UNKNOWN ? Precision.UNKNOWN : p);
  }

  /** {@code a % b}: the sign of a, smaller in magnitude than b; NaN for a zero divisor in floating point. */
  public static NumFact rem(NumFact a, NumFact b) {
    if (a.isBottom() || b.isBottom()) {
      return NumFact.bottom();
    }
    Precision p = Precision.promote(a.precision(), b.precision());
    boolean integral = a.isIntegral() && b.isIntegral();
    boolean nan = !p.isIntegral() && (a.canBeNaN() || b.canBeNaN() || b.canBeZero() || a.canBeInfinite());
    if (a.hasNoNumber() || b.hasNoNumber()) {
      return NumFact.of(INF, -INF, nan, false, false, p);
    }
    double m = maxAbs(b);
    if (integral && m < INF) {
      m -= 1;
    }
    double lo = a.lo() >= 0 ? 0 : Math.max(a.lo(), -m);
    double hi = a.hi() <= 0 ? 0 : Math.min(a.hi(), m);
    return NumFact.of(lo, hi, nan, true, integral, p);
  }

  /** A cast or assignment conversion to {@code to}: rounding to float, truncation and saturation to int/long. */
  public static NumFact convert(NumFact a, Precision to) {
    if (a.isBottom() || to == a.precision() || to == Precision.UNKNOWN) {
      return a;
    }
    if (to.isIntegral()) {
      double lo = a.hasNoNumber() ? 0 : truncate(a.lo());
      double hi = a.hasNoNumber() ? 0 : truncate(a.hi());
      if (a.canBeNaN()) { // (int) NaN is 0
        lo = Math.min(lo, 0);
        hi = Math.max(hi, 0);
      }
      boolean zero = a.canBeNaN() || (lo <= 0 && hi >= 0 && (a.canBeZero() || !a.isIntegral()));
      if (a.precision() == Precision.LONG && to == Precision.INT
          && (a.lo() < Integer.MIN_VALUE || a.hi() > Integer.MAX_VALUE)) {
        return NumFact.top(Precision.INT); // (int) of a long wraps
      }
      return NumFact.of(lo, hi, false, zero, true, to).provenanceFrom(a);
    }
    return a.withPrecision(to);
  }

  // ---- helpers -----------------------------------------------------------------------------------

  /** The smallest magnitude a value can have (0 if it can be 0; the smallest non-zero value if it straddles 0). */
  static double minAbs(NumFact a) {
    if (a.canBeZero()) {
      return 0;
    }
    if (a.lo() > 0) {
      return a.lo();
    }
    if (a.hi() < 0) {
      return -a.hi();
    }
    return a.isIntegral() ? 1 : NumFact.smallest(a.precision());
  }

  static double maxAbs(NumFact a) {
    return Math.max(Math.abs(a.lo()), Math.abs(a.hi()));
  }

  static double truncate(double v) {
    return v < 0 ? Math.ceil(v) : Math.floor(v);
  }

  static double round(double v, Precision p) {
    return p == Precision.FLOAT ? (float) v : v;
  }
}
