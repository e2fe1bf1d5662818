package dev.nanlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.engine.Config;
import dev.nanlint.engine.ConfigException;
import dev.nanlint.engine.Finding;
import dev.nanlint.engine.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The input-length policy (issue 14 item 9) and contracts as notes (issue 15 item 5) for
 * UnguardedDivision: a division by an input's length or size is a note unless the code shows the input
 * can be empty (then a warning) or the flow proves it non-empty (then silent); weights handed in, a single
 * sample and a degenerate constructor setting are notes; {@code UnguardedDivision.emptyInputs = warning}
 * is the strict reading. Fixture markers do not carry a level, so the levels are pinned here.
 */
class UnguardedDivisionLevelsTest {
  private static final List<Rule> RULES = BuiltInRules.all();

  private static List<Finding> findings(String methods, Config config) {
    return RuleFindings.of("UnguardedDivision", "import java.util.*;\nimport java.util.stream.*;", "LossAverages",
        methods, config);
  }

  /** The levels of the UnguardedDivision findings, in order: "warning", "note". */
  private static List<String> levels(String methods) {
    return RuleFindings.levels(findings(methods, Config.defaults()));
  }

  private static String message(String methods) {
    List<Finding> found = findings(methods, Config.defaults());
    assertEquals(1, found.size(), found::toString);
    return found.get(0).message();
  }

  private static Config strict() throws ConfigException {
    return Config.parse("UnguardedDivision.emptyInputs = warning", "t.properties", RULES);
  }

  private static final String MEAN_LOSS = """
      double meanLoss(double[] losses) {
        double total = 0;
        for (double l : losses) total += l;
        return total / losses.length;
      }
      """;

  @Test
  void meanLossOverABatchIsANoteThatSaysItIsAContract() {
    assertEquals(List.of("note"), levels(MEAN_LOSS));
    assertEquals("dividing by losses.length gives NaN or Infinity when losses is empty: a contract the caller keeps,"
        + " unless the code can pass an empty input", message(MEAN_LOSS));
    assertEquals(List.of("note"), levels("""
        double meanLoss(List<Double> losses) {
          double total = 0;
          for (double l : losses) total += l;
          return total / losses.size();
        }
        """));
  }

  @Test
  void theLengthIsFollowedThroughALocalAndACast() {
    String through = """
        double meanLoss(double[] losses) {
          int n = losses.length;
          double total = 0;
          for (double l : losses) total += l;
          return total / (double) n;
        }
        """;
    assertEquals(List.of("note"), levels(through));
    assertTrue(message(through).contains("when losses is empty"), message(through));
  }

  @Test
  void theStrictReadingMakesItAWarning() throws ConfigException {
    List<Finding> found = findings(MEAN_LOSS, strict());
    assertEquals(List.of("warning"), RuleFindings.levels(found));
    assertTrue(found.get(0).message().contains("when losses is empty"), found.get(0).message());
  }

  @Test
  void anEarlierIndexingProvesTheInputNonEmpty() {
    assertEquals(List.of(), levels("""
        double meanLoss(double[] losses) {
          double worst = losses[0];
          double total = 0;
          for (double l : losses) { total += l; worst = Math.max(worst, l); }
          return total / losses.length + 0 * worst;
        }
        """));
    assertEquals(List.of(), levels("""
        double meanLoss(double[] losses) {
          int n = losses.length;
          double worst = losses[0];
          double total = 0;
          for (double l : losses) { total += l; worst = Math.max(worst, l); }
          return total / n + 0 * worst;
        }
        """), "n is a copy of the length, which losses[0] bounds");
    assertEquals(List.of(), levels("""
        double meanLoss(List<Double> losses) {
          double total = losses.get(0);
          for (int i = 1; i < losses.size(); i++) total += losses.get(i);
          return total / losses.size();
        }
        """));
    assertEquals(List.of(), levels("""
        double[] normalizeLoss(double[] losses) {
          double[] out = new double[losses.length];
          for (int i = 0; i < losses.length; i++) out[i] = losses[i] / losses.length;
          return out;
        }
        """), "inside the loop over its indices the array has an element");
  }

  @Test
  void anIndexingInsideAnotherBranchProvesNothingHere() {
    assertEquals(List.of("note"), levels("""
        double meanLoss(double[] losses, boolean peek) {
          if (peek) {
            System.out.println(losses[0]);
          }
          double total = 0;
          for (double l : losses) total += l;
          return total / losses.length;
        }
        """));
  }

  @Test
  void aCheckThatThrowsOrReturnsGuardsTheDivision() {
    assertEquals(List.of(), levels("""
        double meanLoss(double[] losses) {
          if (losses.length == 0) throw new IllegalArgumentException("no losses");
          double total = 0;
          for (double l : losses) total += l;
          return total / losses.length;
        }
        """));
  }

  @Test
  void aCollectionTheCodeCanLeaveEmptyIsAWarning() {
    String conditional = """
        double meanPositiveLoss(double[] losses) {
          List<Double> kept = new ArrayList<>();
          for (double l : losses) if (l > 0) kept.add(l);
          double total = 0;
          for (double k : kept) total += k;
          return total / kept.size();
        }
        """;
    assertEquals(List.of("warning"), levels(conditional));
    assertTrue(message(conditional).contains("kept is filled by a conditional add"), message(conditional));
    String filtered = """
        double meanSmallLoss(List<Double> losses) {
          List<Double> kept = losses.stream().filter(l -> l < 1).collect(Collectors.toList());
          double total = 0;
          for (double k : kept) total += k;
          return total / kept.size();
        }
        """;
    assertEquals(List.of("warning"), levels(filtered));
    assertTrue(message(filtered).contains("kept is built by a filter"), message(filtered));
  }

  @Test
  void unconditionalAddsOverAnInputKeepItsContract() {
    assertEquals(List.of("note"), levels("""
        double meanSquaredLoss(double[] losses) {
          List<Double> squares = new ArrayList<>();
          for (double l : losses) squares.add(l * l);
          double total = 0;
          for (double s : squares) total += s;
          return total / squares.size();
        }
        """));
  }

  @Test
  void anEmptinessCheckThatDoesNotGuardTheDivisionIsAWarning() {
    String logged = """
        double meanLoss(List<Double> losses) {
          if (losses.isEmpty()) System.err.println("empty batch");
          double total = 0;
          for (double l : losses) total += l;
          return total / losses.size();
        }
        """;
    assertEquals(List.of("warning"), levels(logged));
    assertTrue(message(logged).contains("the size of losses is checked on line 5"), message(logged));
    assertEquals(List.of("warning", "note"), levels("""
        double meanLoss(double[] losses, double[] other) {
          double total = 0;
          for (double l : losses) total += l;
          double a = losses.length > 0 ? total / losses.length : 0;
          return a + total / losses.length + total / other.length;
        }
        """), "the ternary guards its own division only; other is never checked");
  }

  /** Code named for nothing in particular is ML code when it uses an ML library it is not part of. */
  @Test
  void aFileUsingAnMlLibraryIsMlCodeWhateverItsNames() {
    String quotes = """
        double column(double x, double low, double high) {
          double v = (x - low) / (high - low);
          return v;
        }
        """;
    String nd4j = "import org.nd4j.linalg.api.ndarray.INDArray;";
    assertEquals(List.of("note"), RuleFindings.levels(RuleFindings.of("UnguardedDivision", "package demo;\n" + nd4j,
        "Quotes", quotes, Config.defaults())));
    assertEquals(List.of(), RuleFindings.levels(RuleFindings.of("UnguardedDivision", "package demo;",
        "Quotes", quotes, Config.defaults())), "no ML library, no ML name: not ML code");
    assertEquals(List.of(), RuleFindings.levels(RuleFindings.of("UnguardedDivision",
        "package org.nd4j.linalg.util;\n" + nd4j, "Quotes", quotes, Config.defaults())),
        "the library's own files are judged by their names");
    assertEquals(List.of(), RuleFindings.levels(RuleFindings.of("UnguardedDivision", "package demo;\n" + nd4j,
        "Quotes", """
        boolean column(double x, double low, double high) {
          return (x - low) / (high - low) > 0.5;
        }
        """, Config.defaults())), "a quotient that only decides a comparison");
  }

  @Test
  void aCheckOfAnotherSizeShowsNothingAboutThisOne() {
    assertEquals(List.of("note"), levels("""
        double featureSpread(List<Double> values, double mean) {
          if (values.size() == 0) throw new IllegalArgumentException("empty");
          double squares = 0;
          for (double v : values) squares += (v - mean) * (v - mean);
          return squares / (values.size() - 1);
        }
        """), "an emptiness check says nothing about a single sample");
    assertEquals(List.of("note"), levels("""
        double clusterScore(List<List<Integer>> clusters, double correct) {
          double num = 0;
          for (List<Integer> c : clusters) {
            if (c.size() == 1) continue;
            num += correct / c.size();
          }
          return num;
        }
        """), "skipping singletons says nothing about an empty cluster");
    String singles = """
        double featureSpread(List<Double> values, double squares) {
          if (values.size() < 2) System.err.println("one value");
          return squares / (values.size() - 1);
        }
        """;
    assertEquals(List.of("warning"), levels(singles), "a check of the single sample that does not guard");
    assertTrue(message(singles).contains("the size of values is checked on line 5"), message(singles));
  }

  @Test
  void aSingleSampleIsAContract() throws ConfigException {
    String variance = """
        double lossVariance(double[] losses, double mean) {
          double squares = 0;
          for (double l : losses) squares += (l - mean) * (l - mean);
          return squares / (losses.length - 1);
        }
        """;
    assertEquals(List.of("note"), levels(variance));
    assertTrue(message(variance).contains("when losses has a single element"), message(variance));
    assertEquals(List.of("warning"), RuleFindings.levels(findings(variance, strict())));
    assertEquals(List.of("note"), levels("""
        double lossVariance(List<Double> losses, double squares) {
          int degreesOfFreedom = losses.size() - 1;
          return squares / degreesOfFreedom;
        }
        """), "the subtraction is found through the fact's evidence");
    assertEquals(List.of("note"), levels("""
        double lossVariance(List<Double> losses, double squares, int k) {
          int degreesOfFreedom = losses.size() - k;
          return squares / degreesOfFreedom;
        }
        """), "minus a variable: 0 whenever k equals the size, no contract, but a shape alone: a note");
    assertEquals(List.of(), levels("""
        double lossVariance(double[] losses, double mean) {
          double spread = losses[1] - losses[0];
          double squares = 0;
          for (double l : losses) squares += (l - mean) * (l - mean);
          return squares / (losses.length - 1) + 0 * spread;
        }
        """), "losses[1] did not throw: two samples at least");
  }

  @Test
  void weightsHandedInThatSumToZeroAreAContract() throws ConfigException {
    String weighted = """
        double weightedLoss(double[] losses, double[] weights) {
          double total = 0, weightSum = 0;
          for (int i = 0; i < losses.length; i++) { total += losses[i] * weights[i]; weightSum += weights[i]; }
          return total / weightSum;
        }
        """;
    assertEquals(List.of("note"), levels(weighted));
    assertTrue(message(weighted).contains("when the values of weights sum to 0"), message(weighted));
    assertEquals(List.of("note"), RuleFindings.levels(findings(weighted, strict())),
        "the strict reading is about input sizes only");
    assertEquals(List.of("note"), levels("""
        double classLoss(double[] losses, double[] weights, int[] labels, int k) {
          double total = 0, weightSum = 0;
          for (int i = 0; i < losses.length; i++) {
            if (labels[i] == k) { total += losses[i] * weights[i]; weightSum += weights[i]; }
          }
          return total / weightSum;
        }
        """), "only one class's weights are added: the class may be absent, a shape alone (a conditional sum): a note");
  }

  @Test
  void aDegenerateConstructorSettingIsAContract() {
    String scaler = """
        private final double scale;
        LossAverages(double low, double high) {
          this.scale = 1.0 / (high - low);
        }
        """;
    assertEquals(List.of("note"), levels(scaler));
    assertTrue(message(scaler).contains("when high equals low: a degenerate setting"), message(scaler));
    assertEquals(List.of("note"), levels("""
        double[] normalizeLoss(double[] x, double min, double max) {
          double[] out = new double[x.length];
          for (int i = 0; i < x.length; i++) out[i] = (x[i] - min) / (max - min);
          return out;
        }
        """), "a method's parameters are data, not settings: no contract, but a difference alone is a note");
  }

  private static final String SHAPES = """
      double scaled(double x, double lo, double hi) { return (x - lo) / (hi - lo); }
      double share(double[] w, int k) {
        double sum = 0;
        for (int i = 0; i < w.length; i++) sum += Math.sin(w[i]);
        return w[k] / sum;
      }
      double perBatch(int examples, int batchSize, double loss) {
        int batches = examples / batchSize;
        return loss / batches;
      }
      double recall(int[] truth, int[] predicted, int c) {
        int[] tp = new int[3];
        int[] fn = new int[3];
        for (int i = 0; i < truth.length; i++) {
          if (truth[i] == predicted[i]) tp[truth[i]]++; else fn[truth[i]]++;
        }
        return (double) tp[c] / (tp[c] + fn[c]);
      }
      """;

  /**
   * A divisor whose only evidence is its shape (a difference, a sum) is a note: on code nobody here tuned on,
   * such warnings were true 3 times in 86. A mechanism keeps the warning: an integer quotient that truncates
   * to 0, a count per class (a class never seen). {@code UnguardedDivision.shapeOnly = warning} restores them.
   */
  @Test
  void aShapeAloneIsANoteAndAMechanismAWarning() throws ConfigException {
    assertEquals(List.of("note", "note", "warning", "warning"), levels(SHAPES));
    Config strict = Config.parse("UnguardedDivision.shapeOnly = warning", "t.properties", RULES);
    assertEquals(List.of("warning", "warning", "warning", "warning"),
        RuleFindings.levels(findings(SHAPES, strict)));
  }

  @Test
  void theKeyIsDeclaredAndChecked() throws ConfigException {
    Rule rule = RULES.stream().filter(r -> r.info().name().equals("UnguardedDivision")).findFirst().orElseThrow();
    assertEquals(java.util.Set.of("UnguardedDivision.emptyInputs", "UnguardedDivision.shapeOnly"), rule.configKeys());
    assertNull(rule.checkConfig("UnguardedDivision.emptyInputs", " Warning "));
    assertNull(rule.checkConfig("UnguardedDivision.emptyInputs", "note"));
    ConfigException bad = assertThrows(ConfigException.class,
        () -> Config.parse("UnguardedDivision.emptyInputs = error", "t.properties", RULES));
    assertEquals("t.properties:1: UnguardedDivision.emptyInputs: 'error' is not a level for"
        + " UnguardedDivision.emptyInputs (expected note or warning)", bad.getMessage());
  }
}
