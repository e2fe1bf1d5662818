package dev.nanlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The custom rule of test-fixtures/custom-rule-example (docs/custom-rules.md) through the command: its
 * source compiled against the rule API, packed into a jar with its META-INF/services entry, and that jar
 * put on the command's class path, as users do. (The processor route is the processor module's
 * integration test, which builds the example with Maven.)
 */
class CustomRuleTest {
  private static final Path EXAMPLE = Path.of("..", "test-fixtures", "custom-rule-example").normalize();

  @TempDir
  Path dir;

  record Result(int code, String out) {}

  @Test
  void aRuleJarOnTheClassPathJoinsTheCatalogue() throws IOException, InterruptedException {
    Path jar = buildRuleJar();
    Path demo = EXAMPLE.resolve("demo/src/main/java/org/example/demo/Scaling.java");

    Result scan = nanlint(jar, demo.toString());
    assertEquals(1, scan.code(), scan.out());
    assertTrue(scan.out().contains(demo + ":6:12: warning: [ExpOfLargeLiteral] Math.exp(800.0) is Infinity:"
        + " exp overflows double above 709.78"), scan.out());
    assertFalse(scan.out().contains(":10:12: warning: [ExpOfLargeLiteral]"), scan.out()); // exp(700) is finite
    assertTrue(scan.out().contains(":14:12: error: [NaNEquality]"), scan.out()); // the built-ins still run

    Result rules = nanlint(jar, "rules");
    assertTrue(rules.out().lines().anyMatch(l -> l.matches("ExpOfLargeLiteral\\s+warning\\s+Math\\.exp of a literal.*")),
        rules.out());
    Result explain = nanlint(jar, "explain", "expoflargeliteral");
    assertEquals(0, explain.code(), explain.out());
    assertTrue(explain.out().startsWith("# ExpOfLargeLiteral\n"), explain.out());
    assertTrue(explain.out().contains("(No documentation page ships with this rule.)"), explain.out());

    // a jar may ship the rule's page where the built-in pages are
    Path pages = dir.resolve("pages.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(pages))) {
      out.putNextEntry(new JarEntry("nanlint/rules/ExpOfLargeLiteral.md"));
      out.write("# ExpOfLargeLiteral\n\nThe team's page.\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    Result page = nanlint(Path.of(jar + File.pathSeparator + pages), "explain", "ExpOfLargeLiteral");
    assertEquals("# ExpOfLargeLiteral\n\nThe team's page.\n", page.out());

    Result disabled = nanlint(jar, "--disable", "ExpOfLargeLiteral", demo.toString());
    assertFalse(disabled.out().contains("ExpOfLargeLiteral"), disabled.out());

    Result without = nanlint(null, "--disable", "ExpOfLargeLiteral", demo.toString());
    assertEquals(2, without.code(), without.out()); // without the jar the name is unknown
  }

  @Test
  void aRuleJarThatCannotLoadStopsTheCommandWithAnError() throws IOException, InterruptedException {
    Path jar = dir.resolve("broken.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("META-INF/services/dev.nanlint.engine.Rule"));
      out.write("org.example.Gone\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    Result run = nanlint(jar, EXAMPLE.resolve("demo").toString());
    assertEquals(2, run.code(), run.out());
    assertTrue(run.out().startsWith("nanlint: error: cannot load a custom rule: "), run.out());
    assertTrue(run.out().contains("org.example.Gone"), run.out());
  }

  /** The example's rule compiled against the test class path (nanlint-rules, JavaParser) and jarred. */
  private Path buildRuleJar() throws IOException {
    Path module = EXAMPLE.resolve("exp-literal-rule/src/main");
    Path classes = dir.resolve("classes");
    Javac.compileAll(module.resolve("java"), classes);
    copyTree(module.resolve("resources"), classes);
    Path jar = dir.resolve("exp-literal-rule.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
  }

  /** {@code java -cp <nanlint>:<jar> dev.nanlint.cli.Main args}, as docs/custom-rules.md tells users. */
  private static Result nanlint(Path jar, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path") + (jar == null ? "" : File.pathSeparator + jar),
        Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("NANLINT_RELAUNCH", "0");
    Process process = builder.start();
    try (OutputStream stdin = process.getOutputStream()) {
      // nothing to send
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "nanlint did not finish");
    return new Result(process.exitValue(), out);
  }
}
