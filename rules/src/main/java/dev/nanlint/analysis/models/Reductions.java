package dev.nanlint.analysis.models;

import com.github.javaparser.ast.Node;
import dev.nanlint.analysis.facts.Arith;
import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.analysis.facts.NumFact.Precision;
import dev.nanlint.analysis.facts.NumFact.Tag;

/**
 * What the array libraries' reductions and normalisers give, from the fact of the elements they run
 * over: sums, means, norms, spreads and softmax-like outputs. The number of elements is not known; it is
 * taken to be at least one (an empty input is the length policy's business, not a reduction's).
 */
final class Reductions {
  private static final double INF = Double.POSITIVE_INFINITY;
  /** Below this magnitude a square can underflow to 0 (even in float), so a norm can be 0 without a 0 element. */
  private static final double SQUARE_UNDERFLOW = 1e-18;

  private Reductions() {}

  /** The elements' fact in the precision {@code p} the library computes in. */
  static NumFact in(NumFact x, Precision p) {
    return Arith.convert(x, p);
  }

  /** The sum of one or more values of {@code e}. */
  static NumFact sum(NumFact e, String text, Node at, Precision p) {
    if (e.hasNoNumber()) {
      return NumFact.nan(p);
    }
    NumFact r;
    if (e.lo() >= 0) {
      r = NumFact.of(e.lo(), e.hi() > 0 ? INF : 0, e.canBeNaN(), e.canBeZero(), false, p);
    } else if (e.hi() <= 0) {
      r = NumFact.of(e.lo() < 0 ? -INF : 0, e.hi(), e.canBeNaN(), e.canBeZero(), false, p);
    } else { // mixed signs: anything, and Inf + -Inf when both are reachable
      r = NumFact.of(-INF, INF, e.canBeNaN() || e.lo() == -INF && e.hi() == INF, true, false, p);
    }
    // a sum of squares is not itself a square; the total of every class's count is no class's count
    r = r.provenanceFrom(e).without(Tag.SQUARE).without(Tag.PER_CLASS_COUNT);
    if (e.lo() >= 0 && r.canBeZero()) {
      r = r.tagged(Tag.SUM_OF_NONNEGATIVES).because(text + " is 0 when every element is 0", at);
    }
    return r;
  }

  /** The mean of one or more values of {@code e}: within their interval. */
  static NumFact mean(NumFact e, String text, Node at, Precision p) {
    if (e.hasNoNumber()) {
      return NumFact.nan(p);
    }
    boolean nan = e.canBeNaN() || e.lo() == -INF && e.hi() == INF;
    NumFact r = NumFact.of(e.lo(), e.hi(), nan, e.canBeZero() || e.lo() < 0 && e.hi() > 0, false, p).provenanceFrom(e)
        .without(Tag.SQUARE) // a mean of squares is not itself a square: E[x²] - E[x]² subtracts from it
        .without(Tag.PER_CLASS_COUNT);
    if (e.lo() >= 0 && r.canBeZero()) {
      r = r.tagged(Tag.SUM_OF_NONNEGATIVES).because(text + " is 0 when every element is 0", at);
    }
    return r;
  }

  /** An L1, L2 or max norm: at least the smallest |element|, 0 for a zero vector (or one whose squares underflow). */
  static NumFact norm(NumFact e, String text, Node at, Precision p) {
    if (e.hasNoNumber()) {
      return NumFact.nan(p);
    }
    double smallest = e.canBeZero() ? 0 : e.lo() > 0 ? e.lo() : e.hi() < 0 ? -e.hi() : 0;
    boolean zero = e.canBeZero() || smallest < SQUARE_UNDERFLOW;
    double lo = zero ? 0 : smallest;
    double hi = e.lo() == 0 && e.hi() == 0 ? 0 : INF;
    NumFact r = NumFact.of(lo, hi, e.canBeNaN(), zero, false, p).tagged(Tag.NORM);
    return zero ? r.because(text + " is 0 for a zero vector", at) : r;
  }

  /** A standard deviation (or, {@code squared}, a variance): never negative, 0 when all elements are equal. */
  static NumFact spread(NumFact e, boolean squared, String text, Node at, Precision p) {
    if (e.hasNoNumber()) {
      return NumFact.nan(p);
    }
    double range = e.hi() - e.lo(); // no spread exceeds the width of the values' interval
    double hi = squared ? range * range : range;
    boolean nan = e.canBeNaN() || e.canBeInfinite(); // Inf - Inf on the way
    return NumFact.of(0, hi, nan, true, false, p).tagged(Tag.SPREAD)
        .because(text + " is 0 when all elements are equal", at);
  }

  /** Softmax is NaN for a NaN input, and for an infinite one: it subtracts the max, and Inf - Inf is NaN. */
  static boolean softmaxNaN(NumFact input) {
    return input.canBeNaN() || input.canBeInfinite();
  }

  /** A softmax- or sigmoid-shaped output: in [0, 1], reaching 0 (underflow) and 1 (rounding) in floating point. */
  static NumFact probabilities(boolean nan, String text, Node at, Precision p) {
    return NumFact.of(0, 1, nan, true, false, p).tagged(Tag.PROBABILITY)
        .because(text + " is in [0, 1] and reaches 0 and 1 in floating point", at);
  }
}
