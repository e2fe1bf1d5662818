package dev.nanlint.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.nanlint.analysis.index.ProjectRun;
import dev.nanlint.engine.Config;
import dev.nanlint.engine.FileResult;
import dev.nanlint.engine.Linter;
import dev.nanlint.rules.BuiltInRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project index inside javac: the processor records every compilation unit of the compile, summarises
 * the methods one file's operands call in another, and gives the same findings as the two passes of the
 * command ({@link ProjectRun}, which FileScan runs in parallel; CrossFileCommandTest in the cli checks the
 * command's output on the same sources).
 */
class CrossFileFactsTest {
  static final String[] PROBABILITIES = lines("demo/util/Probabilities.java");
  static final String[] LOSS = lines("demo/Loss.java");
  private static final Pattern RULE = Pattern.compile("^\\[(\\w+)\\] ");

  /** The two files of test-fixtures/incremental-project (the Maven build of the same sources), as lines. */
  private static String[] lines(String path) {
    try {
      return Files.readString(Path.of("..", "test-fixtures", "incremental-project", "src", "main", "java", path))
          .split("\n");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theProcessorAndTheCommandGiveTheSameCrossFileFindings() {
    Compilation compilation = javac().withProcessors(new NanlintProcessor()).compile(
        JavaFileObjects.forSourceLines("demo.util.Probabilities", PROBABILITIES),
        JavaFileObjects.forSourceLines("demo.Loss", LOSS));
    List<String> javacFindings = compilation.diagnostics().stream()
        .filter(d -> d.getSource() != null && RULE.matcher(d.getMessage(Locale.ROOT)).find())
        .map(d -> {
          String message = d.getMessage(Locale.ROOT).lines().findFirst().orElse("");
          Matcher m = RULE.matcher(message);
          String file = ((JavaFileObject) d.getSource()).getName();
          return file.substring(file.lastIndexOf('/') + 1) + ":" + d.getLineNumber() + " "
              + (m.find() ? m.group(1) + " " + message.substring(m.end()) : message);
        })
        .sorted()
        .toList();
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("Probabilities.java", String.join("\n", PROBABILITIES) + "\n");
    texts.put("Loss.java", String.join("\n", LOSS) + "\n");
    List<String> commandFindings = ProjectRun.lint(new Linter(BuiltInRules.all(), Config.defaults()), texts).stream()
        .map(FileResult::findings).flatMap(List::stream)
        .map(f -> f.path() + ":" + f.line() + " " + f.rule() + " " + f.message())
        .sorted()
        .toList();

    assertEquals(commandFindings, javacFindings);
    // withdrawn: the clipped probability of the other file keeps line 7 finite; the raw sigmoid (11) stays;
    // added: the integer quotient the other file returns can be 0 (15)
    assertEquals(List.of("Loss.java:11 UnguardedLog", "Loss.java:15 UnguardedDivision"),
        javacFindings.stream().map(f -> f.substring(0, f.indexOf(' ', f.indexOf(' ') + 1))).toList(), javacFindings::toString);
    assertTrue(javacFindings.get(1).contains("Probabilities.batches(...) returns a value that can be 0"
        + " (Probabilities.java line 17)"), javacFindings::toString);
  }

  /**
   * An incremental compile: only Loss.java is compiled, Probabilities comes as a class file. The processor
   * sees one unit, so the calls stay unknown, as in a single-file check (no index cache yet).
   */
  @Test
  void aFileCompiledAloneAgainstTheOthersClassesGetsNoSummaries(@TempDir Path classes) throws IOException {
    Compilation helper = javac().compile(JavaFileObjects.forSourceLines("demo.util.Probabilities", PROBABILITIES));
    for (JavaFileObject generated : helper.generatedFiles()) {
      if (generated.getKind() == JavaFileObject.Kind.CLASS) {
        Path out = classes.resolve(generated.toUri().getPath().replaceFirst("^.*/CLASS_OUTPUT/", ""));
        Files.createDirectories(out.getParent());
        try (InputStream in = generated.openInputStream()) {
          Files.copy(in, out);
        }
      }
    }
    Compilation alone = javac().withProcessors(new NanlintProcessor()).withClasspath(List.of(classes.toFile()))
        .compile(JavaFileObjects.forSourceLines("demo.Loss", LOSS));
    assertEquals(Compilation.Status.SUCCESS, alone.status(), alone.diagnostics()::toString);
    List<String> findings = alone.diagnostics().stream()
        .map(d -> d.getMessage(Locale.ROOT).lines().findFirst().orElse(""))
        .map(RULE::matcher).filter(Matcher::find)
        .map(m -> m.group(1)).toList();
    List<Long> lines = alone.diagnostics().stream().filter(d -> RULE.matcher(d.getMessage(Locale.ROOT)).find())
        .map(Diagnostic::getLineNumber).toList();
    assertEquals(List.of("UnguardedLog", "UnguardedLog"), findings);
    assertEquals(List.of(7L, 11L), lines);
    // the same as the command on Loss.java alone
    List<String> single = new Linter(BuiltInRules.all(), Config.defaults())
        .lint("Loss.java", String.join("\n", LOSS) + "\n").findings().stream()
        .map(f -> f.line() + " " + f.rule()).toList();
    assertEquals(List.of("7 UnguardedLog", "11 UnguardedLog"), single);
  }
}
