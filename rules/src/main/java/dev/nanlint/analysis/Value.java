package dev.nanlint.analysis;

/**
 * What the analysis knows of a numeric value: the signs it can take (a set of NEG, ZERO, POS), why it
 * can be zero or negative when there is evidence ({@code risk}, worded for a message, null when the
 * value is merely unknown), whether it is a probability in [0, 1], and an upper bound when one is known
 * (so {@code 1 - q} is positive when q was clamped to {@code 1 - eps}).
 */
public record Value(int signs, String risk, boolean probability, double upper) {
  public static final int NEG = 1;
  public static final int ZERO = 2;
  public static final int POS = 4;
  public static final int ANY = NEG | ZERO | POS;

  public static final Value UNKNOWN = new Value(ANY, null, false);
  public static final Value POSITIVE = new Value(POS, null, false);

  public Value(int signs, String risk, boolean probability) {
    this(signs, risk, probability, probability ? 1.0 : Double.POSITIVE_INFINITY);
  }

  public static Value of(int signs, String risk) {
    return new Value(signs, risk, false);
  }

  public static Value probability(String risk) {
    return new Value(ZERO | POS, risk, true);
  }

  /** The exact value of a constant. */
  static Value constant(double c, String text) {
    int signs = c > 0 ? POS : c < 0 ? NEG : ZERO;
    return new Value(signs, c > 0 ? null : c < 0 ? text + " is negative" : text + " is 0", false, c);
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

  Value withSigns(int newSigns) {
    int s = newSigns == 0 ? signs : newSigns;
    boolean safe = (s & (ZERO | NEG)) == 0;
    return new Value(s, safe ? null : risk, probability, upper);
  }

  Value withUpper(double bound) {
    return new Value(signs, risk, probability, bound);
  }

  static Value join(Value a, Value b) {
    String risk = a.risk != null ? a.risk : b.risk;
    return new Value(a.signs | b.signs, risk, a.probability && b.probability, Math.max(a.upper, b.upper))
        .withSigns(a.signs | b.signs);
  }
}
