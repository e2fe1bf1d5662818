package dev.nanlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nanlint.engine.Config;
import dev.nanlint.engine.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Zeros the facts establish where Values sees no risk. Sizes, without a size being divided by directly: a
 * counter stepped once per element of an input is the input's size, and a sum or maximum of sizes is 0 only
 * when every input is empty. Each is the empty-input contract of {@code total / xs.size()}: a note that names
 * the inputs, a warning only when the code itself can empty them, and nothing when the code exits on their
 * emptiness first. And integer entries of an input, which sum to 0 when they all are.
 */
class UnguardedDivisionSizesTest {

  private static List<Finding> findings(String methods) {
    return RuleFindings.of("UnguardedDivision", "import java.util.*;\nimport java.util.stream.*;", "LossAverages",
        methods, Config.defaults());
  }

  /** "level: message" of each finding, in order. */
  private static List<String> found(String methods) {
    return findings(methods).stream().map(f -> f.severity().label() + ": " + f.message()).toList();
  }

  private static String note(String divisor, String when) {
    return "note: dividing by " + divisor + " gives NaN or Infinity " + when;
  }

  private static final String EMPTY = ": a contract the caller keeps, unless the code can pass an empty input";
  private static final String ALL_EMPTY = ": a contract the caller keeps, unless the code can pass empty inputs";

  @Test
  void aCounterSteppedForEachElementIsTheInputsSize() {
    assertEquals(List.of(note("n", "when ratings is empty (n counts its elements)" + EMPTY)), found("""
        double mean(Collection<Double> ratings) {
          double sum = 0.0;
          double n = 0;
          for (Double r : ratings) {
            sum += r;
            n += 1;
          }
          return sum / n;
        }
        """));
    assertEquals(List.of(note("n", "when xs is empty (n counts its elements)" + EMPTY)), found("""
        double mean(double[] xs) {
          double sum = 0.0;
          int n = 0;
          for (int i = 0; i < xs.length; i++) {
            sum += xs[i];
            n++;
          }
          return sum / n;
        }
        """));
    assertEquals(List.of(note("w", "when xs is empty (w adds a positive term for each of its elements)" + EMPTY)),
        found("""
        double mean(List<Double> xs) {
          double sum = 0.0;
          double w = 0;
          for (Double x : xs) {
            sum += 0.5 * x;
            w += 0.5;
          }
          return sum / w;
        }
        """));
  }

  @Test
  void aCounterTheCodeCanEmptyIsAWarningAndAGuardedOneIsSilent() {
    assertEquals(List.of("warning: dividing by n gives NaN or Infinity when it is 0: kept is built by a filter and"
        + " is empty when nothing passes it"), found("""
        double meanPositive(List<Double> xs) {
          List<Double> kept = xs.stream().filter(x -> x > 0).collect(Collectors.toList());
          double sum = 0;
          int n = 0;
          for (Double x : kept) {
            sum += x;
            n++;
          }
          return sum / n;
        }
        """));
    assertEquals(List.of(), found("""
        double mean(List<Double> xs) {
          double sum = 0;
          int n = 0;
          for (Double x : xs) {
            sum += x;
            n++;
          }
          if (n == 0) {
            throw new IllegalArgumentException("no data");
          }
          return sum / n;
        }
        double meanOrZero(List<Double> xs) {
          if (xs.isEmpty()) {
            return 0;
          }
          double sum = 0;
          int n = 0;
          for (Double x : xs) {
            sum += x;
            n++;
          }
          return sum / n;
        }
        """));
  }

  /** A check on a counter of the input rules its emptiness out for a later division by its size. */
  @Test
  void anExitOnACounterOfTheInputGuardsADivisionByItsSize() {
    assertEquals(List.of(), found("""
        double rmse(List<Double> ratings) {
          double n = 0;
          for (Double r : ratings) {
            n += 1;
          }
          if (n == 0) {
            throw new IllegalArgumentException("no ratings");
          }
          double sse = 0;
          for (Double r : ratings) {
            sse += r * r;
          }
          return Math.sqrt(sse / ratings.size());
        }
        """));
  }

  @Test
  void aCounterOverStateTheObjectKeepsIsNotAContract() {
    assertEquals(List.of(), found("""
        private final List<Double> trees = new ArrayList<>();
        double average() {
          double sum = 0;
          int n = 0;
          for (Double t : trees) {
            sum += t;
            n++;
          }
          return sum / n;
        }
        """));
  }

  @Test
  void aMaximumOrSumOfSizesIsZeroOnlyWhenEveryInputIsEmpty() {
    assertEquals(List.of(note("Math.max(s1.length(), s2.length())", "when s1 and s2 are both empty" + ALL_EMPTY)),
        found("""
        double normalized(String s1, String s2, double distance) {
          return distance / Math.max(s1.length(), s2.length());
        }
        """));
    assertEquals(List.of(note("denominator", "when string1 and string2 are both empty" + ALL_EMPTY)), found("""
        double similarity(String string1, String string2, String lcs) {
          double numerator = string1.length() + string2.length() - 2 * lcs.length();
          double denominator = string1.length() + string2.length();
          return 1.0 - numerator / denominator;
        }
        """));
    assertEquals(List.of(note("den", "when a, b and c are all empty" + ALL_EMPTY)), found("""
        double share(double[] a, double[] b, double[] c, double d) {
          int na = a.length;
          int nb = b.length;
          double den = na + nb + c.length;
          return d / den;
        }
        """));
  }

  @Test
  void aCheckThatTheInputIsNotBlankProvesItNonEmpty() {
    assertEquals(List.of(), found("""
        double similarity(String string1, String string2, String lcs) {
          if (string1.trim().isEmpty()) {
            return 0;
          }
          double denominator = string1.length() + string2.length();
          return lcs.length() / denominator;
        }
        double norm(String string1, String string2) {
          if (string1.trim().isEmpty()) {
            return 0;
          }
          String lower = string1.toLowerCase();
          return (double) lower.length() / string1.length();
        }
        """));
  }

  /**
   * Matthews correlation: a product of square roots of sums of confusion counts read from an int matrix is 0
   * when one of those sums is (a class never predicted). Integers reach 0 exactly, so this is the caller's
   * contract, not a coincidence: a note that names the entries.
   */
  @Test
  void aSumOfIntegerEntriesOfAnInputIsZeroWhenTheyAllAre() {
    assertEquals(List.of(note("denominator", "when tp and fp are both 0 (integers read from matrix: the divisor is 0"
        + " with tp + fp): an input with no such case, a contract the caller keeps")), found("""
        static double mcc(int[][] matrix) {
          int tp = matrix[1][1];
          int tn = matrix[0][0];
          int fp = matrix[0][1];
          int fn = matrix[1][0];
          int numerator = tp * tn - fp * fn;
          double denominator = Math.sqrt(tp + fp) * Math.sqrt(tp + fn) * Math.sqrt(tn + fp) * Math.sqrt(tn + fn);
          return numerator / denominator;
        }
        """));
  }

  /**
   * Outside code named for ML a division is reported only by a counter (the scope gate): a counter declared
   * {@code double} is one as much as an {@code int}, while another double divisor stays outside the gate.
   */
  @Test
  void aCounterSteppedWhileAnIteratorHasNextIsTheInputsSize() {
    assertEquals(List.of(note("count", "when values is empty (count counts its elements)" + EMPTY)), found("""
        double mean(Iterable<Double> values) {
          double sum = 0;
          double count = 0;
          Iterator<Double> it = values.iterator();
          while (it.hasNext()) {
            sum += it.next();
            ++count;
          }
          return sum / count;
        }
        """));
    assertEquals(List.of(), found("""
        double mean(Iterable<Double> values) {
          double sum = 0;
          int count = 0;
          Iterator<Double> it = values.iterator();
          if (!it.hasNext()) {
            return 0;
          }
          while (it.hasNext()) {
            sum += it.next();
            count++;
          }
          return sum / count;
        }
        """), "an iterator with no first element exits before the loop");
  }

  @Test
  void aDivisionInAStreamStepOfTheInputRunsOnlyForItsElements() {
    assertEquals(List.of(), found("""
        double variance(Collection<Double> values, double mean) {
          return values.stream().mapToDouble(x -> Math.pow(x - mean, 2) / values.size()).sum();
        }
        double variance(double[] values, double mean) {
          return Arrays.stream(values).map(x -> Math.pow(x - mean, 2) / values.length).sum();
        }
        double variance(List<Integer> values, double mean) {
          return values.stream().mapToDouble(Integer::doubleValue).map(x -> Math.pow(x - mean, 2) / values.size()).sum();
        }
        """));
    assertEquals(List.of(note("others.size()", "when others is empty" + EMPTY)), found("""
        double variance(Collection<Double> values, Collection<Double> others, double mean) {
          return values.stream().mapToDouble(x -> Math.pow(x - mean, 2) / others.size()).sum();
        }
        """), "a stream of another input says nothing of others");
  }

  @Test
  void aDoubleCounterPassesTheScopeGateLikeAnIntOne() {
    String methods = """
        double build(Collection<Double> ratings) {
          double sum = 0.0;
          double n = 0;
          for (Double r : ratings) {
            sum += r;
            n += 1;
          }
          return sum / n;
        }
        double ratio(List<Double> ratings) {
          double sum = 0.0;
          double w = 0;
          for (Double r : ratings) {
            sum += r;
            w += r * r;
          }
          return sum / w;
        }
        """;
    List<String> found = RuleFindings.of("UnguardedDivision", "import java.util.*;", "RatingsBuilder", methods,
        Config.defaults()).stream().map(f -> f.severity().label() + ": " + f.message()).toList();
    // w is no counter: a sum of squares, whose 0 needs an all-zero input (a contract, as a data reduction)
    assertEquals(List.of(note("n", "when ratings is empty (n counts its elements)" + EMPTY),
        note("w", "only when every term ratings adds to w is 0: an all-zero input, a contract the caller keeps")),
        found);
  }

  /**
   * A check of one input says nothing about a divisor that is 0 when any of several is empty; a check made
   * before the input is built anew says nothing about what the division sees.
   */
  @Test
  void aCheckCountsOnlyForTheInputTheDivisionSees() {
    assertEquals(1, findings("""
        double meanLoss(double[] train, double[] test, boolean useTest, double s) {
          if (train.length == 0) return 0;
          int n = useTest ? test.length : train.length;
          return s / n;
        }
        """).size(), "test may be empty whatever train holds");
    assertEquals(List.of("warning"), RuleFindings.levels(findings("""
        double meanKept(List<Double> raw) {
          List<Double> losses = raw;
          int n = 0;
          for (double x : losses) n++;
          if (n == 0) return 0;
          losses = new ArrayList<>();
          for (double x : raw) if (x > 0) losses.add(x);
          double s = 0;
          for (double x : losses) s += x;
          return s / losses.size();
        }
        """)), "the list checked is not the list divided by");
  }
}
