package dev.nanlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nanlint.cli.MainTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each report says beyond the findings: how many the baseline hid, one finding for an expression two
 * rules flag, and SARIF messages written as sentences.
 */
class ReportSummaryTest {
  /** Line 4: UnguardedLog (warning: a sigmoid kept in float) and LogOfSoftmax (note) on the same Math.log; line 5: UnguardedLog. */
  private static final String LOSS = String.join("\n",
      "package demo;",
      "class Loss {",
      "  static float sigmoid(double z) { return (float) (1 / (1 + Math.exp(-z))); }",
      "  double a(double z) { return Math.log(sigmoid(z)); }",
      "  double b(Model model) { double[] probs = model.output(); return -Math.log(probs[0]); }",
      "}",
      "");

  @TempDir
  Path dir;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyFormatSaysHowManyFindingsTheBaselineHid() throws IOException {
    Path file = dir.resolve("Loss.java");
    Files.writeString(file, LOSS);
    Path baseline = dir.resolve("baseline.json");
    assertEquals(0, MainTest.run("--write-baseline", baseline.toString(), file.toString()).code());
    Files.writeString(file, LOSS.substring(0, LOSS.lastIndexOf('}'))
        + "  double c(Model model) { double[] probs = model.output(); return -Math.log(probs[1]); }\n}\n");

    Run text = MainTest.run("--baseline", baseline.toString(), file.toString());
    assertEquals(1, text.code(), text.err());
    assertTrue(text.out().contains("probs[1]"), text.out());
    assertTrue(text.out().contains(
        "nanlint: 1 file scanned, 0 errors, 1 warning, 0 notes, 2 findings hidden by the baseline\n"), text.out());

    Run jsonRun = MainTest.run("--format", "json", "--baseline", baseline.toString(), file.toString());
    assertEquals(2, json.readTree(jsonRun.out()).get("summary").get("hiddenByBaseline").asInt());

    Run sarif = MainTest.run("--format", "sarif", "--baseline", baseline.toString(), file.toString());
    JsonNode invocation = json.readTree(sarif.out()).get("runs").get(0).get("invocations").get(0);
    assertEquals(2, invocation.get("properties").get("hiddenByBaseline").asInt());

    // without a baseline, no count: "0 hidden" would suggest one was read
    Run plain = MainTest.run("--format", "json", file.toString());
    assertFalse(plain.out().contains("hiddenByBaseline"), plain.out());
    assertFalse(MainTest.run(file.toString()).out().contains("hidden"));
  }

  @Test
  void oneFindingPerExpressionInEveryFormat() throws IOException {
    Path file = dir.resolve("Loss.java");
    Files.writeString(file, LOSS);

    Run text = MainTest.run(file.toString());
    assertTrue(text.out().contains(file + ":4:31: warning: [UnguardedLog] Math.log(sigmoid(z)) is -Infinity"), text.out());
    assertTrue(text.out().contains("; also [LogOfSoftmax] Math.log(sigmoid(z)) takes the log of a sigmoid output"),
        text.out());
    assertFalse(text.out().contains("note: [LogOfSoftmax]"), text.out());
    assertTrue(text.out().contains("0 errors, 2 warnings, 0 notes"), text.out());

    JsonNode findings = json.readTree(MainTest.run("--format", "json", file.toString()).out()).get("findings");
    assertEquals(2, findings.size());
    JsonNode merged = findings.get(0);
    assertEquals("UnguardedLog", merged.get("rule").asText());
    assertEquals("LogOfSoftmax", merged.get("also").get(0).get("rule").asText());
    assertEquals("note", merged.get("also").get(0).get("severity").asText());
    assertFalse(findings.get(1).has("also"));

    JsonNode results = json.readTree(MainTest.run("--format", "sarif", file.toString()).out())
        .get("runs").get(0).get("results");
    assertEquals(2, results.size());
    assertEquals("LogOfSoftmax", results.get(0).get("properties").get("alsoRuleIds").get(0).asText());
  }

  @Test
  void sarifMessagesAreSentences() throws IOException {
    Path file = dir.resolve("Loss.java");
    Files.writeString(file, LOSS);
    Files.writeString(dir.resolve("Broken.java"), "class Broken { void f( { }");
    JsonNode run = json.readTree(MainTest.run("--format", "sarif", dir.toString()).out()).get("runs").get(0);
    JsonNode result = run.get("results").get(1);
    assertEquals("Math.log(probs[0]) is -Infinity when probs[0] is 0 and NaN below: probs holds"
        + " probabilities, which reach 0 when the model saturates. Fix: Math.log(Math.max(probs[0], 1e-12)), or"
        + " compute the loss from logits (log-softmax).", result.get("message").get("text").asText());
    for (JsonNode r : run.get("results")) {
      assertTrue(r.get("message").get("text").asText().endsWith("."), r.toString());
    }
    for (JsonNode n : run.get("invocations").get(0).get("toolExecutionNotifications")) {
      assertTrue(n.get("message").get("text").asText().endsWith("."), n.toString());
    }
    for (JsonNode rule : run.get("tool").get("driver").get("rules")) {
      assertTrue(rule.get("fullDescription").get("text").asText().endsWith("."), rule.toString());
    }
  }
}
