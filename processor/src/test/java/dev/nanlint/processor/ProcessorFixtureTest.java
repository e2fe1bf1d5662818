package dev.nanlint.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.nanlint.engine.BuiltInRules;
import dev.nanlint.engine.Config;
import dev.nanlint.engine.Finding;
import dev.nanlint.engine.Linter;
import dev.nanlint.engine.Severity;
import dev.nanlint.testing.Fixtures;
import dev.nanlint.testing.Fixtures.Marker;
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
 * Every fixture compiled by javac with the processor: the warnings must sit on exactly the lines the
 * EXPECT markers name, the same as the engine test, and the fixture must still compile.
 */
class ProcessorFixtureTest {
  private static final Pattern RULE = Pattern.compile("^\\[(\\w+)\\] ");

  /** The engine's level of each finding (a rule may report below its severity): javac must use the same. */
  private static Map<Marker, Severity> engineLevels(Path fixture) {
    return new Linter(BuiltInRules.all(), Config.defaults()).lint(fixture.toString(), Fixtures.read(fixture))
        .findings().stream()
        .collect(Collectors.toMap(f -> new Marker(f.line(), f.rule()), Finding::severity, (a, b) -> a));
  }
  /** The other rules of a finding that carries several (one expression, several reasons), on its first line. */
  private static final Pattern ALSO = Pattern.compile("; also \\[(\\w+)\\] ");

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

  private static void check(Path fixture, Compilation compilation) {
    assertEquals(Compilation.Status.SUCCESS, compilation.status(), () -> compilation.errors().toString());

    List<Marker> actual = new ArrayList<>();
    Map<Marker, Severity> levels = engineLevels(fixture);
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      Matcher m = RULE.matcher(d.getMessage(Locale.ROOT));
      if (m.find()) {
        Diagnostic.Kind expectedKind = levels.get(new Marker((int) d.getLineNumber(), m.group(1))) == Severity.NOTE
            ? Diagnostic.Kind.NOTE : Diagnostic.Kind.MANDATORY_WARNING;
        assertEquals(expectedKind, d.getKind(), d.toString());
        actual.add(new Marker((int) d.getLineNumber(), m.group(1)));
        Matcher also = ALSO.matcher(d.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
        while (also.find()) {
          actual.add(new Marker((int) d.getLineNumber(), also.group(1)));
        }
      }
    }
    actual.sort(null);
    assertTrue(compilation.notes().stream().noneMatch(n -> n.getMessage(Locale.ROOT).contains("nanlint")),
        () -> "processor notes: " + compilation.notes());
    assertEquals(Fixtures.expected(Fixtures.read(fixture)), actual, () -> compilation.diagnostics().stream()
        .map(Object::toString).collect(Collectors.joining("\n")));
  }
}
