package dev.nanlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.rules.BuiltInRules;
import dev.nanlint.engine.Config;
import dev.nanlint.engine.FileResult;
import dev.nanlint.engine.Linter;
import dev.nanlint.testing.Fixtures;
import dev.nanlint.testing.Fixtures.Marker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The evaluation sets (test-fixtures/src/main/java/eval and eval2, labels in test-fixtures/evaluation/LABELS.md
 * and LABELS2.md) were written by helpers who read only the rule documentation, never the analysis or the
 * fixtures: realistic ML code with {@code EXPECT} on what a senior ML engineer would call dangerous and
 * {@code SAFE} on look-alikes. Unlike the fixtures they are not tuned line by line: a look-alike that warns
 * is a regression (precision), unless it is one of the few listed below with the reason, and recall must
 * not fall below what the analysis reached. docs/evaluation.md lists the known misses.
 */
class EvaluationSetTest {
  /**
   * One set: its directory, the recall floor, and the look-alikes that warned when the floor was set,
   * each with why it is left (docs/evaluation.md).
   */
  private record EvaluationSet(String directory, int minFound, Set<String> knownFalseAlarms) {}

  /** The first set: 133 of 140 found when added, 135 in the third session; no look-alike warns. */
  private static final EvaluationSet FIRST = new EvaluationSet("eval", 135, Set.of());

  /**
   * The second set, written in the third session: 113 of 132 found when it was added, 6 of 247 look-alikes
   * warning; the analysis work of that session found 13 more and silenced 4 of those 6. Left: the rule
   * pages flag a count {@code n} that can be 0, and the labels call {@code Math.pow(n * prob, -beta)} safe
   * because its caller passes a buffer size; a sum of products of a helper's positive array, and
   * Adafactor's row total (an average of squared gradients plus an epsilon, kept in two arrays), are not
   * known positive (the second became visible when scope learnt plural class names).
   */
  private static final EvaluationSet SECOND = new EvaluationSet("eval2", 126,
      Set.of("BoltzmannQLearning.java:92:PowDomain", "TopicsAndBandits.java:100:UnguardedLog",
          "LambAdafactor.java:95:UnguardedDivision"));

  /**
   * Reproductions of NaN/Infinity bugs that public Java ML projects fixed (docs/evaluation/realbugs.tsv, issue 15),
   * rewritten in our own code with each bug's numeric shape: 37 bugs, 52 controls and look-alikes. The floor is
   * what nanlint found on the day they were added (2026-12-07): 17 of 37. One look-alike warned that day: the
   * reproduction passes {@code normalRange} as a parameter where the project held it in a field, and the
   * division by it inside the guarded min-max scaling is reported.
   */
  private static final EvaluationSet REAL_BUGS = new EvaluationSet("realbugs", 17,
      Set.of("MetricsAndSimilarities.java:167:UnguardedDivision"));

  @Test
  void theFirstSetFindsTheDangerAndStaysSilentOnLookAlikes() {
    check(FIRST);
  }

  @Test
  void theSecondSetFindsTheDangerAndStaysSilentOnLookAlikes() {
    check(SECOND);
  }

  @Test
  void theRealBugReproductionsKeepTheirFloor() {
    check(REAL_BUGS);
  }

  private static void check(EvaluationSet set) {
    Linter linter = new Linter(BuiltInRules.all(), Config.defaults());
    List<String> falseAlarms = new ArrayList<>();
    List<String> misses = new ArrayList<>();
    int expected = 0;
    int safe = 0;
    for (Path file : files(set.directory())) {
      String source = Fixtures.read(file);
      FileResult result = linter.lint(file.getFileName().toString(), source);
      assertTrue(result.errors().isEmpty(), () -> file + ": " + result.errors());
      List<Marker> found = new ArrayList<>(result.findings().stream().flatMap(f -> Fixtures.markersOf(f).stream()).toList());
      for (Marker m : Fixtures.expected(source)) {
        expected++;
        if (!found.remove(m)) {
          misses.add(file.getFileName() + ":" + m);
        }
      }
      for (Marker m : Fixtures.safe(source)) {
        safe++;
        if (result.findings().stream().anyMatch(f -> f.line() == m.line() && f.rules().contains(m.rule()))) {
          falseAlarms.add(file.getFileName() + ":" + m);
        }
      }
    }
    int foundCount = expected - misses.size();
    System.out.printf("evaluation set %s: %d of %d dangers found, %d of %d look-alikes silent; missed: %s;"
        + " look-alikes warning: %s%n", set.directory(), foundCount, expected, safe - falseAlarms.size(), safe,
        misses, falseAlarms);
    List<String> newFalseAlarms = falseAlarms.stream().filter(f -> !set.knownFalseAlarms().contains(f)).toList();
    assertEquals(List.of(), newFalseAlarms, "look-alikes that warn");
    assertTrue(foundCount >= set.minFound(), () -> "recall fell to " + foundCount + " of " + (foundCount + misses.size())
        + "; missed: " + misses);
  }

  private static List<Path> files(String directory) {
    Path root = Fixtures.repositoryRoot().resolve("test-fixtures/src/main/java/" + directory);
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
