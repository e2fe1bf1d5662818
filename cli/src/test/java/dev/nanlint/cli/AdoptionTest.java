package dev.nanlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.cli.MainTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Features a team needs to adopt nanlint on an existing codebase. */
class AdoptionTest {
  private static final String LOSS = String.join("\n",
      "class Loss {",
      "  double a(double[] probs) { return -Math.log(probs[0]); }",
      "  double b(double[] probs) { return -Math.log(probs[1]); }",
      "}",
      "");

  @TempDir
  Path dir;

  @Test
  void baselineHidesRecordedFindingsEvenAfterUnrelatedEditsAndReportsNewOnes() throws IOException {
    Path src = dir.resolve("src");
    Files.createDirectories(src);
    Path file = src.resolve("Loss.java");
    Files.writeString(file, LOSS);
    Path baseline = dir.resolve("nanlint-baseline.json");

    Run write = MainTest.run("--write-baseline", baseline.toString(), src.toString());
    assertEquals(0, write.code(), write.err());
    assertTrue(Files.readString(baseline).contains("\"rule\" : \"UnguardedLog\""));

    // unrelated edit: everything moves down three lines
    Files.writeString(file, "// header\n// more\n\n" + LOSS);
    Run same = MainTest.run("--baseline", baseline.toString(), src.toString());
    assertEquals(0, same.code(), same.out());

    // a new finding is reported, the old ones stay hidden
    String withNewMethod = LOSS.substring(0, LOSS.lastIndexOf('}'))
        + "  double c(double[] probs) { return -Math.log(probs[2]); }\n}\n";
    Files.writeString(file, withNewMethod);
    Run fresh = MainTest.run("--baseline", baseline.toString(), src.toString());
    assertEquals(1, fresh.code(), fresh.out());
    assertTrue(fresh.out().contains("probs[2]"), fresh.out());
    assertFalse(fresh.out().contains("probs[1])"), fresh.out());
  }

  @Test
  void severityOverrideAndExcludeGlobs() throws IOException {
    Files.createDirectories(dir.resolve("src/generated"));
    Files.writeString(dir.resolve("src/Loss.java"), LOSS);
    Files.writeString(dir.resolve("src/generated/Gen.java"), LOSS.replace("Loss", "Gen"));
    Run run = MainTest.run("--severity", "UnguardedLog=note", "--exclude", "generated/**", dir.resolve("src").toString());
    assertEquals(0, run.code(), run.out()); // notes are below the default --fail-on warning
    assertTrue(run.out().contains("note: [UnguardedLog]"), run.out());
    assertFalse(run.out().contains("Gen.java"), run.out());
    assertTrue(run.out().contains("1 file scanned"), run.out());
    assertEquals(2, MainTest.run("--severity", "UnguardedLog=fatal", dir.toString()).code());
  }

  @Test
  void configFileExcludes() throws IOException {
    Files.createDirectories(dir.resolve("src/gen"));
    Files.writeString(dir.resolve("src/gen/Loss.java"), LOSS);
    Path config = dir.resolve("nanlint.properties");
    Files.writeString(config, "exclude = gen/**\n");
    Run run = MainTest.run("--config", config.toString(), dir.resolve("src").toString());
    assertEquals(0, run.code(), run.out());
    assertTrue(run.out().contains("0 files scanned"), run.out());
  }

  @Test
  void generatedClassesAreSkipped() throws IOException {
    Path file = dir.resolve("Gen.java");
    Files.writeString(file, "@javax.annotation.processing.Generated(\"x\")\n" + LOSS);
    assertEquals(0, MainTest.run(file.toString()).code());
  }
}
