package dev.nanlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as users run it: arguments in, report and exit code out. */
class MainTest {
  private static final String LOSS = String.join("\n",
      "package demo;",
      "class Loss {",
      "  double crossEntropy(Model model, int label) { double[] probs = model.output();",
      "    return -Math.log(probs[label]);",
      "  }",
      "  boolean diverged(double loss) { return loss == Double.NaN; }",
      "}",
      "");
  private static final String CLEAN = "package demo;\nclass Clean { double f(double x) { return x * 2; } }\n";

  @TempDir
  Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void textReportIsJavacStyleWithCaretAndFix() throws IOException {
    Path file = write("src/demo/Loss.java", LOSS);
    Run run = run(file.toString());
    assertEquals(1, run.code(), run.err());
    String[] lines = run.out().split("\n");
    assertEquals(file + ":4:13: warning: [UnguardedLog] Math.log(probs[label]) is -Infinity when probs[label] is 0"
        + " and NaN below: probs holds probabilities, which reach 0 when the model saturates", lines[0]);
    assertEquals("        return -Math.log(probs[label]);", lines[1]);
    assertEquals("                ^", lines[2]);
    assertEquals("  fix: Math.log(Math.max(probs[label], 1e-12)), or compute the loss from logits (log-softmax)", lines[3]);
    assertTrue(run.out().contains(":6:42: error: [NaNEquality] loss == Double.NaN is always false"), run.out());
    assertTrue(run.out().contains("nanlint: 1 file scanned, 1 error, 1 warning, 0 notes"), run.out());
  }

  @Test
  void exitCodes() throws IOException {
    Path loss = write("Loss.java", LOSS);
    Path clean = write("Clean.java", CLEAN);
    assertEquals(0, run(clean.toString()).code());
    assertEquals(1, run(loss.toString()).code());
    assertEquals(1, run("--fail-on", "error", loss.toString()).code()); // NaNEquality is an error
    assertEquals(0, run("--fail-on", "error", "--disable", "NaNEquality", loss.toString()).code());
    assertEquals(0, run("--fail-on", "never", loss.toString()).code());
    assertEquals(2, run("--no-such-option", clean.toString()).code());
    assertEquals(2, run().code());
    assertEquals(2, run("--disable", "NoSuchRule", clean.toString()).code());
  }

  @Test
  void missingPathAndUnparseableFileAreReportedAndTheRestIsStillScanned() throws IOException {
    write("src/Loss.java", LOSS);
    write("src/Broken.java", "package demo;\nclass Broken { void f( { }\n");
    Run run = run(dir.resolve("src").toString(), dir.resolve("nope").toString());
    assertEquals(2, run.code());
    assertTrue(run.out().contains("[UnguardedLog]"), run.out());
    assertTrue(run.err().contains("Broken.java:2:"), run.err());
    assertTrue(run.err().contains("error: cannot parse"), run.err());
    assertTrue(run.err().contains("nope: error: no such file or directory"), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  @Test
  void binaryAndNonUtf8FilesAreReportedNotMangled() throws IOException {
    Files.write(dir.resolve("Binary.java"), new byte[] {'c', 'l', 0, 1, 2});
    Files.write(dir.resolve("Latin1.java"), "class L { String s = \"caf\u00e9\"; }".getBytes(StandardCharsets.ISO_8859_1));
    Run run = run(dir.toString());
    assertEquals(2, run.code());
    assertTrue(run.err().contains("Binary.java: error: binary file"), run.err());
    assertTrue(run.err().contains("Latin1.java: error: not valid UTF-8"), run.err());
    assertEquals(0, run("--encoding", "ISO-8859-1", dir.resolve("Latin1.java").toString()).code());
  }

  @Test
  void buildOutputIsSkipped() throws IOException {
    write("pom.xml", "<project/>");
    write("target/generated/Loss.java", LOSS);
    write("build/Loss.java", LOSS);
    write("src/Clean.java", CLEAN);
    Run run = run(dir.toString());
    assertEquals(0, run.code(), run.out());
    assertTrue(run.out().contains("1 file scanned"), run.out());
  }

  @Test
  void jsonReport() throws IOException {
    Path file = write("Loss.java", LOSS);
    Run run = run("--format", "json", file.toString());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals(2, json.get("findings").size());
    JsonNode first = json.get("findings").get(0);
    assertEquals("UnguardedLog", first.get("rule").asText());
    assertEquals("warning", first.get("severity").asText());
    assertEquals(4, first.get("line").asInt());
    assertEquals(13, first.get("column").asInt());
    assertEquals(1, json.get("summary").get("filesScanned").asInt());
  }

  @Test
  void sarifReportToAFile() throws IOException {
    Path file = write("src/Loss.java", LOSS);
    Path sarif = dir.resolve("out.sarif");
    Run run = run("--format", "sarif", "--output", sarif.toString(), file.toString());
    assertEquals(1, run.code());
    assertEquals("", run.out());
    JsonNode root = new ObjectMapper().readTree(sarif.toFile());
    assertEquals("2.1.0", root.get("version").asText());
    JsonNode runNode = root.get("runs").get(0);
    assertTrue(runNode.get("tool").get("driver").get("rules").size() >= 3);
    JsonNode result = runNode.get("results").get(0);
    assertEquals("UnguardedLog", result.get("ruleId").asText());
    assertEquals("warning", result.get("level").asText());
    JsonNode region = result.get("locations").get(0).get("physicalLocation").get("region");
    assertEquals(4, region.get("startLine").asInt());
    assertEquals(13, region.get("startColumn").asInt());
    assertEquals(35, region.get("endColumn").asInt());
    assertFalse(result.get("partialFingerprints").get("nanlint/v1").asText().isEmpty());
  }

  @Test
  void githubAnnotationsEscapeTheirSeparators() throws IOException {
    Path file = write("a,b:c%d/Loss.java", LOSS);
    Run run = run("--format", "github", file.toString());
    String first = run.out().split("\n")[0];
    assertTrue(first.startsWith("::warning file="), first);
    assertTrue(first.contains("a%2Cb%3Ac%25d"), first);
    assertTrue(first.contains(",line=4,"), first);
    assertTrue(first.contains("%0Afix: "), first);
  }

  @Test
  void suppressionsInSource() throws IOException {
    Path file = write("Quiet.java", String.join("\n",
        "class Quiet {",
        "  @SuppressWarnings(\"nanlint\")",
        "  double a(Model model) { double[] probs = model.output(); return Math.log(probs[0]); }",
        "  double b(double[] probs) {",
        "    // nanlint:ignore UnguardedLog",
        "    return Math.log(probs[0]);",
        "  }",
        "  double c(Model model) { double[] probs = model.output(); return Math.log(probs[0]); } // nanlint:ignore",
        "  double d(Model model) { double[] probs = model.output(); return Math.log(probs[0]); } // nanlint:ignore NaNEquality",
        "}"));
    Run run = run(file.toString());
    assertEquals(1, run.code());
    assertTrue(run.out().contains(":9:"), run.out());
    assertTrue(run.out().contains("1 warning"), run.out());
  }

  @Test
  void configFileDisablesAndChangesSeverity() throws IOException {
    Path file = write("Loss.java", LOSS);
    Path config = write("nanlint.properties", "disable = NaNEquality\nseverity.UnguardedLog = note\n");
    Run run = run("--config", config.toString(), file.toString());
    assertEquals(0, run.code(), run.out());
    assertTrue(run.out().contains("note: [UnguardedLog]"), run.out());
    assertFalse(run.out().contains("NaNEquality"), run.out());
  }

  @Test
  void rulesListsOneLinePerRuleNameFirst() {
    Run run = run("rules");
    assertEquals(0, run.code());
    assertTrue(run.out().lines().anyMatch(l -> l.matches("UnguardedLog\\s+warning\\s+log of a value.*")), run.out());
    assertTrue(run.out().lines().anyMatch(l -> l.matches("NaNEquality\\s+error\\s+.*")), run.out());
  }

  @Test
  void explainPrintsTheRulePage() {
    Run run = run("explain", "UnguardedLog");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("# UnguardedLog"), run.out());
    assertEquals(2, run("explain", "NoSuchRule").code());
  }

  @Test
  void versionAndHelp() {
    assertTrue(run("--version").out().startsWith("nanlint "));
    Run help = run("--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("Examples:"), help.out());
  }
}
