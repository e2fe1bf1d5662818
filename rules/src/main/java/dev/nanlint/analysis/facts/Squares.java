package dev.nanlint.analysis.facts;

import com.github.javaparser.ast.Node;
import dev.nanlint.analysis.Printed;
import dev.nanlint.analysis.facts.NumFact.Tag;
import java.util.Optional;

/**
 * Squares and the differences that cancel them: a variance computed as a mean of squares minus a
 * squared mean is at least 0 in exact arithmetic, and rounding leaves it slightly negative when the
 * values are (nearly) equal, so its square root is NaN. Other differences ({@code right - left},
 * {@code a * a - b * b}) say nothing about which side is larger and are not tagged.
 */
public final class Squares {
  private static final String VARIANCE = "a variance computed by subtracting a square"
      + " (E[x²] - E[x]², n·Σx² - (Σx)²) cancels catastrophically: rounding leaves it slightly negative when"
      + " the values are (nearly) equal";

  private Squares() {}

  /** {@code result}, the difference {@code minuend - subtrahend} at {@code at}, tagged when it cancels a square. */
  public static NumFact difference(NumFact result, NumFact minuend, NumFact subtrahend, Node at) {
    if (minuend.isConstant() || minuend.has(Tag.SQUARE) || !subtrahend.has(Tag.SQUARE) || !result.canBeNegative()) {
      return result;
    }
    return result.tagged(Tag.CANCELLATION).because(Printed.of(at) + ": " + VARIANCE, at);
  }

  /** A cancelling difference scaled by a positive constant or divided by anything is still one (its sign is kept). */
  static NumFact keepCancellation(NumFact result, NumFact cancelling) {
    return cancelling.has(Tag.CANCELLATION) ? result.tagged(Tag.CANCELLATION).explainedBy(cancelling) : result;
  }

  /**
   * Why {@code fact} can be negative by cancellation, for a message: the variance explained, prefixed with
   * the subtraction it comes from when that is not {@code shown} itself. Empty when it is not tagged so.
   */
  public static Optional<String> cancellation(NumFact fact, String shown) {
    if (!fact.has(Tag.CANCELLATION)) {
      return Optional.empty();
    }
    Optional<NumFact.Evidence> found = fact.evidence().stream().filter(e -> e.reason().endsWith(VARIANCE)).findFirst();
    if (found.isEmpty() || found.get().node() == null || Printed.of(found.get().node()).equals(shown)) {
      return Optional.of(VARIANCE);
    }
    return Optional.of(found.get().reason());
  }
}
