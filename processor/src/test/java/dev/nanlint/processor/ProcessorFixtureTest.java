package dev.nanlint.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.nanlint.rules.BuiltInRules;
import dev.nanlint.engine.Config;
import dev.nanlint.engine.Finding;
import dev.nanlint.engine.Linter;
import dev.nanlint.engine.Severity;
import dev.nanlint.testing.Fixtures;
import dev.nanlint.testing.Fixtures.Marker;
import dev.nanlint.testing.Fixtures.Reported;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture compiled by javac with the processor: the findings must sit on exactly the lines the
 * EXPECT markers name, with the level and message texts they name, the same as the engine test, and the fixture
 * must compile but for nanlint's errors.
 */
class ProcessorFixtureTest {
  private static final Pattern RULE = Pattern.compile("^\\[(\\w+)\\] ");

  /** The engine's level of each finding (a rule may report below its severity): javac must use the same. */
  private static Map<Marker, Severity> engineLevels(Path fixture) {
    return new Linter(BuiltInRules.all(), Config.defaults()).lint(fixture.toString(), Fixtures.read(fixture))
        .findings().stream()
        .collect(Collectors.toMap(f -> new Marker(f.line(), f.rule()), Finding::severity, (a, b) -> a));
  }

  static Stream<Path> fixtures() {
    return Fixtures.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void javacWarnsOnTheMarkedLines(Path fixture) throws MalformedURLException {
    JavaFileObject source = JavaFileObjects.forResource(fixture.toUri().toURL());
    check(fixture, javac().withProcessors(new NanlintProcessor()).compile(source));
  }

  /** The same through {@code -Xplugin:Nanlint} without annotation processing (found on the class path). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void thePluginWarnsOnTheMarkedLines(Path fixture) throws MalformedURLException {
    JavaFileObject source = JavaFileObjects.forResource(fixture.toUri().toURL());
    check(fixture, javac().withOptions("-Xplugin:Nanlint", "-proc:none").compile(source));
  }

  /**
   * The diagnostics nanlint printed (through the processor's Messager or the plugin's Trees: javac gives both
   * the code {@code compiler.<kind>.proc.messager}) must be exactly the fixture's expected findings, each of the
   * kind its severity gives under the default failOn=error; javac's own diagnostics (a deprecation note, which
   * names the file's path) are not nanlint's whatever they say. The fixture compiles unless nanlint reported an
   * error-severity finding, and then those findings are the only errors.
   */
  private static void check(Path fixture, Compilation compilation) {
    List<Reported> actual = new ArrayList<>();
    List<String> unexpected = new ArrayList<>();
    Map<Marker, Severity> levels = engineLevels(fixture);
    boolean errorFinding = false;
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      if (!d.getCode().endsWith(".proc.messager")) {
        continue; // javac's own
      }
      Matcher m = RULE.matcher(d.getMessage(Locale.ROOT));
      if (!m.find()) {
        unexpected.add(d.toString());
        continue;
      }
      Severity severity = levels.get(new Marker((int) d.getLineNumber(), m.group(1)));
      Diagnostic.Kind expectedKind = severity == Severity.ERROR ? Diagnostic.Kind.ERROR
          : severity == Severity.NOTE ? Diagnostic.Kind.NOTE : Diagnostic.Kind.MANDATORY_WARNING;
      assertEquals(expectedKind, d.getKind(), d.toString());
      errorFinding |= severity == Severity.ERROR;
      // the first line is "[Rule] message; also [Other] its message"; the fix follows on the next
      String firstLine = d.getMessage(Locale.ROOT).lines().findFirst().orElse("").substring(m.end());
      actual.addAll(Fixtures.reportsOf((int) d.getLineNumber(), (int) d.getColumnNumber(), levelOf(d.getKind()),
          m.group(1), firstLine));
    }
    assertEquals(List.of(), unexpected, "nanlint printed more than its findings");
    String source = Fixtures.read(fixture);
    assertEquals(Fixtures.expected(source), actual.stream().map(Reported::marker).sorted().toList(),
        () -> compilation.diagnostics().stream().map(Object::toString).collect(Collectors.joining("\n")));
    List<String> unmet = Fixtures.unmet(Fixtures.expectations(source), actual);
    assertTrue(unmet.isEmpty(), () -> fixture.getFileName() + ": diagnostics without the marker's level or text:\n  "
        + String.join("\n  ", unmet));
    assertEquals(errorFinding ? Compilation.Status.FAILURE : Compilation.Status.SUCCESS, compilation.status(),
        () -> compilation.errors().toString());
    assertTrue(compilation.errors().stream().allMatch(e -> RULE.matcher(e.getMessage(Locale.ROOT)).find()),
        () -> "javac errors besides nanlint's findings: " + compilation.errors());
  }

  /** The level a diagnostic kind shows under the default failOn=error (the kinds checked in check). */
  private static Severity levelOf(Diagnostic.Kind kind) {
    return switch (kind) {
      case ERROR -> Severity.ERROR;
      case NOTE -> Severity.NOTE;
      default -> Severity.WARNING;
    };
  }
}
