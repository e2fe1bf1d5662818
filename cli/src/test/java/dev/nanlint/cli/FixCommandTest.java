package dev.nanlint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.cli.MainTest.Run;
import dev.nanlint.rules.BuiltInRules;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nanlint --fix}: what it writes, what it refuses to write, and what it says. */
class FixCommandTest {
  private static final String LOSS = String.join("\n",
      "package demo;",
      "",
      "class Loss {",
      "  double crossEntropy(Model model, int label) { double[] probs = model.output();",
      "    return -Math.log(probs[label]);",
      "  }",
      "",
      "  // eight",
      "  // nine",
      "  // ten",
      "  // eleven",
      "  // twelve",
      "  // thirteen",
      "  // fourteen",
      "  boolean diverged(double loss) { return loss == Double.NaN; } }"); // no newline at the end

  private static final String LOSS_FIXED = LOSS
      .replace("-Math.log(probs[label])", "-Math.log(Math.max(probs[label], 1e-12))")
      .replace("loss == Double.NaN", "Double.isNaN(loss)");

  /** A fixable finding (NaNEquality ==) and one whose fix is advice only (an ordered comparison with NaN). */
  private static final String CHECKS = String.join("\n",
      "class Checks {",
      "  boolean diverged(double loss) { return loss == Double.NaN; }",
      "  boolean above(double loss) { return loss > Double.NaN; }",
      "}",
      "");

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    // an old modification time, so any write would show
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    return file;
  }

  @Test
  void dryRunPrintsAUnifiedDiffAndWritesNothing() throws IOException {
    Path file = write("src/Loss.java", LOSS);
    FileTime modified = Files.getLastModifiedTime(file);
    Run run = MainTest.run("--fix", "--dry-run", file.toString());
    String expected = String.join("\n",
        "--- " + file,
        "+++ " + file,
        "@@ -2,7 +2,7 @@",
        " ",
        " class Loss {",
        "   double crossEntropy(Model model, int label) { double[] probs = model.output();",
        "-    return -Math.log(probs[label]);",
        "+    return -Math.log(Math.max(probs[label], 1e-12));",
        "   }",
        " ",
        "   // eight",
        "@@ -12,4 +12,4 @@",
        "   // twelve",
        "   // thirteen",
        "   // fourteen",
        "-  boolean diverged(double loss) { return loss == Double.NaN; } }",
        "\\ No newline at end of file",
        "+  boolean diverged(double loss) { return Double.isNaN(loss); } }",
        "\\ No newline at end of file",
        "");
    assertEquals(expected, run.out());
    assertTrue(run.err().contains("nanlint: would fix 2 findings in 1 file (dry run: no file was changed)"), run.err());
    assertEquals(1, run.code()); // nothing was written: the findings remain
    assertEquals(LOSS, Files.readString(file));
    assertEquals(modified, Files.getLastModifiedTime(file));
    assertEquals(List.of(file), listFiles(dir.resolve("src")));
  }

  @Test
  void fixWritesTheEditsReportsThemAndTheExitCodeFollowsWhatRemains() throws IOException {
    Path loss = write("src/Loss.java", LOSS);
    Run run = MainTest.run("--fix", loss.toString());
    assertEquals(LOSS_FIXED, Files.readString(loss));
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.err().contains("nanlint: fixed 2 findings in 1 file"), run.err());
    assertTrue(run.out().contains("0 errors, 0 warnings"), run.out());

    Path checks = write("src/Checks.java", CHECKS);
    Run partly = MainTest.run("--fix", checks.toString());
    assertEquals(CHECKS.replace("loss == Double.NaN", "Double.isNaN(loss)"), Files.readString(checks));
    assertEquals(1, partly.code()); // the ordered comparison remains, and it is an error
    assertTrue(partly.err().contains("nanlint: fixed 1 finding in 1 file"), partly.err());
    assertTrue(partly.out().contains("Checks.java:3:39: error: [NaNEquality] loss > Double.NaN"), partly.out());
    assertFalse(partly.out().contains(":2:"), partly.out()); // positions are the fixed file's
    assertEquals(0, MainTest.run("--fix", "--fail-on", "never", checks.toString()).code());
  }

  @Test
  void dryRunGoesWithFixAndFixDoesNotGoWithWriteBaseline() throws IOException {
    Path file = write("Loss.java", LOSS);
    Run dry = MainTest.run("--dry-run", file.toString());
    assertEquals(2, dry.code());
    assertTrue(dry.err().contains("--dry-run goes with --fix"), dry.err());
    assertEquals(2, MainTest.run("--fix", "--write-baseline", dir.resolve("b.json").toString(), file.toString()).code());
    assertEquals(LOSS, Files.readString(file));
  }

  @Test
  void overlappingEditsApplyTheFirstAndSkipTheOthersWithAMessage() throws IOException {
    // UnguardedLog's edit covers the whole log call, UnguardedDivision's the division inside it
    String source = String.join("\n",
        "class Overlap {",
        "  double loss(double[] p, int k) {",
        "    double sum = 0;",
        "    for (double v : p) {",
        "      if (v > 0) sum += v;",
        "    }",
        "    return -Math.log(p[k] / sum);",
        "  }",
        "}",
        "");
    Path file = write("Overlap.java", source);
    // the division by a conditional sum is a note (a shape alone): fail on notes to see it remain
    Run first = MainTest.run("--fix", "--fail-on", "note", file.toString());
    assertEquals(source.replace("Math.log(p[k] / sum)", "Math.log(Math.max(p[k] / sum, 1e-12))"), Files.readString(file));
    assertTrue(first.err().contains(file + ":7:22: note: [UnguardedDivision] fix skipped: it overlaps the fix of "
        + "[UnguardedLog] at 7:13; run nanlint --fix again to apply it"), first.err());
    assertTrue(first.err().contains("nanlint: fixed 1 finding in 1 file"), first.err());
    assertEquals(1, first.code()); // the division is still there

    Run second = MainTest.run("--fix", "--fail-on", "note", file.toString());
    assertEquals(source.replace("Math.log(p[k] / sum)", "Math.log(Math.max(p[k] / Math.max(sum, 1e-12), 1e-12))"),
        Files.readString(file));
    assertEquals(0, second.code(), second.out());
    assertTrue(MainTest.run("--fix", file.toString()).err().contains("fixed 0 findings in 0 files"));
  }

  /**
   * A rule whose "fix" is broken code: nanlint must notice before writing. An error, so that on the log it
   * shares with UnguardedLog its finding leads and its edit is the one offered.
   */
  @RuleInfo(name = "BrokenFix", severity = Severity.ERROR, summary = "test rule with an edit that does not parse")
  static final class BrokenFix implements Rule {
    @Override
    public void visit(MethodCallExpr call, RuleContext ctx) {
      if (call.getNameAsString().equals("log")) {
        ctx.report(call, "log", "Math.log(", "Math.log(");
      }
    }
  }

  @Test
  void aFixThatWouldNotParseLeavesTheFileUntouched() throws IOException {
    Path file = write("Loss.java", LOSS);
    FileTime modified = Files.getLastModifiedTime(file);
    List<Rule> rules = new ArrayList<>(BuiltInRules.all());
    rules.add(new BrokenFix());
    Run run = run(rules, "--fix", file.toString());
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains(file + ": error: not fixed: the fixed code would not parse ("), run.err());
    assertTrue(run.err().contains("nanlint: fixed 0 findings in 0 files"), run.err());
    assertTrue(run.out().contains("[BrokenFix]") && run.out().contains("[UnguardedLog]"), run.out()); // as they were
    assertEquals(LOSS, Files.readString(file));
    assertEquals(modified, Files.getLastModifiedTime(file));
    assertEquals(List.of(file), listFiles(dir));
  }

  @Test
  void aFileChangedOnDiskDuringTheRunIsNotOverwritten() throws IOException {
    Path file = write("Loss.java", LOSS);
    String edited = "// edited in the editor while nanlint ran\n" + LOSS;
    SafeWriter.beforeCommit = path -> {
      try {
        Files.writeString(path, edited);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
    Run run;
    try {
      run = MainTest.run("--fix", file.toString());
    } finally {
      SafeWriter.beforeCommit = path -> { };
    }
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains(file + ": error: not fixed: changed on disk since nanlint read it; not overwritten"),
        run.err());
    assertTrue(run.err().contains("nanlint: fixed 0 findings in 0 files"), run.err());
    assertEquals(edited, Files.readString(file));
    assertEquals(List.of(file), listFiles(dir));
  }

  @Test
  void theWriterRefusesAChangedFileAndLeavesNoTemporaryFile() throws IOException {
    Path file = write("A.java", "class A {}\n");
    SafeWriter.Snapshot snapshot = SafeWriter.Snapshot.read(file);
    Files.writeString(file, "class A { int changed; }\n"); // same length would not matter: bytes are compared
    assertThrows(SafeWriter.ChangedOnDisk.class,
        () -> SafeWriter.replace(file, snapshot, "class A { }\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals("class A { int changed; }\n", Files.readString(file));
    assertEquals(List.of(file), listFiles(dir));

    SafeWriter.Snapshot fresh = SafeWriter.Snapshot.read(file);
    SafeWriter.replace(file, fresh, "class A { }\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("class A { }\n", Files.readString(file));
    assertEquals(List.of(file), listFiles(dir));
  }

  @Test
  void permissionsAreKept() throws IOException {
    Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path file = write("Loss.java", LOSS);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));
    MainTest.run("--fix", file.toString());
    assertEquals(LOSS_FIXED, Files.readString(file));
    assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void aSymbolicLinkStaysALinkAndItsTargetIsFixed() throws IOException {
    Path target = write("real/Loss.java", LOSS);
    Path link = dir.resolve("Link.java");
    try {
      Files.createSymbolicLink(link, target);
    } catch (UnsupportedOperationException | IOException e) {
      Assumptions.abort("no symbolic links here: " + e);
    }
    Run run = MainTest.run("--fix", link.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(Files.isSymbolicLink(link));
    assertEquals(LOSS_FIXED, Files.readString(target));
  }

  @Test
  void lineEndingsTabsAndEverythingOutsideTheEditsAreKept() throws IOException {
    String crlf = "\uFEFFclass Tabs {\r\n\t// caf\u00e9\r\n\tdouble f(double[] probs) {\treturn -Math.log(probs[0]); }\r\n"
        + "\tboolean g(double x) { return x != Double.NaN;\t} // end\r\n}\r\n";
    Path file = dir.resolve("Tabs.java");
    Files.write(file, crlf.getBytes(StandardCharsets.UTF_8));
    Run run = MainTest.run("--fix", file.toString());
    assertEquals(0, run.code(), run.out() + run.err());
    String expected = crlf.replace("-Math.log(probs[0])", "-Math.log(Math.max(probs[0], 1e-12))")
        .replace("x != Double.NaN", "!Double.isNaN(x)");
    assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
  }

  @Test
  void sarifAndJsonCarryTheEdits() throws IOException {
    Path file = write("Loss.java", LOSS);
    Run sarif = MainTest.run("--format", "sarif", file.toString());
    JsonNode result = new ObjectMapper().readTree(sarif.out()).get("runs").get(0).get("results").get(0);
    assertEquals("UnguardedLog", result.get("ruleId").asText());
    JsonNode change = result.get("fixes").get(0).get("artifactChanges").get(0);
    assertEquals(result.get("locations").get(0).get("physicalLocation").get("artifactLocation"),
        change.get("artifactLocation"));
    JsonNode replacement = change.get("replacements").get(0);
    JsonNode deleted = replacement.get("deletedRegion");
    assertEquals(5, deleted.get("startLine").asInt());
    assertEquals(13, deleted.get("startColumn").asInt());
    assertEquals(5, deleted.get("endLine").asInt());
    assertEquals(35, deleted.get("endColumn").asInt()); // exclusive
    assertEquals("Math.log(Math.max(probs[label], 1e-12))", replacement.get("insertedContent").get("text").asText());
    String line = LOSS.split("\n")[4];
    assertEquals("Math.log(probs[label])", line.substring(13 - 1, 35 - 1));

    Run json = MainTest.run("--format", "json", file.toString());
    JsonNode edit = new ObjectMapper().readTree(json.out()).get("findings").get(1).get("edit");
    assertEquals("{\"line\":15,\"column\":42,\"endLine\":15,\"endColumn\":59,\"replacement\":\"Double.isNaN(loss)\"}",
        edit.toString());
  }

  private static Run run(List<Rule> rules, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), rules);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static List<Path> listFiles(Path directory) throws IOException {
    try (var files = Files.list(directory)) {
      return files.sorted().toList();
    }
  }
}
