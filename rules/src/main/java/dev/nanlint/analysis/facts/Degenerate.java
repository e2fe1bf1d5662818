package dev.nanlint.analysis.facts;

import dev.nanlint.analysis.facts.NumFact.Tag;
import java.util.EnumSet;
import java.util.Set;

/**
 * Values computed from data that are 0 when the data is degenerate: a sum of non-negative terms (all terms
 * 0), a norm (a zero vector), a spread or a variance by subtraction (all values equal). Scaling such a value
 * by something non-negative, or multiplying two of them, leaves a value that is 0 on the same data: a mean of
 * squares, {@code 2 * PI * var}, the product of two norms or of two variances under a correlation's root.
 */
public final class Degenerate {
  /** The tags whose 0 comes from the data rather than from a coincidence of two values. */
  public static final Set<Tag> TAGS = EnumSet.of(Tag.SUM_OF_NONNEGATIVES, Tag.NORM, Tag.SPREAD, Tag.CANCELLATION);

  private Degenerate() {}

  /** A value the data makes 0 when degenerate. */
  public static boolean isZeroOnDegenerateData(NumFact f) {
    return f.canBeZero() && TAGS.stream().anyMatch(f::has);
  }

  /** {@code l * r}: 0 whenever a factor is, so a factor's tags carry over when the other factor keeps the sign. */
  static NumFact product(NumFact result, NumFact l, NumFact r) {
    return keep(keep(result, l, r), r, l);
  }

  /** {@code l / r}: 0 whenever the numerator is, by a divisor that keeps the sign (a count, a length, a norm). */
  static NumFact quotient(NumFact result, NumFact l, NumFact r) {
    return keep(result, l, r);
  }

  private static NumFact keep(NumFact result, NumFact zeroing, NumFact other) {
    if (!result.canBeZero() || !isZeroOnDegenerateData(zeroing)) {
      return result;
    }
    NumFact out = result;
    for (Tag t : TAGS) {
      // the other factor keeps the sign, or is of the same kind (a variance times a variance)
      if (zeroing.has(t) && (other.lo() >= 0 || other.has(t))) {
        out = out.tagged(t);
      }
    }
    return out == result ? result : out.explainedBy(zeroing);
  }
}
