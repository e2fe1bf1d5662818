package dev.nanlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The GitHub Action's definition (action.yml at the repository root) is well-formed YAML and agrees with the
 * scripts its steps run: every input and step output it names exists, and every variable a script reads is
 * set by its step. action/test-locally.sh (run by this module's integration-test phase) tests what the
 * scripts do.
 */
class ActionYmlTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  /** In ${{ }} and in if: conditions (which need no braces). */
  private static final Pattern INPUT_USE = Pattern.compile("(?<![\\w.-])inputs\\.([\\w-]+)");
  private static final Pattern STEP_OUTPUT_USE = Pattern.compile("steps\\.([\\w-]+)\\.outputs\\.([\\w-]+)");
  private static final Pattern SCRIPT = Pattern.compile("^bash \"\\$GITHUB_ACTION_PATH/(action/[\\w-]+\\.sh)\"$");
  /** What a script reads from its step's env (the optional NANLINT_MAVEN_OPTS is for local runs only). */
  private static final Pattern SCRIPT_VARIABLE =
      Pattern.compile("\\$\\{?(INPUT_\\w+|NANLINT_JAR|NANLINT_VERSION|NANLINT_SOURCE|EXIT_CODE)\\b");
  private static final Pattern OUTPUT_WRITE = Pattern.compile("echo \"([\\w-]+)=");

  private final JsonNode action = read();
  private final String text = readString(ROOT.resolve("action.yml"));

  private static JsonNode read() {
    try {
      return new YAMLMapper().readTree(ROOT.resolve("action.yml").toFile());
    } catch (IOException e) {
      throw new AssertionError("action.yml is not readable YAML", e);
    }
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new AssertionError(file + " is not readable", e);
    }
  }

  @Test
  void inputsAndTheirDefaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : action.get("inputs").properties()) {
      assertTrue(e.getValue().path("description").asText().length() > 10, e.getKey() + " has a description");
      defaults.put(e.getKey(), e.getValue().path("default").asText());
    }
    assertEquals(Map.of("paths", ".", "fail-on", "warning", "baseline", "", "format", "sarif,github",
        "sarif-file", "nanlint.sarif", "upload-sarif", "true", "args", "", "java-version", "17",
        "nanlint-version", ""), defaults);
  }

  @Test
  void everyInputNamedIsDeclaredAndEveryDeclaredInputIsUsed() {
    Set<String> used = new TreeSet<>();
    Matcher m = INPUT_USE.matcher(text);
    while (m.find()) {
      used.add(m.group(1));
    }
    Set<String> declared = new TreeSet<>();
    action.get("inputs").properties().forEach(e -> declared.add(e.getKey()));
    assertEquals(declared, used);
  }

  @Test
  void compositeStepsRunScriptsThatReadExactlyTheirStepsEnv() {
    assertEquals("composite", action.at("/runs/using").asText());
    int scripts = 0;
    for (JsonNode step : action.at("/runs/steps")) {
      if (step.has("uses")) {
        continue;
      }
      assertEquals("bash", step.path("shell").asText(), step.toString());
      Matcher script = SCRIPT.matcher(step.path("run").asText().strip());
      assertTrue(script.matches(), "a run step runs one script of action/: " + step.path("run").asText());
      String source = readString(ROOT.resolve(script.group(1)));
      Set<String> read = new TreeSet<>();
      Matcher v = SCRIPT_VARIABLE.matcher(source);
      while (v.find()) {
        read.add(v.group(1));
      }
      Set<String> set = new TreeSet<>();
      step.path("env").properties().forEach(e -> set.add(e.getKey()));
      assertEquals(read, set, script.group(1) + " reads what its step sets");
      scripts++;
    }
    assertEquals(3, scripts, "obtain, run, finish");
  }

  @Test
  void stepOutputsNamedAreWrittenByAnEarlierStep() {
    Map<String, Set<String>> written = new LinkedHashMap<>();
    for (JsonNode step : action.at("/runs/steps")) {
      String stepText = step.toString();
      Matcher use = STEP_OUTPUT_USE.matcher(stepText);
      while (use.find()) {
        assertTrue(written.getOrDefault(use.group(1), Set.of()).contains(use.group(2)),
            "an earlier step writes " + use.group());
      }
      Matcher script = SCRIPT.matcher(step.path("run").asText().strip());
      if (step.has("id") && script.matches()) {
        Set<String> outputs = new TreeSet<>();
        Matcher w = OUTPUT_WRITE.matcher(readString(ROOT.resolve(script.group(1))));
        while (w.find()) {
          outputs.add(w.group(1));
        }
        written.put(step.get("id").asText(), outputs);
      }
    }
    List<String> actionOutputs = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : action.get("outputs").properties()) {
      Matcher use = STEP_OUTPUT_USE.matcher(e.getValue().path("value").asText());
      assertTrue(use.find() && written.getOrDefault(use.group(1), Set.of()).contains(use.group(2)), e.getKey());
      actionOutputs.add(e.getKey());
    }
    assertEquals(List.of("exit-code", "sarif-file"), actionOutputs);
  }

  @Test
  void sarifIsUploadedEvenWhenTheFindingsFailTheJob() {
    JsonNode upload = null;
    JsonNode last = null;
    for (JsonNode step : action.at("/runs/steps")) {
      if (step.path("uses").asText().startsWith("github/codeql-action/upload-sarif@")) {
        upload = step;
      }
      last = step;
    }
    assertTrue(upload != null, "an upload-sarif step");
    String condition = upload.path("if").asText();
    assertTrue(condition.contains("always()") && condition.contains("inputs.upload-sarif == 'true'")
        && condition.contains("steps.run.outputs.sarif-file != ''"), condition);
    assertEquals("${{ steps.run.outputs.sarif-file }}", upload.at("/with/sarif_file").asText());
    // the step that fails the job comes after the upload and runs whatever happened before
    assertTrue(last.path("run").asText().contains("action/finish.sh"), last.toString());
    assertTrue(last.path("if").asText().contains("always()"), last.toString());
  }

  @Test
  void setsUpJavaFromTheInput() {
    JsonNode setup = action.at("/runs/steps/0");
    assertTrue(setup.path("uses").asText().startsWith("actions/setup-java@"), setup.toString());
    assertEquals("${{ inputs.java-version }}", setup.at("/with/java-version").asText());
  }
}
