package dev.nanlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.rules.BuiltInRules;
import dev.nanlint.engine.Config;
import dev.nanlint.engine.FileResult;
import dev.nanlint.engine.Finding;
import dev.nanlint.engine.Linter;
import dev.nanlint.testing.Fixtures;
import dev.nanlint.testing.Fixtures.Marker;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture through the engine: findings must equal the EXPECT markers, line by line, and have the
 * level and message texts the markers name.
 */
class FixtureTest {
  private static final Linter LINTER = new Linter(BuiltInRules.all(), Config.defaults());

  static Stream<Path> fixtures() {
    return Fixtures.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void findingsMatchMarkers(Path fixture) {
    String source = Fixtures.read(fixture);
    FileResult result = LINTER.lint(fixture.getFileName().toString(), source);
    assertTrue(result.errors().isEmpty(), () -> "input errors: " + result.errors());
    List<Marker> actual = result.findings().stream()
        .flatMap(f -> Fixtures.markersOf(f).stream()).sorted().toList();
    assertEquals(Fixtures.expected(source), actual, () -> "findings of " + fixture.getFileName() + ":\n"
        + result.findings().stream().map(FixtureTest::describe).collect(Collectors.joining("\n")));
    List<String> unmet = Fixtures.unmet(Fixtures.expectations(source),
        result.findings().stream().flatMap(f -> Fixtures.reportsOf(f).stream()).toList());
    assertTrue(unmet.isEmpty(), () -> fixture.getFileName() + ": findings without the marker's level or text:\n  "
        + String.join("\n  ", unmet));
  }

  private static String describe(Finding f) {
    return "  " + f.line() + ":" + f.column() + " " + f.severity().label() + " [" + f.rule() + "] " + f.message();
  }
}
