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
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every report names a file under the working directory by its path relative to it, whether PATH was
 * written relative or absolute (CI runs from the checkout root: GitHub annotations and code scanning
 * need repository-relative paths, and baselines must match on every machine). A file elsewhere keeps
 * the path it was given. See docs/robustness.md.
 */
class ReportPathsTest {
  private static final String LOSS = "class Loss { double f(double[] probs) { return -Math.log(probs[0]); } }\n";
  /** Under the working directory (the module directory while testing), so it can be scanned both ways. */
  private static final Path ROOT = Path.of("target", "nanlint-report-paths");
  private static final String RELATIVE = "target/nanlint-report-paths/demo/Loss.java";

  @TempDir
  Path outside;

  @BeforeEach
  void writeTheTree() throws IOException {
    if (Files.exists(ROOT)) {
      try (Stream<Path> old = Files.walk(ROOT)) {
        for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(ROOT.resolve("demo"));
    Files.writeString(ROOT.resolve("demo/Loss.java"), LOSS);
  }

  @Test
  void anAbsolutePathUnderTheWorkingDirectoryIsReportedRelativeInEveryFormat() throws IOException {
    String absolute = ROOT.toAbsolutePath().toString();
    assertTrue(Path.of(absolute).isAbsolute());
    for (String root : new String[] {absolute, ROOT.toString(), "./" + ROOT, ROOT + "/../nanlint-report-paths"}) {
      Run text = MainTest.run(root);
      assertTrue(text.out().startsWith(RELATIVE + ":1:49: note: [UnguardedLog]"), root + ": " + text.out());

      JsonNode json = new ObjectMapper().readTree(MainTest.run("--format", "json", root).out());
      assertEquals(RELATIVE, json.at("/findings/0/path").asText(), root);

      JsonNode sarif = new ObjectMapper().readTree(MainTest.run("--format", "sarif", root).out());
      JsonNode location = sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation");
      assertEquals(RELATIVE, location.get("uri").asText(), root);
      assertEquals("%SRCROOT%", location.get("uriBaseId").asText(), root);
      assertEquals(Path.of("").toAbsolutePath().toUri().toString(),
          sarif.at("/runs/0/originalUriBaseIds/%SRCROOT%/uri").asText());

      String github = MainTest.run("--format", "github", root).out();
      assertTrue(github.startsWith("::notice file=" + RELATIVE + ",line=1,"), root + ": " + github);
    }
  }

  @Test
  void inputErrorsUseTheSamePaths() throws IOException {
    Files.writeString(ROOT.resolve("demo/Broken.java"), "class Broken { void f( { }");
    Run run = MainTest.run(ROOT.toAbsolutePath().toString());
    assertEquals(2, run.code());
    assertTrue(run.err().startsWith("target/nanlint-report-paths/demo/Broken.java:1:"), run.err());
  }

  /** The baseline's fingerprints are those of the relative path, so absolute and relative runs share one. */
  @Test
  void baselineFingerprintsDoNotDependOnHowThePathWasWritten() throws IOException {
    Path baseline = outside.resolve("baseline.json");
    assertEquals(0, MainTest.run("--write-baseline", baseline.toString(), ROOT.toAbsolutePath().toString()).code());
    JsonNode entry = new ObjectMapper().readTree(baseline.toFile()).at("/findings/0");
    assertEquals(RELATIVE, entry.get("path").asText());
    // the fingerprint a relative run has always written: baselines recorded before stay valid
    assertEquals("dcc446e0688acd4afa1bc6ad42253b62", entry.get("fingerprint").asText());
    Run relative = MainTest.run("--baseline", baseline.toString(), ROOT.toString());
    assertEquals(0, relative.code(), relative.out() + relative.err());
    assertTrue(relative.out().contains("0 warnings"), relative.out());
  }

  @Test
  void aFileOutsideTheWorkingDirectoryKeepsThePathItWasGiven() throws IOException {
    Path file = Files.writeString(outside.resolve("Loss.java"), LOSS);
    assertTrue(MainTest.run(file.toString()).out().startsWith(file + ":1:49:"));
    JsonNode sarif = new ObjectMapper().readTree(MainTest.run("--format", "sarif", file.toString()).out());
    JsonNode location = sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation");
    assertEquals(file.toUri().toString(), location.get("uri").asText());
    assertFalse(location.has("uriBaseId"), "an absolute uri takes no base id");
  }
}
