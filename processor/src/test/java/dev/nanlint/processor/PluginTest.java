package dev.nanlint.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.nanlint.engine.ConfigException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code -Xplugin:Nanlint}: the processor's findings without annotation processing, and its options as arguments. */
class PluginTest {
  private static final JavaFileObject LOSS = JavaFileObjects.forSourceLines("demo.Loss",
      "package demo;",
      "",
      "class Loss { interface Model { double[] output(); }",
      "  double crossEntropy(Model model, int label) { double[] probs = model.output();",
      "    return -Math.log(probs[label]);",
      "  }",
      "  double perBatch(double loss, int examples, int batchSize) {",
      "    int batches = examples / batchSize;",
      "    return loss / batches;",
      "  }",
      "}");

  @Test
  void reportsWhatTheProcessorReportsAtTheSamePlaces() {
    Compilation plugin = javac().withOptions("-Xplugin:Nanlint", "-proc:none").compile(LOSS);
    Compilation processor = javac().withProcessors(new NanlintProcessor()).compile(LOSS);
    assertEquals(Compilation.Status.SUCCESS, plugin.status());
    assertEquals(2, nanlint(plugin).size(), plugin.diagnostics()::toString);
    assertEquals(describe(nanlint(processor)), describe(nanlint(plugin)));
  }

  @Test
  void withTheProcessorAlsoRunningEachFindingIsReportedOnce() {
    Compilation both = javac().withProcessors(new NanlintProcessor()).withOptions("-Xplugin:Nanlint").compile(LOSS);
    assertEquals(2, nanlint(both).size(), both.diagnostics()::toString);
  }

  @Test
  void optionsAreArgumentsWithOrWithoutThePrefix() {
    Compilation disabled = javac().withOptions("-Xplugin:Nanlint disable=UnguardedLog", "-proc:none").compile(LOSS);
    assertEquals(List.of("[UnguardedDivision]"), nanlint(disabled).stream()
        .map(d -> d.getMessage(Locale.ROOT).substring(0, d.getMessage(Locale.ROOT).indexOf(']') + 1)).toList());
    Compilation werror = javac().withOptions("-Xplugin:Nanlint nanlint.werror=true", "-proc:none").compile(LOSS);
    assertEquals(Compilation.Status.FAILURE, werror.status());
    assertEquals(2, werror.errors().size(), werror.errors()::toString);
  }

  @Test
  void aBadArgumentIsOneErrorAndTheBuildFails() {
    Compilation compilation = javac().withOptions("-Xplugin:Nanlint disabel=UnguardedLog", "-proc:none").compile(LOSS);
    assertEquals(Compilation.Status.FAILURE, compilation.status());
    assertEquals(1, compilation.errors().size(), compilation.errors()::toString);
    String message = compilation.errors().get(0).getMessage(Locale.ROOT);
    assertTrue(message.startsWith("nanlint: -Xplugin:Nanlint: unknown plugin argument 'disabel=UnguardedLog' (did you"
        + " mean 'disable'?)"), message);
    assertTrue(nanlint(compilation).isEmpty());
  }

  @Test
  void aBadValueIsOneErrorNamingTheArgument() {
    Compilation compilation = javac().withOptions("-Xplugin:Nanlint failOn=sometimes", "-proc:none").compile(LOSS);
    assertEquals(Compilation.Status.FAILURE, compilation.status());
    assertEquals(List.of("nanlint: nanlint.failOn: 'sometimes' is not a level (expected error, warning, note or never)"),
        compilation.errors().stream().map(e -> e.getMessage(Locale.ROOT)).toList());
  }

  /**
   * A text block javac folds with another constant is left to JavaParser by the converter: the file is
   * parsed again, and its findings still come.
   */
  private static final JavaFileObject FOLDED_TEXT_BLOCK = JavaFileObjects.forSourceLines("demo.Stats",
      "package demo;",
      "",
      "class Stats {",
      "  static final String HELP = \"\"\"",
      "      the mean log-likelihood of the labels",
      "      \"\"\" + \"!\";",
      "  double logLikelihood(Model model, int label) { double[] probs = model.output();",
      "    return Math.log(probs[label]);",
      "  }",
      "}");

  @Test
  void filesAreReadFromJavacsTreesNotParsedAgain() {
    for (Compilation compilation : List.of(
        javac().withOptions("-Xplugin:Nanlint stats=true", "-proc:none").compile(LOSS),
        javac().withProcessors(new NanlintProcessor()).withOptions("-Ananlint.stats=true").compile(LOSS))) {
      assertEquals(2, nanlint(compilation).size(), compilation.diagnostics()::toString);
      assertEquals(1, notes(compilation).size(), compilation.notes()::toString);
      assertTrue(notes(compilation).get(0).startsWith("nanlint: 1 files analysed from javac's trees, 0 parsed again by"
          + " JavaParser; "), notes(compilation)::toString);
    }
  }

  @Test
  void aFileTheConverterLeavesToJavaParserIsParsedAgainWithTheSameFindings() {
    Compilation compilation = javac().withOptions("-Xplugin:Nanlint stats=true", "-proc:none").compile(FOLDED_TEXT_BLOCK);
    assertEquals(1, notes(compilation).size(), compilation.notes()::toString);
    assertTrue(notes(compilation).get(0).startsWith("nanlint: 0 files analysed from javac's trees, 1 parsed again by"
        + " JavaParser;"), notes(compilation)::toString);
    assertEquals(List.of("MANDATORY_WARNING 8:12 [UnguardedLog]"),
        describe(nanlint(compilation)).stream().map(d -> d.substring(0, d.indexOf(']') + 1)).toList());
  }

  private static List<String> notes(Compilation compilation) {
    return compilation.notes().stream().map(n -> n.getMessage(Locale.ROOT)).filter(m -> m.startsWith("nanlint:")).toList();
  }

  @Test
  void argumentsMapOntoTheProcessorOptions() throws ConfigException {
    assertEquals(Map.of("nanlint.disable", "A,B", "nanlint.werror", "true"),
        NanlintPlugin.options("disable=A,B", "nanlint.werror=true"));
    assertThrows(ConfigException.class, () -> NanlintPlugin.options("werror"));
  }

  private static List<Diagnostic<? extends JavaFileObject>> nanlint(Compilation compilation) {
    return compilation.diagnostics().stream().filter(d -> d.getMessage(Locale.ROOT).matches("(?s)^\\[\\w+\\] .*"))
        .collect(Collectors.toList());
  }

  private static List<String> describe(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    return diagnostics.stream().map(d -> d.getKind() + " " + d.getLineNumber() + ":" + d.getColumnNumber() + " "
        + d.getMessage(Locale.ROOT)).toList();
  }
}
