package dev.nanlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.cli.MainTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command's configuration: a bad one stops the run with exit 2 and one line naming the file and line (or
 * the option) and the problem, never the usage text; the default file is optional and found upward.
 */
class ConfigCommandTest {
  private static final String LOSS = "class Loss { double f(Model model) { double[] p = model.output(); return -Math.log(p[0]); } }\n";

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  /** The run failed with exit 2 and exactly {@code line} on standard error. */
  private static void assertRefused(String line, Run run) {
    assertEquals(2, run.code(), run.err());
    assertEquals(line, run.err().strip(), run.err());
    assertTrue(run.out().isEmpty(), run.out());
  }

  @Test
  void aMissingConfigFileIsOneLineNamingIt() throws IOException {
    Path source = write("Loss.java", LOSS);
    Path missing = dir.resolve("nanlint.properties");
    assertRefused("nanlint: error: " + missing + ": no such file", MainTest.run("--config", missing.toString(),
        source.toString()));
  }

  @Test
  void anUnknownKeyIsOneLineWithFileLineAndSuggestion() throws IOException {
    Path source = write("Loss.java", LOSS);
    Path config = write("nanlint.properties", "# team settings\ndisabel = UnguardedLog\n");
    assertRefused("nanlint: error: " + config + ":2: unknown key 'disabel' (did you mean 'disable'?)",
        MainTest.run("--config", config.toString(), source.toString()));
  }

  @Test
  void anUnknownRuleOrBadSeverityInTheFileIsOneLine() throws IOException {
    Path source = write("Loss.java", LOSS);
    Path rule = write("rule.properties", "disable = UnguardedDivison\n");
    assertRefused("nanlint: error: " + rule + ":1: unknown rule 'UnguardedDivison' in disable (did you mean"
        + " 'UnguardedDivision'?); `nanlint rules` lists them", MainTest.run("--config", rule.toString(), source.toString()));
    Path severity = write("severity.properties", "severity.UnguardedLog = fatal\n");
    assertRefused("nanlint: error: " + severity + ":1: severity.UnguardedLog: unknown severity 'fatal' (expected"
        + " error, warning or note)", MainTest.run("--config", severity.toString(), source.toString()));
  }

  @Test
  void badOptionsAreOneLineNamingTheOption() throws IOException {
    Path source = write("Loss.java", LOSS);
    assertRefused("nanlint: error: --disable: unknown rule 'UnguardedLogs' in disable (did you mean 'UnguardedLog'?);"
        + " `nanlint rules` lists them", MainTest.run("--disable", "UnguardedLogs", source.toString()));
    Run glob = MainTest.run("--exclude", "src/[main", source.toString());
    assertEquals(2, glob.code(), glob.err());
    assertTrue(glob.err().startsWith("nanlint: error: --exclude: exclude: bad glob 'src/[main'"), glob.err());
  }

  @Test
  void failOnFromTheFileUnlessTheOptionSaysOtherwise() throws IOException {
    Path source = write("Loss.java", LOSS); // one UnguardedLog warning
    Path config = write("nanlint.properties", "failOn = error\n");
    assertEquals(0, MainTest.run("--config", config.toString(), source.toString()).code());
    assertEquals(1, MainTest.run("--config", config.toString(), "--fail-on", "warning", source.toString()).code());
    assertEquals(1, MainTest.run(source.toString()).code(), "the command's own default is warning");
  }

  /**
   * Run as users run it, from a module directory of a repository: the nanlint.properties at the repository
   * root applies; an invalid one stops the run; none at all means the defaults.
   */
  @Test
  void theDefaultFileIsTheNearestAboveTheWorkingDirectory() throws IOException, InterruptedException {
    Files.createDirectories(dir.resolve("repo/.git"));
    Path module = Files.createDirectories(dir.resolve("repo/module"));
    write("repo/module/src/Loss.java", LOSS);
    assertEquals(1, command(module, "src").code(), "no nanlint.properties: the defaults, which report the log");
    write("repo/nanlint.properties", "disable = UnguardedLog\n");
    Run disabled = command(module, "src");
    assertEquals(0, disabled.code(), disabled.out() + disabled.err());
    write("repo/nanlint.properties", "disable = UnguardedLog\nseverity.UnguardedLog = loud\n");
    Run invalid = command(module, "src");
    assertEquals(2, invalid.code(), invalid.err());
    assertTrue(invalid.err().strip().matches("nanlint: error: \\S*nanlint\\.properties:2: severity\\.UnguardedLog:"
        + " unknown severity 'loud' \\(expected error, warning or note\\)"), invalid.err());
  }

  /** The command in its own JVM, started in {@code workingDirectory}. */
  private static Run command(Path workingDirectory, String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile("nanlint-out", ".txt");
    Path err = Files.createTempFile("nanlint-err", ".txt");
    try {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1", Main.class.getName()));
      command.addAll(List.of(args));
      ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().put("NANLINT_RELAUNCH", "0");
      Process process = builder.start();
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command did not finish");
      return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
