package dev.nanlint.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import dev.nanlint.analysis.facts.Degenerate;
import dev.nanlint.analysis.facts.NumFact;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a division's divisor can be 0 where the division runs, and what shows it: the question UnguardedDivision
 * asks. A division counts where {@link Scope#ofDivision} puts it; its divisor's zero is a risk the values see, a
 * count the flow shows can stay 0, or what {@link ZeroContracts} reads from the facts and the inputs.
 */
public final class ZeroDivisors {
  /** Provenance that makes a zero divisor a real case rather than a coincidence. */
  private static final Set<NumFact.Tag> ZERO_PRONE = Set.of(NumFact.Tag.NORM, NumFact.Tag.SUM_OF_NONNEGATIVES,
      NumFact.Tag.DIFFERENCE, NumFact.Tag.SPREAD, NumFact.Tag.TRUNCATED_QUOTIENT, NumFact.Tag.COUNT);

  private ZeroDivisors() {}

  /**
   * A divisor that can be 0.
   *
   * @param reading what {@link ZeroContracts} made of it; empty when the risk alone shows the zero
   * @param risk why it can be 0 when there is no reading
   * @param mechanism a mechanism, not only a shape, makes it 0 ({@link ZeroMechanisms}); never for an unnamed division
   * @param unnamed numeric code known by its imports or by what it computes, not by its names: at most a note
   * @param nonNegative the divisor is never below 0, so a fix may clamp it
   */
  public record Divisor(Optional<ZeroContracts.Reading> reading, String risk, boolean mechanism, boolean unnamed,
      boolean nonNegative) {
    /** Only a caller could make it 0: a contract on the inputs, reported with {@link #when}. */
    public boolean isContract() {
      return reading.isPresent() && reading.get().isContract();
    }

    /** When a contract's divisor is 0: "when xs is empty: a contract the caller keeps, ...". */
    public String when() {
      return reading.orElseThrow().when();
    }

    /** Why a divisor that is not a contract can be 0. */
    public String shown() {
      return reading.isEmpty() ? risk : reading.get().shown();
    }

    /** A contract about the length or size of an input. */
    public boolean isAboutSize() {
      return reading.isPresent() && reading.get().isAboutSize();
    }
  }

  /** The divisor {@code denominator} of {@code division} when it can be 0 there and the division is in scope. */
  public static Optional<Divisor> of(Node division, Expression denominator, Analysis a) {
    Scope.Division where = Scope.ofDivision(division, denominator, a);
    if (where == Scope.Division.OUTSIDE) {
      return Optional.empty();
    }
    boolean named = where == Scope.Division.NAMED;
    // known as numeric code by its imports or by what it computes, not by its names: at most a note
    boolean unnamed = where == Scope.Division.ML_LIBRARY_USER || where == Scope.Division.DATA_REDUCTION;
    boolean integral = a.types().isIntegral(Flow.strip(denominator)); // a counter, or an integer quotient
    Value value = a.values().of(denominator);
    boolean risky = value.canBeZero() && value.hasRisk();
    // an element of an array field filled elsewhere in the file: its fact comes from those writes
    boolean summarised = !risky && a.facts().isSummarisedElement(Flow.strip(denominator));
    if (!risky && !(integral && a.facts().mayCountOrTruncate(Flow.strip(denominator)))
        && !ZeroContracts.mayMeasure(denominator, a) && !summarised) {
      return Optional.empty(); // nothing says it can be 0: no need to run the flow analysis of the method
    }
    NumFact fact = a.facts().at(denominator);
    if (!named && !unnamed && !fact.has(NumFact.Tag.COUNT)) {
      return Optional.empty();
    }
    if (!fact.canBeZero() || a.values().guards().repairedAfterwards(division)
        || a.values().guards().zeroCaseConsidered(denominator)) {
      return Optional.empty(); // the flow proves it non-zero here, or the code handles the zero case
    }
    // a count the flow shows can stay 0 (incremented only under a condition) is a risk in its own words
    String risk = fact.has(NumFact.Tag.TRUNCATED_QUOTIENT) ? fact.reasons() : risky ? value.risk()
        : (fact.has(NumFact.Tag.CONDITIONAL_COUNT) || summarised && Degenerate.isZeroOnDegenerateData(fact))
        && !fact.evidence().isEmpty() ? fact.reasons() : null;
    Optional<ZeroContracts.Reading> reading;
    if (risk == null) {
      // the facts alone may still see a zero: a counter stepped once per element, a sum of two lengths,
      // integers read from an input
      reading = ZeroContracts.ofFactsAlone(division, denominator, fact, a);
      if (reading.isEmpty()) {
        return Optional.empty();
      }
    } else {
      reading = ZeroContracts.of(division, denominator, fact, a);
      if (reading.isPresent() && ZeroContracts.ruledOut(reading.get(), division, a)) {
        return Optional.empty(); // an emptiness check the flow could not follow keeps the division from an empty input
      }
    }
    boolean mechanism = !unnamed && ZeroMechanisms.shown(denominator, fact, value, reading, a);
    return Optional.of(new Divisor(reading, risk, mechanism, unnamed, value.isNonNegative()));
  }

  /**
   * Why the SameDiff variable {@code denominator} can be 0 when the graph runs (SameDiffHandler's facts): a norm, a
   * sum of non-negatives, a difference or a spread that can be 0; empty when nothing says so.
   */
  public static Optional<String> ofSameDiff(Expression denominator, Analysis a) {
    NumFact fact = a.facts().at(denominator);
    // a product of norms keeps their evidence but not their tag: either says where the 0 comes from
    if (!fact.canBeZero() || fact.evidence().isEmpty() && fact.tags().stream().noneMatch(ZERO_PRONE::contains)) {
      return Optional.empty();
    }
    return Optional.of(fact.reasons());
  }
}
