package dev.nanlint.analysis;

/**
 * What the analysis knows of a numeric value: the signs it can take (a set of NEG, ZERO, POS), why it
 * can be zero or negative when there is evidence ({@code risk}, worded for a message, null when the
 * value is merely unknown), whether it is a probability in [0, 1], and an upper bound when one is known
 * (so {@code 1 - q} is positive when q was clamped to {@code 1 - eps}). {@code weak} marks a risk that only
 * an identifier suggests ({@code count}, {@code sum}, {@code std}): enough to question a division, not a log.
 * {@code named} marks a probability only an identifier suggests ({@code probs}, {@code pred}): enough for a
 * finding, not for a warning ({@link ZeroMechanisms}).
 */
public record Value(int signs, String risk, boolean probability, double upper, boolean weak, boolean named) {
  public static final int NEG = 1;
  public static final int ZERO = 2;
  public static final int POS = 4;
  public static final int ANY = NEG | ZERO | POS;

  public static final Value UNKNOWN = new Value(ANY, null, false);
  public static final Value POSITIVE = new Value(POS, null, false);

  public Value(int signs, String risk, boolean probability, double upper, boolean weak) {
    this(signs, risk, probability, upper, weak, false);
  }

  public Value(int signs, String risk, boolean probability) {
    this(signs, risk, probability, probability ? 1.0 : Double.POSITIVE_INFINITY, false);
  }

  /** A risk suggested only by a name. */
  static Value named(int signs, String risk) {
    return new Value(signs, risk, false, Double.POSITIVE_INFINITY, true);
  }

  public static Value of(int signs, String risk) {
    return new Value(signs, risk, false);
  }

  public static Value probability(String risk) {
    return new Value(ZERO | POS, risk, true);
  }

  /** A probability only an identifier suggests ({@code probs}, {@code pred}). */
  static Value namedProbability(String risk) {
    return new Value(ZERO | POS, risk, true, 1.0, false, true);
  }

  /** The exact value of a constant. */
  static Value constant(double c, String text) {
    int signs = c > 0 ? POS : c < 0 ? NEG : ZERO;
    return new Value(signs, c > 0 ? null : c < 0 ? text + " is negative" : text + " is 0", false, c, false);
  }

  public boolean canBeZero() {
    return (signs & ZERO) != 0;
  }

  public boolean canBeNegative() {
    return (signs & NEG) != 0;
  }

  public boolean isPositive() {
    return signs == POS;
  }

  public boolean isNonNegative() {
    return (signs & NEG) == 0;
  }

  /** Can reach zero (or below) and we know why. */
  public boolean hasRisk() {
    return risk != null && (canBeZero() || canBeNegative());
  }

  /** Can reach zero (or below) and the code itself, not just a name, shows why. */
  public boolean hasStrongRisk() {
    return hasRisk() && !weak;
  }

  Value withSigns(int newSigns) {
    int s = newSigns == 0 ? signs : newSigns;
    boolean safe = (s & (ZERO | NEG)) == 0;
    return new Value(s, safe ? null : risk, probability, upper, weak, named);
  }

  Value withUpper(double bound) {
    return new Value(signs, risk, probability, bound, weak, named);
  }

  /** The same evidence with other signs (the risk is dropped when the new signs are safe). */
  Value derive(int newSigns) {
    return new Value(newSigns, risk, false, Double.POSITIVE_INFINITY, weak).withSigns(newSigns);
  }

  /** A combination is a probability by name only when every probability among its operands is. */
  static boolean onlyNamed(Value a, Value b) {
    return (a.named || b.named) && (!a.probability || a.named) && (!b.probability || b.named);
  }

  /** The risk of whichever of a and b has one (a first), with its strength. */
  static Value riskOf(Value a, Value b) {
    return a.risk != null ? a : b;
  }

  static Value join(Value a, Value b) {
    Value r = riskOf(a, b);
    return new Value(a.signs | b.signs, r.risk, a.probability && b.probability, Math.max(a.upper, b.upper), r.weak,
        onlyNamed(a, b))
        .withSigns(a.signs | b.signs);
  }
}
