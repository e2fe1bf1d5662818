package dev.nanlint.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor's configuration through real javac runs: a configuration it refuses is a javac error that
 * fails the build (never a silent "disabled"); findings at or above failOn are errors, those below stay
 * warnings or notes; the default file is optional and found above the sources; exclude globs apply.
 */
class ProcessorConfigTest {
  /** An UnguardedLog warning on line 4 and a NaNEquality error on line 6. */
  private static final String LOSS_TEXT = String.join("\n",
      "package demo;",
      "class Loss { interface Model { double[] output(); }",
      "  double crossEntropy(Model model, int label) { double[] probs = model.output();",
      "    return -Math.log(probs[label]);",
      "  }",
      "  boolean diverged(double loss) { return loss == Double.NaN; }",
      "}",
      "");
  private static final JavaFileObject LOSS = JavaFileObjects.forSourceString("demo.Loss", LOSS_TEXT);

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private static Compilation compile(List<String> options, JavaFileObject... sources) {
    return javac().withProcessors(new NanlintProcessor()).withOptions(options).compile(sources);
  }

  /** A source file on disk, as build tools hand them to javac (the processor looks above it for its configuration). */
  private static JavaFileObject onDisk(Path file) throws IOException {
    return JavaFileObjects.forResource(file.toUri().toURL());
  }

  /** "KIND line [Rule]" for each finding. */
  private static List<String> findings(Compilation compilation) {
    return compilation.diagnostics().stream()
        .filter(d -> d.getMessage(Locale.ROOT).matches("(?s)^\\[\\w+\\] .*"))
        .map(d -> d.getKind() + " " + d.getLineNumber() + " " + d.getMessage(Locale.ROOT).substring(0,
            d.getMessage(Locale.ROOT).indexOf(']') + 1))
        .toList();
  }

  private static List<String> errors(Compilation compilation) {
    return compilation.errors().stream().map(e -> e.getMessage(Locale.ROOT)).toList();
  }

  @Test
  void aMissingConfigFileNamedExplicitlyFailsTheBuildNamingIt() {
    Path missing = dir.resolve("module/nanlint.properties");
    Compilation compilation = compile(List.of("-Ananlint.config=" + missing), LOSS);
    assertEquals(Compilation.Status.FAILURE, compilation.status());
    assertEquals(List.of("nanlint: " + missing + ": no such file (named by nanlint.config; without that option"
        + " nanlint reads the nearest nanlint.properties above the sources, if any)"), errors(compilation));
    assertEquals(List.of(), findings(compilation));
  }

  @Test
  void anUnknownRuleInTheFileFailsTheBuildWithFileAndLine() throws IOException {
    Path config = write("nanlint.properties", "# ours\ndisable = UnguardedLogg\n");
    Compilation compilation = compile(List.of("-Ananlint.config=" + config), LOSS);
    assertEquals(Compilation.Status.FAILURE, compilation.status());
    assertEquals(List.of("nanlint: " + config + ":2: unknown rule 'UnguardedLogg' in disable (did you mean"
        + " 'UnguardedLog'?); `nanlint rules` lists them"), errors(compilation));
  }

  @Test
  void badOptionsFailTheBuildNamingTheOption() {
    assertEquals(List.of("nanlint: nanlint.disabel: unknown option (did you mean 'nanlint.disable'?); the options are"
            + " nanlint.config, nanlint.disable, nanlint.enable, nanlint.excludedPaths, nanlint.failOn,"
            + " nanlint.indexCache, nanlint.severity, nanlint.stats, nanlint.warningKind, nanlint.werror"),
        errors(compile(List.of("-Ananlint.disabel=UnguardedLog"), LOSS)));
    assertEquals(List.of("nanlint: nanlint.severity: severity.UnguardedLog: unknown severity 'fatal' (expected error,"
        + " warning or note)"), errors(compile(List.of("-Ananlint.severity=UnguardedLog=fatal"), LOSS)));
    assertEquals(List.of("nanlint: nanlint.enable: unknown rule 'NaNEqualty' in enable (did you mean 'NaNEquality'?);"
        + " `nanlint rules` lists them"), errors(compile(List.of("-Ananlint.enable=NaNEqualty"), LOSS)));
    assertEquals(List.of("nanlint: nanlint.werror: 'yes' is not true or false"),
        errors(compile(List.of("-Ananlint.werror=yes"), LOSS)));
    assertEquals(List.of("nanlint: nanlint.werror: give nanlint.failOn or nanlint.werror, not both (werror=true is"
        + " failOn=warning)"), errors(compile(List.of("-Ananlint.werror=true", "-Ananlint.failOn=note"), LOSS)));
  }

  @Test
  void byDefaultErrorFindingsFailTheBuildAndWarningsDoNot() {
    Compilation compilation = compile(List.of(), LOSS);
    assertEquals(Compilation.Status.FAILURE, compilation.status());
    assertEquals(List.of("MANDATORY_WARNING 4 [UnguardedLog]", "ERROR 6 [NaNEquality]"), findings(compilation));
    assertEquals(1, compilation.errors().size(), compilation.errors()::toString);
  }

  @Test
  void aSeverityRaisedToErrorInTheFileFailsTheBuild() throws IOException {
    Path config = write("nanlint.properties", "disable = NaNEquality\nseverity.UnguardedLog = error\n");
    Compilation compilation = compile(List.of("-Ananlint.config=" + config), LOSS);
    assertEquals(Compilation.Status.FAILURE, compilation.status());
    assertEquals(List.of("ERROR 4 [UnguardedLog]"), findings(compilation));
    Compilation lowered = compile(List.of("-Ananlint.config=" + config, "-Ananlint.severity=UnguardedLog=warning"), LOSS);
    assertEquals(Compilation.Status.SUCCESS, lowered.status(), "the option is applied on top of the file");
    assertEquals(List.of("MANDATORY_WARNING 4 [UnguardedLog]"), findings(lowered));
  }

  @Test
  void failOnDecidesWhichFindingsAreErrors() throws IOException {
    Compilation never = compile(List.of("-Ananlint.failOn=never"), LOSS);
    assertEquals(Compilation.Status.SUCCESS, never.status());
    assertEquals(List.of("MANDATORY_WARNING 4 [UnguardedLog]", "MANDATORY_WARNING 6 [NaNEquality]"), findings(never));

    Compilation warning = compile(List.of("-Ananlint.failOn=warning"), LOSS);
    assertEquals(Compilation.Status.FAILURE, warning.status());
    assertEquals(List.of("ERROR 4 [UnguardedLog]", "ERROR 6 [NaNEquality]"), findings(warning));

    Compilation werror = compile(List.of("-Ananlint.werror=true"), LOSS);
    assertEquals(findings(warning), findings(werror), "werror=true is failOn=warning");

    Path config = write("nanlint.properties", "failOn = never\n");
    Compilation fromFile = compile(List.of("-Ananlint.config=" + config), LOSS);
    assertEquals(Compilation.Status.SUCCESS, fromFile.status());
    Compilation optionWins = compile(List.of("-Ananlint.config=" + config, "-Ananlint.failOn=error"), LOSS);
    assertEquals(Compilation.Status.FAILURE, optionWins.status());
  }

  @Test
  void failOnNoteMakesNotesErrorsToo() {
    JavaFileObject softmax = JavaFileObjects.forSourceLines("demo.Xent",
        "package demo;",
        "class Xent {",
        "  double loss(double y, double p) {",
        "    double q = Math.min(Math.max(p, 1e-12), 1 - 1e-12);",
        "    return -(y * Math.log(q) + (1 - y) * Math.log(1 - q));",
        "  }",
        "}");
    Compilation byDefault = compile(List.of(), softmax);
    assertEquals(List.of("NOTE 5 [LogOfSoftmax]"), findings(byDefault));
    assertEquals(Compilation.Status.SUCCESS, byDefault.status());
    Compilation note = compile(List.of("-Ananlint.failOn=note"), softmax);
    assertEquals(List.of("ERROR 5 [LogOfSoftmax]"), findings(note));
    assertEquals(Compilation.Status.FAILURE, note.status());
  }

  /**
   * javac's -Werror fails the build on any warning, mandatory ones too. With warningKind=NOTE the findings
   * below failOn are notes, so a -Werror project adopts nanlint and only failOn decides.
   */
  @Test
  void underWerrorWarningKindNoteLeavesTheDecisionToFailOn() {
    Compilation strict = compile(List.of("-Werror", "-Ananlint.failOn=never"), LOSS);
    assertEquals(Compilation.Status.FAILURE, strict.status(), "-Werror fails on nanlint's mandatory warnings");

    Compilation adopted = compile(List.of("-Werror", "-Xlint:all", "-Ananlint.failOn=never",
        "-Ananlint.warningKind=NOTE"), LOSS);
    assertEquals(Compilation.Status.SUCCESS, adopted.status(), adopted.diagnostics()::toString);
    assertEquals(List.of("NOTE 4 [UnguardedLog]", "NOTE 6 [NaNEquality]"), findings(adopted));

    Compilation errorsStillFail = compile(List.of("-Werror", "-Ananlint.warningKind=NOTE"), LOSS);
    assertEquals(Compilation.Status.FAILURE, errorsStillFail.status());
    assertEquals(List.of("NOTE 4 [UnguardedLog]", "ERROR 6 [NaNEquality]"), findings(errorsStillFail));
  }

  @Test
  void theNearestConfigAboveTheSourcesAppliesWhenNoneIsNamed() throws IOException {
    Files.createDirectories(dir.resolve("repo/.git"));
    Path source = write("repo/module/src/main/java/demo/Loss.java", LOSS_TEXT);
    Compilation none = compile(List.of(), onDisk(source));
    assertEquals(List.of("MANDATORY_WARNING 4 [UnguardedLog]", "ERROR 6 [NaNEquality]"), findings(none),
        "no nanlint.properties: the defaults");

    write("repo/nanlint.properties", "disable = NaNEquality\n"); // the multi-module root
    Compilation fromRoot = compile(List.of(), onDisk(source));
    assertEquals(Compilation.Status.SUCCESS, fromRoot.status(), fromRoot.diagnostics()::toString);
    assertEquals(List.of("MANDATORY_WARNING 4 [UnguardedLog]"), findings(fromRoot));

    Path invalid = write("repo/module/nanlint.properties", "disable = NaNEquality\nfailOn = sometimes\n");
    Compilation refused = compile(List.of(), onDisk(source));
    assertEquals(Compilation.Status.FAILURE, refused.status());
    assertEquals(List.of("nanlint: " + invalid + ":2: failOn: 'sometimes' is not a level (expected error, warning,"
        + " note or never)"), errors(refused));
    assertEquals(List.of(), findings(refused));
  }

  @Test
  void excludeGlobsSkipFilesRelativeToTheConfigurationOrAnywhere() throws IOException {
    Path generated = write("src/main/java/demo/generated/Loss.java", LOSS_TEXT);
    Path legacy = write("legacy/demo/Loss.java", LOSS_TEXT);
    Path kept = write("src/main/java/demo/Loss.java", LOSS_TEXT);
    Path config = write("nanlint.properties", "failOn = never\nexclude = **/generated/**, legacy/**\n");
    for (Path skipped : List.of(generated, legacy)) {
      Compilation compilation = compile(List.of("-Ananlint.config=" + config), onDisk(skipped));
      assertEquals(List.of(), findings(compilation), skipped.toString());
    }
    assertEquals(2, findings(compile(List.of("-Ananlint.config=" + config), onDisk(kept))).size());
  }

  @Test
  void thePluginRefusesABadConfigurationAsTheProcessorDoes() {
    Path missing = dir.resolve("nanlint.properties");
    Compilation compilation = javac().withOptions("-Xplugin:Nanlint config=" + missing, "-proc:none").compile(LOSS);
    assertEquals(Compilation.Status.FAILURE, compilation.status());
    assertEquals(1, compilation.errors().size(), compilation.errors()::toString);
    assertTrue(errors(compilation).get(0).startsWith("nanlint: " + missing + ": no such file"), errors(compilation)::toString);
    Compilation failOn = javac().withOptions("-Xplugin:Nanlint failOn=never", "-proc:none").compile(LOSS);
    assertEquals(Compilation.Status.SUCCESS, failOn.status());
    assertEquals(2, findings(failOn).size());
    assertTrue(findings(failOn).stream().allMatch(f -> f.startsWith(Diagnostic.Kind.MANDATORY_WARNING.name())));
  }
}
