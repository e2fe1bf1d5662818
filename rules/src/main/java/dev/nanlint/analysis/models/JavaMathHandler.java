package dev.nanlint.analysis.models;

import com.github.javaparser.ast.Node;
import dev.nanlint.analysis.Printed;
import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.analysis.facts.NumFact.Precision;
import dev.nanlint.analysis.facts.NumFact.Tag;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * {@code java.lang.Math}, {@code StrictMath} and Commons Math {@code FastMath}/{@code AccurateMath}
 * (qualified, imported or statically imported; see {@code Api#mathFunction}): the interval each function
 * maps its argument's interval to, where it returns NaN or ±Infinity, and that none changes anything.
 * Bounds are computed with the functions themselves, which the JDK specifies as semi-monotonic.
 */
public final class JavaMathHandler implements CallHandler {
  private static final double INF = Double.POSITIVE_INFINITY;
  private static final double NO_ZERO_POINT = Double.NaN;
  /** Above this, exp overflows to Infinity in double (Math.log(Double.MAX_VALUE)). */
  static final double EXP_OVERFLOW = Math.log(Double.MAX_VALUE);
  /** Above this, exp overflows once stored in a float (Math.log(Float.MAX_VALUE)). */
  static final double EXP_OVERFLOW_FLOAT = Math.log(Float.MAX_VALUE);

  @Override
  public Optional<Effect> effect(Call call) {
    return call.mathFunction().map(f -> Effect.PURE);
  }

  @Override
  public Optional<NumFact> returns(Call call) {
    Optional<String> function = call.mathFunction();
    if (function.isEmpty()) {
      return Optional.empty();
    }
    NumFact result = function(function.get(), call);
    return Optional.ofNullable(result);
  }

  /** The fact of {@code name(args)}, or null for a function this handler does not model. */
  private static NumFact function(String name, Call call) {
    if (call.arity() == 0) {
      return name.equals("random") ? NumFact.of(0, Math.nextDown(1.0), false, true, false, Precision.DOUBLE) : null;
    }
    if (call.arity() == 2) {
      return binary(name, call.argument(0), call.argument(1));
    }
    if (call.arity() != 1) {
      return null;
    }
    return unary(name, call.argument(0), Printed.of(call.argumentExpr(0)), call.expr());
  }

  /** The fact of the two-argument function {@code name(x, y)}, or null when it is not modelled. */
  static NumFact binary(String name, NumFact x, NumFact y) {
    return switch (name) {
      case "pow" -> evenPower(y) ? pow(x, y).tagged(Tag.SQUARE) : pow(x, y);
      case "max" -> extreme(x, y, true);
      case "min" -> extreme(x, y, false);
      case "atan2" -> NumFact.of(-Math.PI, Math.PI, x.canBeNaN() || y.canBeNaN(), true, false, Precision.DOUBLE);
      case "hypot" -> hypot(x, y);
      default -> null;
    };
  }

  /**
   * The fact of the one-argument function {@code name(x)}, or null when it is not modelled; {@code arg}
   * is how x is written and {@code at} the call, for the evidence.
   */
  static NumFact unary(String name, NumFact x, String arg, Node at) {
    Precision d = Precision.DOUBLE;
    return switch (name) {
      case "log", "log10" -> {
        NumFact r = monotone(x, name.equals("log") ? Math::log : Math::log10, true, 0, INF, 1, d);
        yield explainLog(r, x, name, arg, 0, at);
      }
      case "log1p" -> explainLog(monotone(x, Math::log1p, true, -1, INF, 0, d), x, name, arg, -1, at);
      case "exp" -> exp(x, arg, at);
      case "expm1" -> monotone(x, Math::expm1, true, -INF, INF, 0, d);
      case "sqrt" -> {
        NumFact r = monotone(x, Math::sqrt, true, 0, INF, 0, d);
        if (x.canBeNegative()) {
          r = r.provenanceFrom(x).because("sqrt(" + arg + ") is NaN when " + arg + " is negative", at);
        }
        yield x.has(Tag.SUM_OF_NONNEGATIVES) ? r.tagged(Tag.NORM) : r;
      }
      case "cbrt" -> monotone(x, Math::cbrt, true, -INF, INF, 0, d);
      case "abs" -> abs(x);
      case "signum" -> monotone(x, Math::signum, true, -INF, INF, 0, floating(x));
      case "floor", "ceil", "rint" -> integral(monotone(x, rounding(name), true, -INF, INF, NO_ZERO_POINT, d));
      case "round" -> round(x);
      case "tanh" -> monotone(x, Math::tanh, true, -INF, INF, 0, d);
      case "sinh" -> monotone(x, Math::sinh, true, -INF, INF, 0, d);
      case "cosh" -> cosh(x);
      case "sin", "cos" -> NumFact.of(-1, 1, x.canBeNaN() || x.canBeInfinite(), true, false, d);
      case "tan" -> NumFact.of(-INF, INF, x.canBeNaN() || x.canBeInfinite(), true, false, d);
      case "asin" -> monotone(x, Math::asin, true, -1, 1, 0, d);
      case "acos" -> monotone(x, Math::acos, false, -1, 1, 1, d);
      case "atan" -> monotone(x, Math::atan, true, -INF, INF, 0, d);
      case "toRadians" -> monotone(x, Math::toRadians, true, -INF, INF, 0, d);
      case "toDegrees" -> monotone(x, Math::toDegrees, true, -INF, INF, 0, d);
      case "ulp" -> NumFact.of(NumFact.smallest(floating(x)), INF, x.canBeNaN(), false, false, floating(x));
      default -> null;
    };
  }

  /**
   * f over x's values in its domain [dlo, dhi] (NaN outside it); {@code zeroAt} is the one argument f maps to
   * 0 (NaN: decide from the result interval).
   */
  static NumFact monotone(NumFact x, DoubleUnaryOperator f, boolean increasing, double dlo, double dhi,
      double zeroAt, Precision p) {
    if (x.isBottom()) {
      return x;
    }
    boolean nan = x.canBeNaN() || x.lo() < dlo || x.hi() > dhi;
    double l = Math.max(x.lo(), dlo);
    double h = Math.min(x.hi(), dhi);
    if (l > h) {
      return NumFact.nan(p);
    }
    double a = f.applyAsDouble(l);
    double b = f.applyAsDouble(h);
    double lo = increasing ? a : b;
    double hi = increasing ? b : a;
    boolean zero;
    if (Double.isNaN(zeroAt)) {
      zero = lo <= 0 && hi >= 0;
    } else {
      zero = zeroAt == 0 ? x.canBeZero() : l <= zeroAt && zeroAt <= h;
    }
    return NumFact.of(lo, hi, nan, zero, false, p);
  }

  /** Why a log is -Infinity or NaN: its argument reaches the pole {@code pole} or goes below it. */
  private static NumFact explainLog(NumFact r, NumFact x, String name, String arg, int pole, Node at) {
    String text = name + "(" + arg + ")";
    if (x.lo() < pole) {
      return r.provenanceFrom(x).because(text + " is NaN when " + arg + " is below " + pole, at);
    }
    if (x.lo() == pole) {
      return r.provenanceFrom(x).because(text + " is -Infinity when " + arg + " is " + pole, at);
    }
    return r;
  }

  private static NumFact exp(NumFact x, String arg, Node at) {
    NumFact r = monotone(x, Math::exp, true, -INF, INF, NO_ZERO_POINT, Precision.DOUBLE);
    if (x.hi() > EXP_OVERFLOW) {
      String bound = x.hi() == INF ? "nothing bounds it" : arg + " reaches " + x.hi();
      r = r.tagged(Tag.EXP).because("exp(" + arg + ") overflows to Infinity above " + (float) EXP_OVERFLOW
          + " (" + (float) EXP_OVERFLOW_FLOAT + " once stored in a float): " + bound, at);
    }
    return r;
  }

  /** A constant even exponent: pow(m, 2) is a square. */
  private static boolean evenPower(NumFact exponent) {
    return exponent.isConstant() && exponent.lo() > 0 && exponent.lo() % 2 == 0;
  }

  private static NumFact pow(NumFact base, NumFact exponent) {
    Precision d = Precision.DOUBLE;
    boolean nan = base.canBeNaN() || exponent.canBeNaN();
    if (!exponent.isConstant()) {
      return base.canBeNegative() ? NumFact.top(d) : NumFact.of(0, INF, nan, true, false, d);
    }
    double c = exponent.lo();
    if (c == 0) {
      return NumFact.constant(1); // pow(anything, 0) is 1, even NaN
    }
    boolean integer = c == Math.rint(c) && Math.abs(c) < 1e15;
    if (!base.canBeNegative()) {
      return powOfNonNegative(base, c, nan);
    }
    if (integer && ((long) c) % 2 == 0) {
      return powOfNonNegative(abs(base), c, nan); // an even power of b is the power of |b|
    }
    if (integer && c > 0) { // an odd positive power is increasing everywhere
      return NumFact.of(Math.pow(base.lo(), c), Math.pow(base.hi(), c), nan, base.canBeZero(), false, d);
    }
    if (integer) {
      return NumFact.of(-INF, INF, nan, true, false, d);
    }
    // a negative base to a fractional power is NaN; the rest behaves as for a non-negative base
    NumFact nonNegative = base.restrict(NumFact.of(0, INF, true, true, false, Precision.UNKNOWN));
    NumFact r = nonNegative.isBottom() ? NumFact.nan(d) : powOfNonNegative(nonNegative, c, nan);
    return r.join(NumFact.nan(d));
  }

  /** pow(b, c) for b >= 0 and a constant c != 0: increasing in b for c > 0, decreasing for c < 0. */
  private static NumFact powOfNonNegative(NumFact base, double c, boolean nan) {
    if (base.hasNoNumber()) {
      return NumFact.nan(Precision.DOUBLE);
    }
    double a = Math.pow(Math.max(0, base.lo()), c);
    double b = Math.pow(base.hi(), c);
    boolean zero = (c > 0 && base.canBeZero()) || a == 0 || b == 0; // 0, or an underflow
    return NumFact.of(Math.min(a, b), Math.max(a, b), nan, zero, false, Precision.DOUBLE);
  }

  static NumFact extreme(NumFact x, NumFact y, boolean max) {
    Precision p = Precision.promote(x.precision(), y.precision());
    if (x.hasNoNumber() || y.hasNoNumber()) {
      return NumFact.nan(p);
    }
    double lo = max ? Math.max(x.lo(), y.lo()) : Math.min(x.lo(), y.lo());
    double hi = max ? Math.max(x.hi(), y.hi()) : Math.min(x.hi(), y.hi());
    // the result is one of the two: 0 only if the one that can win can be 0
    boolean zero = (x.canBeZero() || y.canBeZero()) && lo <= 0 && hi >= 0;
    return NumFact.of(lo, hi, x.canBeNaN() || y.canBeNaN(), zero, x.isIntegral() && y.isIntegral(), p)
        .provenanceFrom(max ? (x.lo() >= y.lo() ? x : y) : (x.hi() <= y.hi() ? x : y));
  }

  static NumFact abs(NumFact x) {
    if (x.hasNoNumber()) {
      return x;
    }
    double lo = x.canBeZero() ? 0 : x.lo() > 0 ? x.lo() : x.hi() < 0 ? -x.hi() : 0;
    double hi = Math.max(Math.abs(x.lo()), Math.abs(x.hi()));
    boolean zero = x.canBeZero();
    if (x.precision().isIntegral() && x.lo() == (x.precision() == Precision.INT ? Integer.MIN_VALUE : Long.MIN_VALUE)) {
      lo = x.lo(); // Math.abs(Integer.MIN_VALUE) is Integer.MIN_VALUE
    }
    return NumFact.of(lo, hi, x.canBeNaN(), zero, x.isIntegral(), x.precision());
  }

  private static NumFact hypot(NumFact x, NumFact y) {
    NumFact ax = abs(x);
    NumFact ay = abs(y);
    if (ax.hasNoNumber() || ay.hasNoNumber()) {
      return NumFact.nan(Precision.DOUBLE);
    }
    double lo = Math.hypot(Math.max(0, ax.lo()), Math.max(0, ay.lo()));
    double hi = Math.hypot(ax.hi(), ay.hi());
    return NumFact.of(lo, hi, x.canBeNaN() || y.canBeNaN(), x.canBeZero() && y.canBeZero(), false, Precision.DOUBLE)
        .tagged(Tag.NORM);
  }

  private static NumFact cosh(NumFact x) {
    NumFact a = abs(x);
    if (a.hasNoNumber()) {
      return NumFact.nan(Precision.DOUBLE);
    }
    return NumFact.of(Math.cosh(Math.max(0, a.lo())), Math.cosh(a.hi()), x.canBeNaN(), false, false, Precision.DOUBLE);
  }

  /** Math.round: a long for a double, an int for a float; NaN becomes 0 and out-of-range values saturate. */
  private static NumFact round(NumFact x) {
    Precision p = x.precision() == Precision.FLOAT ? Precision.INT : Precision.LONG;
    double lo = x.hasNoNumber() ? 0 : Math.floor(x.lo() + 0.5);
    double hi = x.hasNoNumber() ? 0 : Math.floor(x.hi() + 0.5);
    if (x.canBeNaN()) {
      lo = Math.min(lo, 0);
      hi = Math.max(hi, 0);
    }
    return NumFact.of(lo, hi, false, true, true, p);
  }

  private static NumFact integral(NumFact r) {
    return NumFact.of(r.lo(), r.hi(), r.canBeNaN(), r.canBeZero(), true, r.precision());
  }

  private static DoubleUnaryOperator rounding(String name) {
    return switch (name) {
      case "floor" -> Math::floor;
      case "ceil" -> Math::ceil;
      default -> Math::rint;
    };
  }

  /** float for float arguments (Math.signum(float), Math.ulp(float)), double otherwise. */
  private static Precision floating(NumFact x) {
    return x.precision() == Precision.FLOAT ? Precision.FLOAT : Precision.DOUBLE;
  }
}
