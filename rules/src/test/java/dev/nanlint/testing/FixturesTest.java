package dev.nanlint.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nanlint.engine.Finding;
import dev.nanlint.engine.Severity;
import dev.nanlint.testing.Fixtures.Expectation;
import dev.nanlint.testing.Fixtures.Marker;
import dev.nanlint.testing.Fixtures.Reported;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The marker grammar and the level/text check every fixture test relies on. */
class FixturesTest {
  @Test
  void readsRulesLevelsAndTextsUpToTheNextMarker() {
    String source = "a();\n"
        + "b(); // EXPECT: UnguardedLog warning \"softmax, with a comma\" \"x / y\", LogOfSoftmax // SAFE: UnguardedSqrt\n"
        + "c(); // EXPECT: UnguardedDivision, UnguardedDivision note\n";
    assertEquals(List.of(
        new Expectation(new Marker(2, "LogOfSoftmax"), null, List.of()),
        new Expectation(new Marker(2, "UnguardedLog"), Severity.WARNING, List.of("softmax, with a comma", "x / y")),
        new Expectation(new Marker(3, "UnguardedDivision"), null, List.of()),
        new Expectation(new Marker(3, "UnguardedDivision"), Severity.NOTE, List.of())), Fixtures.expectations(source));
    assertEquals(List.of(new Marker(2, "UnguardedSqrt")), Fixtures.safe(source));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "// EXPECT:",
      "// EXPECT: UnguardedLog \"unclosed",
      "// EXPECT: UnguardedLog warnin \"x\"",
      "// EXPECT: UnguardedLog \"x\" warning",
      "// EXPECT: UnguardedLog \"\"",
      "// EXPECT: UnguardedLog,",
      "// EXPECT: UnguardedLog; LogOfSoftmax",
      "// SAFE: UnguardedLog \"a look-alike has no message\""})
  void rejectsWhatTheGrammarDoesNotFit(String marker) {
    String line = "x(); " + marker;
    assertThrows(IllegalArgumentException.class, () -> {
      Fixtures.expectations(line);
      Fixtures.safe(line);
    });
  }

  @Test
  void aMergedFindingReportsEachRuleWithItsOwnLevelAndMessage() {
    Finding note = finding("LogOfSoftmax", Severity.NOTE, "takes the log of a softmax output", List.of());
    Finding merged = finding("UnguardedLog", Severity.WARNING,
        "p reaches 0; also [LogOfSoftmax] takes the log of a softmax output", List.of(note));
    List<Reported> engine = Fixtures.reportsOf(merged);
    assertEquals(List.of(new Reported(new Marker(3, "UnguardedLog"), 5, Severity.WARNING, "p reaches 0"),
        new Reported(new Marker(3, "LogOfSoftmax"), 5, Severity.NOTE, "takes the log of a softmax output")), engine);
    // javac prints one kind, the leading rule's: the absorbed rule's level is unknown there
    assertEquals(List.of(new Reported(new Marker(3, "UnguardedLog"), 5, Severity.WARNING, "p reaches 0"),
        new Reported(new Marker(3, "LogOfSoftmax"), 5, null, "takes the log of a softmax output")),
        Fixtures.reportsOf(3, 5, Severity.WARNING, "UnguardedLog", merged.message()));
  }

  @Test
  void unmetNamesTheExpectationAndWhatWasFound() {
    List<Expectation> expected = Fixtures.expectations(
        "x(); // EXPECT: UnguardedDivision \"n - 1 is 0\", UnguardedDivision warning \"n is 0\", Other note\n");
    Reported outer = new Reported(new Marker(1, "UnguardedDivision"), 5, Severity.WARNING, "n - 1 is 0 when equal");
    Reported inner = new Reported(new Marker(1, "UnguardedDivision"), 9, Severity.WARNING, "n is 0 when empty");
    Reported other = new Reported(new Marker(1, "Other"), 5, Severity.NOTE, "anything");
    assertEquals(List.of(), Fixtures.unmet(expected, List.of(inner, other, outer)), "paired from the left");
    Reported weaker = new Reported(new Marker(1, "UnguardedDivision"), 9, Severity.NOTE, "n is 0 when empty");
    assertEquals(List.of("line 1: expected UnguardedDivision warning \"n is 0\"; found note [UnguardedDivision] n is 0 when empty"),
        Fixtures.unmet(expected, List.of(outer, weaker, other)));
    Reported otherReason = new Reported(new Marker(1, "UnguardedDivision"), 5, Severity.WARNING, "n - 2 is 0");
    assertEquals(List.of("line 1: expected UnguardedDivision \"n - 1 is 0\"; found warning [UnguardedDivision] n - 2 is 0"),
        Fixtures.unmet(expected, List.of(otherReason, inner, other)));
  }

  private static Finding finding(String rule, Severity severity, String message, List<Finding> also) {
    return new Finding(rule, severity, "F.java", 3, 5, 3, 9, message, "fix", "src", null, also);
  }
}
