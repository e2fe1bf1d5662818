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
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every warning fixture through {@code nanlint --fix}: the fixed sources compile against DL4J/ND4J and
 * Tribuo, none of the fixed findings is reported again (per rule, the count drops by exactly the number
 * of edits and nothing new appears), and a second {@code --fix} changes no byte.
 */
class FixFixturesTest {
  private static final Path FIXTURES = Path.of("..", "test-fixtures", "src", "main", "java", "fixtures").normalize();

  @TempDir
  Path dir;

  @Test
  void fixedFixturesCompileAndAreFixedForGood() throws IOException {
    Path src = dir.resolve("src");
    Path copy = src.resolve("fixtures");
    copyTree(FIXTURES, copy);

    JsonNode before = json(MainTest.run("--format", "json", "--fail-on", "never", copy.toString()));
    Map<String, Integer> findings = countByRule(before, false);
    Map<String, Integer> edits = countByRule(before, true);
    int totalEdits = edits.values().stream().mapToInt(Integer::intValue).sum();
    // MissingRegularization is advice only: a penalty would change every weight, not just the diverging runs
    assertEquals(java.util.Set.of("NaNEquality", "UnguardedDivision", "UnguardedLog", "UnguardedSqrt"),
        edits.keySet(), "the rules with mechanical fixes, each exercised by the fixtures");

    Run fix = MainTest.run("--fix", "--format", "json", "--fail-on", "never", copy.toString());
    assertEquals(0, fix.code(), fix.err());
    assertFalse(fix.err().contains("fix skipped"), fix.err()); // no overlapping edits in the fixtures
    assertTrue(fix.err().contains("nanlint: fixed " + totalEdits + " findings in "), fix.err());

    Javac.compileAll(src, dir.resolve("classes"));

    // what the fix run reported as remaining is what a fresh scan finds: the fixed findings are gone
    JsonNode remaining = json(fix);
    JsonNode after = json(MainTest.run("--format", "json", "--fail-on", "never", copy.toString()));
    assertEquals(remaining.get("findings"), after.get("findings"));
    Map<String, Integer> expected = new TreeMap<>(findings);
    edits.forEach((rule, n) -> expected.merge(rule, -n, Integer::sum));
    expected.values().removeIf(n -> n == 0);
    assertEquals(expected, countByRule(after, false));
    assertEquals(Map.of(), countByRule(after, true), "a second --fix would change something");
    assertTrue(after.get("errors").isEmpty(), after.toString());

    Map<Path, byte[]> fixed = snapshot(copy);
    Run again = MainTest.run("--fix", "--fail-on", "never", copy.toString());
    assertTrue(again.err().contains("nanlint: fixed 0 findings in 0 files"), again.err());
    Map<Path, byte[]> twice = snapshot(copy);
    assertEquals(fixed.keySet(), twice.keySet());
    fixed.forEach((file, bytes) -> assertTrue(java.util.Arrays.equals(bytes, twice.get(file)), file + " changed"));
  }

  private static JsonNode json(Run run) throws IOException {
    return new ObjectMapper().readTree(run.out());
  }

  /**
   * Findings per rule; a finding that carries other rules ({@code also}: the same expression) counts for
   * each. An edit is its leading rule's alone, so with {@code editsOnly} only that rule counts.
   */
  private static Map<String, Integer> countByRule(JsonNode report, boolean editsOnly) {
    Map<String, Integer> counts = new TreeMap<>();
    for (JsonNode f : report.get("findings")) {
      if (!editsOnly || f.has("edit")) {
        counts.merge(f.get("rule").asText(), 1, Integer::sum);
      }
      if (!editsOnly) {
        f.path("also").forEach(other -> counts.merge(other.get("rule").asText(), 1, Integer::sum));
      }
    }
    return counts;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static Map<Path, byte[]> snapshot(Path root) throws IOException {
    Map<Path, byte[]> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        out.put(p, Files.readAllBytes(p));
      }
    }
    return out;
  }
}
