package dev.nanlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SARIF the command writes passes Microsoft's SARIF multitool ({@code validate}) with no errors and no
 * warnings: every fixture's findings, plus input errors. The build installs the multitool from npm.
 */
class SarifValidationTest {
  @TempDir
  Path dir;

  @Test
  void multitoolAcceptsOurSarif() throws IOException, InterruptedException {
    Path multitool = Path.of(System.getProperty("sarif.multitool", "target/sarif-multitool/node_modules/"
        + "@microsoft/sarif-multitool-linux/Sarif.Multitool"));
    assertTrue(Files.isRegularFile(multitool), "the build installs the SARIF multitool at " + multitool);
    multitool.toFile().setExecutable(true);

    Path fixtures = Path.of("..", "test-fixtures", "src", "main", "java", "fixtures").normalize();
    Files.writeString(dir.resolve("Broken.java"), "class Broken { void f( { }");
    // ../test-fixtures lies outside the working directory (file: URIs); src/test/resources inside (%SRCROOT%)
    Path inside = Path.of("src", "test", "resources", "fix");
    for (String root : List.of(fixtures.toString(), fixtures.toAbsolutePath().toString())) {
      Path sarif = dir.resolve("out.sarif");
      MainTest.Run run = MainTest.run("--format", "sarif", "--output", sarif.toString(),
          root, inside.toAbsolutePath().toString(), dir.resolve("Broken.java").toString());
      assertEquals(2, run.code(), run.err()); // the broken file is an input error, and in the SARIF too
      assertTrue(Files.readString(sarif).contains("\"results\""));
      assertTrue(Files.readString(sarif).contains("\"uriBaseId\" : \"%SRCROOT%\""));

      Process p = new ProcessBuilder(multitool.toString(), "validate", sarif.toString())
          .redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "validator timed out");
      assertEquals(0, p.exitValue(), output);
      assertTrue(output.lines().noneMatch(l -> l.contains(": error ") || l.contains(": warning ")), output);
      assertTrue(output.contains("Analysis completed successfully"), output);
    }
  }
}
