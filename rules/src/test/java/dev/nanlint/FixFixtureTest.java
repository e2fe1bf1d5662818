package dev.nanlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.rules.BuiltInRules;
import dev.nanlint.engine.Config;
import dev.nanlint.engine.Edits;
import dev.nanlint.engine.FileResult;
import dev.nanlint.engine.Finding;
import dev.nanlint.engine.Linter;
import dev.nanlint.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture's edits applied by the engine: the result parses, each fixed finding is gone and nothing
 * new appears (per rule, the count drops by exactly the number fixed), and no edit is left for a second
 * pass. A finding carrying several rules counts for each; its edit is its leading rule's, so only that
 * rule's count drops. (The command's tests also compile the fixed fixtures with javac.)
 */
class FixFixtureTest {
  private static final Linter LINTER = new Linter(BuiltInRules.all(), Config.defaults());

  static Stream<Path> fixtures() {
    return Fixtures.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void editsFixWhatTheyClaimAndNothingElse(Path fixture) {
    String source = Fixtures.read(fixture);
    FileResult before = LINTER.lint(fixture.getFileName().toString(), source);
    Edits.Result fixed = Edits.apply(source, before.findings());
    assertEquals(List.of(), fixed.skipped(), "overlapping edits in a fixture");
    FileResult after = LINTER.lint(fixture.getFileName().toString(), fixed.text());
    assertTrue(after.errors().isEmpty(), () -> "the fixed file does not parse or analyse: " + after.errors());
    Map<String, Long> expected = new TreeMap<>(count(before.findings()));
    fixed.fixed().forEach(f -> expected.merge(f.rule(), -1L, Long::sum));
    expected.values().removeIf(n -> n == 0);
    assertEquals(expected, count(after.findings()), () -> "findings after the fix:\n" + after.findings().stream()
        .map(f -> "  " + f.line() + " " + f.rules() + " " + f.message()).collect(Collectors.joining("\n")));
    assertTrue(after.findings().stream().noneMatch(Finding::hasEdit), () -> "a second --fix would change "
        + after.findings().stream().filter(Finding::hasEdit).map(f -> f.line() + " " + f.rule()).toList());
  }

  private static Map<String, Long> count(List<Finding> findings) {
    return new TreeMap<>(findings.stream().flatMap(f -> f.rules().stream())
        .collect(Collectors.groupingBy(rule -> rule, Collectors.counting())));
  }
}
