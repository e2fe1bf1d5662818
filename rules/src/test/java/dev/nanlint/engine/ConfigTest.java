package dev.nanlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.rules.BuiltInRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nanlint.properties: every key, and every way a configuration is refused with its file, line and problem. */
class ConfigTest {
  private static final List<Rule> RULES = BuiltInRules.all();

  @TempDir
  Path dir;

  private static RuleInfo info(String name) {
    return RULES.stream().map(Rule::info).filter(i -> i.name().equals(name)).findFirst().orElseThrow();
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  /** The message of the ConfigException that reading {@code text} as t.properties throws. */
  private static ConfigException refused(String text) {
    return assertThrows(ConfigException.class, () -> Config.parse(text, "t.properties", RULES));
  }

  @Test
  void everyKeyOfAValidFile() throws IOException {
    Path file = write("nanlint.properties", String.join("\n",
        "# a comment",
        "! another",
        "disable = UnguardedDivision, HalfPrecision",
        "enable =",
        "severity.UnguardedLog = error",
        "severity.NaNEquality: note",
        "exclude = **/generated/**, legacy/**",
        "failOn = warning",
        "HighLearningRate.adam = 0.01",
        ""));
    Config config = Config.load(file, RULES);
    assertFalse(config.isEnabled(info("UnguardedDivision")));
    assertFalse(config.isEnabled(info("HalfPrecision")));
    assertTrue(config.isEnabled(info("UnguardedLog")));
    assertEquals(Severity.ERROR, config.severityOf(info("UnguardedLog")));
    assertEquals(Severity.NOTE, config.severityOf(info("NaNEquality")));
    assertEquals(Severity.WARNING, config.severityOf(info("UnguardedSqrt")));
    assertEquals(List.of("**/generated/**", "legacy/**"), config.excludes());
    assertEquals(Optional.of(FailOn.WARNING), config.failOn());
    assertEquals("0.01", config.property("HighLearningRate.adam", null));
    assertEquals(Optional.of(file), config.file());
  }

  @Test
  void aMissingFileIsAnErrorNamingIt() {
    Path missing = dir.resolve("nanlint.properties");
    ConfigException e = assertThrows(ConfigException.class, () -> Config.load(missing, RULES));
    assertEquals(missing + ": no such file", e.getMessage());
    assertEquals(missing.toString(), e.source());
    assertEquals(0, e.line());
  }

  @Test
  void aDirectoryOrNonUtf8FileIsAnError() throws IOException {
    Path directory = Files.createDirectories(dir.resolve("conf"));
    assertEquals(directory + ": is a directory, not a file",
        assertThrows(ConfigException.class, () -> Config.load(directory, RULES)).getMessage());
    Path latin1 = dir.resolve("latin1.properties");
    Files.write(latin1, new byte[] {'d', 'i', 's', 'a', 'b', 'l', 'e', '=', (byte) 0xE9});
    assertEquals(latin1 + ": not valid UTF-8 text",
        assertThrows(ConfigException.class, () -> Config.load(latin1, RULES)).getMessage());
  }

  @Test
  void anUnknownKeyIsAnErrorWithTheLineAndTheClosestKey() throws IOException {
    Path file = write("nanlint.properties", "# comment\n\ndisabel = UnguardedLog\n");
    ConfigException e = assertThrows(ConfigException.class, () -> Config.load(file, RULES));
    assertEquals(file + ":3: unknown key 'disabel' (did you mean 'disable'?)", e.getMessage());
    assertEquals(3, e.line());
    assertEquals("unknown key 'disabel' (did you mean 'disable'?)", e.problem());
    assertEquals("t.properties:1: unknown key 'failon' (did you mean 'failOn'?)", refused("failon = error").getMessage());
    assertEquals("t.properties:1: unknown key 'serverity.UnguardedLog' (did you mean 'severity.UnguardedLog'?)",
        refused("serverity.UnguardedLog = note").getMessage());
    assertEquals("t.properties:1: unknown key 'HighLearningRate.adamw' (did you mean 'HighLearningRate.adam'?)",
        refused("HighLearningRate.adamw = 0.01").getMessage());
  }

  @Test
  void anUnknownKeyWithNothingCloseListsTheKeys() {
    assertEquals("t.properties:1: unknown key 'maxWarnings'; the keys are enable, disable, severity.<Rule>, exclude,"
        + " failOn and the rules' thresholds (HighLearningRate.adagrad, HighLearningRate.adam,"
        + " HighLearningRate.rmsprop, HighLearningRate.sgd, PowDomain.shapeOnly, UnguardedDivision.emptyInputs, UnguardedDivision.shapeOnly, UnguardedLog.shapeOnly, UnstableSoftmax.shapeOnly)",
        refused("maxWarnings = 3").getMessage());
  }

  @Test
  void anUnknownRuleIsAnErrorWhereverItIsNamed() {
    assertEquals("t.properties:2: unknown rule 'UnguardedLogg' in disable (did you mean 'UnguardedLog'?);"
        + " `nanlint rules` lists them", refused("enable =\ndisable = UnguardedDivision, UnguardedLogg").getMessage());
    assertEquals("t.properties:1: unknown rule 'NoSuchRule' in enable; `nanlint rules` lists them",
        refused("enable = NoSuchRule").getMessage());
    assertEquals("t.properties:1: unknown rule 'NanEquality' in severity.NanEquality (did you mean 'NaNEquality'?);"
        + " `nanlint rules` lists them", refused("severity.NanEquality = error").getMessage());
  }

  @Test
  void aBadSeverityOrLevelIsAnError() {
    assertEquals("t.properties:1: severity.UnguardedLog: unknown severity 'fatal' (expected error, warning or note)",
        refused("severity.UnguardedLog = fatal").getMessage());
    assertEquals("t.properties:3: failOn: 'warnings' is not a level (expected error, warning, note or never)",
        refused("\n\nfailOn = warnings").getMessage());
  }

  @Test
  void aBadGlobIsAnError() {
    ConfigException e = refused("exclude = **/generated/**, src/[main");
    assertEquals(1, e.line());
    assertTrue(e.getMessage().startsWith("t.properties:1: exclude: bad glob 'src/[main': "), e.getMessage());
  }

  @Test
  void aKeyGivenTwiceIsAnError() {
    assertEquals("t.properties:3: 'disable' is set again (first on line 1)",
        refused("disable = UnguardedLog\nenable =\ndisable = NaNEquality").getMessage());
  }

  @Test
  void continuationLinesKeepTheLineNumbersOfWhatFollows() throws ConfigException {
    Config config = Config.parse("disable = UnguardedLog, \\\n    NaNEquality\n", "t.properties", RULES);
    assertFalse(config.isEnabled(info("NaNEquality")));
    assertEquals("t.properties:4: unknown key 'bogus'; the keys are enable, disable, severity.<Rule>, exclude,"
        + " failOn and the rules' thresholds (HighLearningRate.adagrad, HighLearningRate.adam,"
        + " HighLearningRate.rmsprop, HighLearningRate.sgd, PowDomain.shapeOnly, UnguardedDivision.emptyInputs, UnguardedDivision.shapeOnly, UnguardedLog.shapeOnly, UnstableSoftmax.shapeOnly)",
        refused("disable = UnguardedLog, \\\n  NaNEquality\n# comment \\\nbogus = 1").getMessage());
  }

  @Test
  void optionsGoThroughTheSameChecksAndAddToTheFile() throws ConfigException {
    Config file = Config.parse("disable = UnguardedLog\nexclude = gen/**\nfailOn = note", "t.properties", RULES);
    Config config = file.with("disable", "NaNEquality", "--disable", RULES)
        .with("exclude", "legacy/**", "--exclude", RULES)
        .with("failOn", "never", "--fail-on", RULES);
    assertFalse(config.isEnabled(info("UnguardedLog")));
    assertFalse(config.isEnabled(info("NaNEquality")));
    assertEquals(List.of("gen/**", "legacy/**"), config.excludes());
    assertEquals(Optional.of(FailOn.NEVER), config.failOn());
    ConfigException e = assertThrows(ConfigException.class,
        () -> file.with("severity.UnguardedLogg", "note", "-Ananlint.severity", RULES));
    assertEquals("-Ananlint.severity: unknown rule 'UnguardedLogg' in severity.UnguardedLogg (did you mean"
        + " 'UnguardedLog'?); `nanlint rules` lists them", e.getMessage());
  }

  @RuleInfo(name = "TeamRule", severity = Severity.WARNING, summary = "a rule a team added through ServiceLoader")
  static final class TeamRule implements Rule {
    @Override
    public Set<String> configKeys() {
      return Set.of("TeamRule.limit");
    }
  }

  @Test
  void rulesAddedToTheCatalogueAreKnownWithTheirKeys() throws ConfigException {
    List<Rule> rules = new ArrayList<>(RULES);
    rules.add(new TeamRule());
    Config config = Config.parse("severity.TeamRule = error\nTeamRule.limit = 3", "t.properties", rules);
    assertEquals(Severity.ERROR, config.severityOf(new TeamRule().info()));
    assertEquals("3", config.property("TeamRule.limit", null));
    assertThrows(ConfigException.class, () -> Config.parse("severity.TeamRule = error", "t.properties", RULES));
  }

  @Test
  void excludeGlobsMatchRelativeAndFullPaths() throws ConfigException {
    Config config = Config.parse("exclude = **/generated/**, legacy/**", "t.properties", RULES);
    assertTrue(config.excludes(Path.of("src/main/java/org/acme/generated/Api.java")));
    assertTrue(config.excludes(Path.of("/work/project/target/generated/Api.java")));
    assertTrue(config.excludes(Path.of("legacy/Old.java")));
    assertFalse(config.excludes(Path.of("src/legacy/Old.java")));
    assertFalse(config.excludes(Path.of("src/main/java/org/acme/Loss.java")));
  }

  @Test
  void theDefaultFileIsFoundUpwardNoHigherThanTheRepository() throws IOException {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.createDirectories(repo.resolve(".git"));
    Path module = Files.createDirectories(repo.resolve("module/src/main/java/org/acme"));
    assertEquals(Optional.empty(), Config.find(module));
    write("nanlint.properties", "disable = UnguardedLog\n"); // above the repository: never read
    assertEquals(Optional.empty(), Config.find(module));
    Path root = write("repo/nanlint.properties", "");
    assertEquals(Optional.of(root), Config.find(module));
    Path own = write("repo/module/nanlint.properties", "");
    assertEquals(Optional.of(own), Config.find(module));
  }

  @Test
  void failOnComparesSeverities() {
    assertTrue(FailOn.ERROR.fails(Severity.ERROR));
    assertFalse(FailOn.ERROR.fails(Severity.WARNING));
    assertTrue(FailOn.WARNING.fails(Severity.WARNING));
    assertFalse(FailOn.WARNING.fails(Severity.NOTE));
    assertTrue(FailOn.NOTE.fails(Severity.NOTE));
    assertFalse(FailOn.NEVER.fails(Severity.ERROR));
  }

  @Test
  void didYouMeanOnlySuggestsCloseNames() {
    assertEquals(Optional.of("disable"), DidYouMean.closest("disabel", List.of("enable", "disable", "exclude")));
    assertEquals(Optional.empty(), DidYouMean.closest("threshold", List.of("enable", "disable", "exclude")));
  }
}
