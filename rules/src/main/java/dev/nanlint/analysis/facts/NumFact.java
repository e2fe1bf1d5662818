package dev.nanlint.analysis.facts;

import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the analysis knows of one numeric value: the interval [lo, hi] its non-NaN values lie in (over
 * doubles, ±Infinity included as values), whether NaN is possible, whether 0 itself is possible (so
 * {@code x != 0} can exclude it from the inside of an interval), whether it is integer-valued, the Java
 * precision it is computed in, where it came from (tags) and why (evidence a message can print).
 *
 * <p>Immutable, and kept in one canonical form so that equal facts are {@code equals}: bounds of a float
 * are floats, of an integral value integers, of an int within the int range; a bound is 0 only when 0 is
 * possible (otherwise it moves to the nearest non-zero value); an empty interval is [+Inf, -Inf].
 * Signed zeros are not told apart. The evidence explains a fact and is not part of it: it takes no part
 * in {@code equals}, and is capped at {@value #MAX_EVIDENCE} entries.
 */
public final class NumFact {

  /** The Java type the value is computed in: it decides rounding, truncation and overflow. */
  public enum Precision {
    DOUBLE, FLOAT, LONG, INT, UNKNOWN;

    public boolean isIntegral() {
      return this == INT || this == LONG;
    }

    /** Binary numeric promotion (JLS 5.6). */
    public static Precision promote(Precision a, Precision b) {
      if (a == UNKNOWN || b == UNKNOWN) {
        return UNKNOWN;
      }
      if (a == DOUBLE || b == DOUBLE) {
        return DOUBLE;
      }
      if (a == FLOAT || b == FLOAT) {
        return FLOAT;
      }
      return a == LONG || b == LONG ? LONG : INT;
    }

    /** The precision of a Java type name as written ({@code double}, {@code Integer}...); UNKNOWN otherwise. */
    public static Precision ofType(String type) {
      return switch (type) {
        case "double", "Double", "java.lang.Double" -> DOUBLE;
        case "float", "Float", "java.lang.Float" -> FLOAT;
        case "long", "Long", "java.lang.Long" -> LONG;
        case "int", "Integer", "short", "Short", "byte", "Byte", "char", "Character", "java.lang.Integer" -> INT;
        default -> UNKNOWN;
      };
    }
  }

  /** Where a value came from, when that matters to a rule or a message. Tags are "may": a join keeps both sides' tags. */
  public enum Tag {
    /** A sigmoid/softmax-shaped output in [0, 1]: reaches both 0 and 1 in floating point. */
    PROBABILITY,
    /** An integer counter that starts at 0 and is only incremented: 0 when nothing was counted. */
    COUNT,
    /**
     * A COUNT that can stay 0 however often its loop runs: incremented only when a condition holds
     * ({@code if (hit) n++}, {@code n += hit ? 1 : 0}, after an {@code if (...) continue;}), or an element of a
     * count array indexed by the data ({@code counts[label]++}: a class never seen stays 0).
     */
    CONDITIONAL_COUNT,
    /**
     * A count kept per class in an array element the data picks ({@code size[label]++}), or its share of a
     * total: a class never seen stays 0.
     */
    PER_CLASS_COUNT,
    /** A sum of non-negative terms: 0 when there are none or all are 0. */
    SUM_OF_NONNEGATIVES,
    /** A Euclidean norm (sqrt of a sum of squares, hypot): 0 for a zero vector. */
    NORM,
    /** A difference of two values that can be equal: 0 when they are. */
    DIFFERENCE,
    /** exp of an input the code does not bound: overflows to Infinity. */
    EXP,
    /** An array length or collection size: 0 for an empty input (a note, not a warning, by policy). */
    LENGTH,
    /** An integer quotient of two variables, {@code a / b}: truncates to 0 whenever {@code |a| < |b|}. */
    TRUNCATED_QUOTIENT,
    /** A standard deviation or variance: 0 when all values are equal (a constant column, a single value). */
    SPREAD,
    /**
     * Array elements of which every row holds one equal to the fact's upper bound ({@code x - x.max(1)}
     * per row: a 0; its exp: a 1), so a row sum of non-negative elements is at least that bound.
     */
    ROW_ATTAINS_MAX,
    /** The same per column ({@code x.subRowVector(x.max(0))}). */
    COLUMN_ATTAINS_MAX,
    /**
     * A square by algebra: {@code m * m}, {@code n * m * m}, {@code s * s / n}, {@code pow(m, 2)},
     * {@code m.mul(m)}. Not a sum or mean of squares: what a variance by subtraction subtracts, not what it
     * subtracts from.
     */
    SQUARE,
    /**
     * A non-square minus a square ({@code E[x²] - E[x]²}, {@code n·Σx² - (Σx)²}): at least 0 in exact
     * arithmetic, slightly negative after the cancellation rounds.
     */
    CANCELLATION,
    /**
     * A floating quotient of values the code computes ({@code dot / (|a| |b|)}, {@code x.div(n)}): a cosine or
     * a ratio that rounding can push just past its mathematical bounds.
     */
    QUOTIENT,
    /**
     * A uniform draw in [0, 1) ({@code rng.nextDouble()}, {@code nextFloat()}): exactly 0 once in 2^53 draws in
     * double, once in 2^24 in float, which a long simulation or training run reaches.
     */
    UNIFORM_DRAW
  }

  /** One reason behind a fact, with the node it comes from (compared by identity, not structure). */
  public record Evidence(String reason, Node node) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Evidence e && e.reason.equals(reason) && e.node == node;
    }

    @Override
    public int hashCode() {
      return reason.hashCode() * 31 + System.identityHashCode(node);
    }

    @Override
    public String toString() {
      return reason;
    }
  }

  static final int MAX_EVIDENCE = 4;
  private static final double INF = Double.POSITIVE_INFINITY;
  private static final NumFact BOTTOM = new NumFact(INF, -INF, false, false, true, Precision.UNKNOWN, 0, List.of());
  private static final NumFact TOP = new NumFact(-INF, INF, true, true, false, Precision.UNKNOWN, 0, List.of());

  private final double lo;
  private final double hi;
  private final boolean nan;
  private final boolean zero;
  private final boolean integral;
  private final Precision precision;
  private final int tags;
  private final List<Evidence> evidence;

  private NumFact(double lo, double hi, boolean nan, boolean zero, boolean integral, Precision precision, int tags,
      List<Evidence> evidence) {
    this.lo = lo;
    this.hi = hi;
    this.nan = nan;
    this.zero = zero;
    this.integral = integral;
    this.precision = precision;
    this.tags = tags;
    this.evidence = evidence;
  }

  // ---- construction ------------------------------------------------------------------------------

  /** Nothing at all: the value of code that cannot run. */
  public static NumFact bottom() {
    return BOTTOM;
  }

  /** Any value, NaN included, of an unknown type. */
  public static NumFact top() {
    return TOP;
  }

  /** Any value a variable of the Java type {@code type} can hold ({@code double}, {@code int}, {@code char}...). */
  public static NumFact ofType(String type) {
    return switch (type) {
      case "short", "Short" -> range(Short.MIN_VALUE, Short.MAX_VALUE, Precision.INT);
      case "byte", "Byte" -> range(Byte.MIN_VALUE, Byte.MAX_VALUE, Precision.INT);
      case "char", "Character" -> range(Character.MIN_VALUE, Character.MAX_VALUE, Precision.INT);
      default -> top(Precision.ofType(type));
    };
  }

  /** Any value of {@code precision}. */
  public static NumFact top(Precision precision) {
    return precision == Precision.UNKNOWN ? TOP : of(-INF, INF, true, true, false, precision);
  }

  /** Exactly {@code value}, in double precision. */
  public static NumFact constant(double value) {
    return constant(value, Precision.DOUBLE);
  }

  /** Exactly {@code value} in {@code precision} (rounded to it). */
  public static NumFact constant(double value, Precision precision) {
    if (Double.isNaN(value)) {
      return nan(precision);
    }
    double v = precision == Precision.FLOAT ? (float) value : value;
    return of(v, v, false, v == 0, v == Math.rint(v), precision);
  }

  /** Only NaN. */
  public static NumFact nan(Precision precision) {
    return of(INF, -INF, true, false, false, precision);
  }

  /** The values in [lo, hi] (0 possible if inside), never NaN. */
  public static NumFact range(double lo, double hi, Precision precision) {
    return of(lo, hi, false, lo <= 0 && hi >= 0, precision.isIntegral(), precision);
  }

  /**
   * The values in [lo, hi], NaN if {@code nan}, 0 only if {@code zero}, integers only if {@code integral},
   * in canonical form (see the class comment).
   */
  public static NumFact of(double lo, double hi, boolean nan, boolean zero, boolean integral, Precision precision) {
    return of(lo, hi, nan, zero, integral, precision, 0, List.of());
  }

  static NumFact of(double lo, double hi, boolean nan, boolean zero, boolean integral, Precision precision,
      int tags, List<Evidence> evidence) {
    if (Double.isNaN(lo) || Double.isNaN(hi)) {
      throw new IllegalArgumentException("NaN bound");
    }
    if (precision.isIntegral()) {
      integral = true;
      nan = false;
      double min = precision == Precision.INT ? Integer.MIN_VALUE : Long.MIN_VALUE;
      double max = precision == Precision.INT ? Integer.MAX_VALUE : Long.MAX_VALUE;
      lo = Math.max(lo, min); // saturating: see Arith on why int overflow is not wrapped
      hi = Math.min(hi, max);
    } else if (precision == Precision.FLOAT) {
      double roundedLo = (float) lo;
      double roundedHi = (float) hi;
      zero |= (roundedLo == 0 && lo != 0) || (roundedHi == 0 && hi != 0); // a float underflows to 0
      lo = roundedLo;
      hi = roundedHi;
    }
    if (integral) {
      lo = Math.ceil(lo);
      hi = Math.floor(hi);
    }
    lo += 0.0; // -0.0 becomes 0.0
    hi += 0.0;
    zero &= lo <= 0 && hi >= 0;
    if (!zero && lo == 0) {
      lo = integral ? 1 : smallest(precision);
    }
    if (!zero && hi == 0) {
      hi = integral ? -1 : -smallest(precision);
    }
    if (lo > hi) {
      if (!nan) {
        return BOTTOM;
      }
      lo = INF;
      hi = -INF;
      zero = false;
    }
    if (lo == 0 || hi == 0) {
      zero = true;
    }
    return new NumFact(lo, hi, nan, zero, integral, precision, tags, evidence);
  }

  /** The smallest positive value of {@code precision}: what a non-zero value can come down to. */
  public static double smallest(Precision precision) {
    return precision == Precision.FLOAT ? Float.MIN_VALUE : Double.MIN_VALUE;
  }

  private NumFact with(double newLo, double newHi, boolean newNan, boolean newZero) {
    return of(newLo, newHi, newNan, newZero, integral, precision, tags, evidence);
  }

  // ---- the questions rules ask -------------------------------------------------------------------

  public double lo() {
    return lo;
  }

  public double hi() {
    return hi;
  }

  public Precision precision() {
    return precision;
  }

  public boolean isBottom() {
    return lo > hi && !nan;
  }

  /** Nothing but NaN is possible (or nothing at all). */
  public boolean hasNoNumber() {
    return lo > hi;
  }

  public boolean canBeZero() {
    return zero;
  }

  public boolean canBeNegative() {
    return lo < 0;
  }

  public boolean canBePositive() {
    return hi > 0;
  }

  /** Can be 0 or below: the domain a log or a divisor must stay out of. */
  public boolean canBeNonPositive() {
    return zero || lo < 0;
  }

  public boolean canBeNaN() {
    return nan;
  }

  public boolean canBeInfinite() {
    return lo == -INF || hi == INF;
  }

  public boolean isIntegral() {
    return integral;
  }

  /** Tagged as a probability and within [0, 1]. */
  public boolean isProbability() {
    return has(Tag.PROBABILITY) && lo >= 0 && hi <= 1;
  }

  /** The one value this fact allows (never NaN). */
  public boolean isConstant() {
    return lo == hi && !nan;
  }

  public boolean has(Tag tag) {
    return (tags & (1 << tag.ordinal())) != 0;
  }

  public Set<Tag> tags() {
    EnumSet<Tag> set = EnumSet.noneOf(Tag.class);
    for (Tag t : Tag.values()) {
      if (has(t)) {
        set.add(t);
      }
    }
    return set;
  }

  /** Why this fact holds, oldest reason first, for messages. */
  public List<Evidence> evidence() {
    return evidence;
  }

  /** The reasons of {@link #evidence()} as one clause of a message. */
  public String reasons() {
    return String.join("; ", evidence.stream().map(Evidence::reason).toList());
  }

  // ---- provenance --------------------------------------------------------------------------------

  public NumFact tagged(Tag tag) {
    return new NumFact(lo, hi, nan, zero, integral, precision, tags | (1 << tag.ordinal()), evidence);
  }

  /** The same fact without {@code tag}. */
  public NumFact without(Tag tag) {
    return new NumFact(lo, hi, nan, zero, integral, precision, tags & ~(1 << tag.ordinal()), evidence);
  }

  /** The same fact with one more reason behind it. */
  public NumFact because(String reason, Node node) {
    return withEvidence(merge(evidence, List.of(new Evidence(reason, node))));
  }

  /** The same numbers with the tags and evidence of {@code other} added. */
  public NumFact provenanceFrom(NumFact other) {
    return new NumFact(lo, hi, nan, zero, integral, precision, tags | other.tags, merge(evidence, other.evidence));
  }

  /** The same fact, also explained by the evidence of {@code others} (the operands behind a result). */
  public NumFact explainedBy(NumFact... others) {
    List<Evidence> all = evidence;
    for (NumFact o : others) {
      all = merge(all, o.evidence);
    }
    return withEvidence(all);
  }

  /** The same fact with no reasons behind it (tags kept): for a summary that states its own reason. */
  public NumFact withoutEvidence() {
    return evidence.isEmpty() ? this : withEvidence(List.of());
  }

  NumFact withEvidence(List<Evidence> newEvidence) {
    return isBottom() ? this : new NumFact(lo, hi, nan, zero, integral, precision, tags, newEvidence);
  }

  NumFact withPrecision(Precision p) {
    return of(lo, hi, nan, zero, integral, p, tags, evidence);
  }

  NumFact withIntegral(boolean i) {
    return of(lo, hi, nan, zero, i, precision, tags, evidence);
  }

  private static List<Evidence> merge(List<Evidence> a, List<Evidence> b) {
    if (b.isEmpty() || a.size() >= MAX_EVIDENCE || a.equals(b)) {
      return a;
    }
    List<Evidence> out = new ArrayList<>(a);
    for (Evidence e : b) {
      if (out.size() < MAX_EVIDENCE && !out.contains(e)) {
        out.add(e);
      }
    }
    return List.copyOf(out);
  }

  // ---- lattice -----------------------------------------------------------------------------------

  /** The least fact that holds for both: where paths meet. */
  public NumFact join(NumFact o) {
    if (o == this) {
      return this;
    }
    if (isBottom()) {
      return o;
    }
    if (o.isBottom()) {
      return this;
    }
    return of(Math.min(lo, o.lo), Math.max(hi, o.hi), nan || o.nan, zero || o.zero, integral && o.integral,
        precision == o.precision ? precision : Precision.UNKNOWN, tags | o.tags, merge(evidence, o.evidence));
  }

  /** What both facts say at once: for two facts known of one value. */
  public NumFact meet(NumFact o) {
    if (isBottom() || o.isBottom()) {
      return BOTTOM;
    }
    // the known precision wins; two different ones (a fact of a conversion) keep the wider
    Precision p = precision == Precision.UNKNOWN ? o.precision
        : o.precision == Precision.UNKNOWN ? precision : Precision.promote(precision, o.precision);
    return of(Math.max(lo, o.lo), Math.min(hi, o.hi), nan && o.nan, zero && o.zero, integral || o.integral, p,
        tags & o.tags, merge(evidence, o.evidence));
  }

  /**
   * This value restricted to what {@code bound} allows (its interval, NaN and zero), keeping this fact's
   * precision, tags and evidence: what a condition tells about a value it does not create.
   */
  public NumFact restrict(NumFact bound) {
    if (isBottom() || bound.isBottom()) {
      return BOTTOM;
    }
    return of(Math.max(lo, bound.lo), Math.min(hi, bound.hi), nan && bound.nan, zero && bound.zero,
        integral || bound.integral, precision, tags, evidence);
  }

  /** This value without the one value {@code c} (what {@code x != c} tells): exact at 0 and at the bounds. */
  public NumFact exclude(double c) {
    if (c == 0 && !(integral && (lo == 0 || hi == 0))) {
      return with(lo, hi, nan, false);
    }
    double step = integral ? 1 : 0;
    if (c == lo && c == hi) { // the only number it could be
      return nan ? nan(precision) : bottom();
    }
    if (c == lo) {
      double up = integral ? lo + step : Math.nextUp(lo);
      return with(up, hi, nan, zero && up <= 0 && hi >= 0);
    }
    if (c == hi) {
      double down = integral ? hi - step : Math.nextDown(hi);
      return with(lo, down, nan, zero && lo <= 0 && down >= 0);
    }
    return this;
  }

  /** This value, NaN excluded. */
  public NumFact notNaN() {
    return with(lo, hi, false, zero);
  }

  /**
   * The join of {@code this} (the previous iterate) and {@code next}, with any bound that moved jumped to
   * the next threshold (1, 0, then ±Infinity): a loop's facts stop changing after a few rounds.
   */
  public NumFact widen(NumFact next) {
    if (isBottom()) {
      return next;
    }
    NumFact j = join(next);
    double newLo = j.lo < lo ? (j.lo >= 1 ? 1 : j.lo >= 0 ? 0 : -INF) : j.lo;
    double newHi = j.hi > hi ? (j.hi <= 0 ? 0 : j.hi <= 1 ? 1 : INF) : j.hi;
    // a bound that jumps to the threshold 0 does not make 0 possible: it only keeps the sign
    return of(newLo, newHi, j.nan, j.zero, j.integral, j.precision, j.tags, j.evidence);
  }

  // ---- identity ----------------------------------------------------------------------------------

  @Override
  public boolean equals(Object o) {
    return o instanceof NumFact f && f.lo == lo && f.hi == hi && f.nan == nan && f.zero == zero
        && f.integral == integral && f.precision == precision && f.tags == tags;
  }

  @Override
  public int hashCode() {
    return Objects.hash(lo, hi, nan, zero, integral, precision, tags);
  }

  @Override
  public String toString() {
    if (isBottom()) {
      return "⊥";
    }
    StringBuilder out = new StringBuilder();
    out.append(lo > hi ? "{}" : "[" + bound(lo) + ", " + bound(hi) + "]");
    if (lo < 0 && hi > 0 && !zero) {
      out.append("\\{0}");
    }
    if (nan) {
      out.append(" or NaN");
    }
    out.append(' ').append(precision.name().toLowerCase(java.util.Locale.ROOT));
    if (integral && !precision.isIntegral()) {
      out.append(" integral");
    }
    if (tags != 0) {
      out.append(' ').append(tags());
    }
    return out.toString();
  }

  private static String bound(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
