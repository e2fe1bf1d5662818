package dev.nanlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nanlint.cli.MainTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is reported, never crashes the scan, and never loses the other files' findings. */
class RobustnessTest {
  private static final String LOSS = "class Loss { double f(Model model) { double[] probs = model.output(); return -Math.log(probs[0]); } }\n";

  @TempDir
  Path dir;

  private Run scan(String... extra) {
    String[] args = new String[extra.length + 1];
    System.arraycopy(extra, 0, args, 0, extra.length);
    args[extra.length] = dir.toString();
    return MainTest.run(args);
  }

  @AfterEach
  void noMoreInterference() {
    SourceFiles.beforeRead = file -> { };
  }

  private void assertStillFindsTheLoss(Run run) {
    assertTrue(run.out().contains("Loss.java:1:"), run.out() + run.err());
    assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
  }

  @Test
  void pathologicalSourcesAreHandled() throws IOException {
    Files.writeString(dir.resolve("Loss.java"), LOSS);
    Files.writeString(dir.resolve("Deep.java"),
        "class Deep { double f(double x) { return " + "(".repeat(5000) + "x" + ")".repeat(5000) + "; } }");
    StringBuilder elseIf = new StringBuilder("class Chain { int f(int x) { if (x == 0) return 0;");
    for (int i = 1; i < 5000; i++) {
      elseIf.append(" else if (x == ").append(i).append(") return ").append(i).append(';');
    }
    Files.writeString(dir.resolve("Chain.java"), elseIf.append(" return -1; } }").toString());
    StringBuilder big = new StringBuilder("class Big {\n");
    for (int i = 0; i < 50_000; i++) {
      big.append("  static final double C").append(i).append(" = ").append(i).append(".0 / 7;\n");
    }
    Files.writeString(dir.resolve("Big.java"), big.append("}\n").toString());
    Files.writeString(dir.resolve("Empty.java"), "");

    Files.createDirectories(dir.resolve("Dir.java"));

    Run run = scan();
    assertStillFindsTheLoss(run);
    assertTrue(run.out().contains("5 files scanned"), run.out() + run.err());
    assertEquals(1, run.code(), run.err()); // nothing above was an input error
  }

  @Test
  void aTenMegabyteLineIsScannedOrStoppedByTheTimeLimitNeverACrash() throws IOException {
    Files.writeString(dir.resolve("Loss.java"), LOSS);
    StringBuilder wide = new StringBuilder("class Wide { static final double[] T = {"); // a generated table
    while (wide.length() < 10_000_000) {
      wide.append("0.5, ");
    }
    Files.writeString(dir.resolve("Wide.java"), wide.append("1.0}; }").toString());
    Run run = scan();
    assertStillFindsTheLoss(run);
    assertTrue(run.out().contains("2 files scanned"), run.out());
    if (run.code() == 2) { // a slow machine: the per-file CPU limit stopped it, and says so
      assertTrue(run.err().lines().allMatch(l -> l.contains("Wide.java: error: analysis used more than")), run.err());
    } else {
      assertEquals(1, run.code(), run.err());
    }
  }

  @Test
  void brokenAndBinaryFilesAreReportedOnceEach() throws IOException {
    Files.writeString(dir.resolve("Loss.java"), LOSS);
    Files.writeString(dir.resolve("Truncated.java"), LOSS.substring(0, 30));
    Files.writeString(dir.resolve("Conflict.java"), "<<<<<<< HEAD\nclass A {}\n=======\nclass B {}\n>>>>>>> x\n");
    byte[] noise = new byte[4096];
    new Random(42).nextBytes(noise);
    Files.write(dir.resolve("Noise.java"), noise);
    Files.write(dir.resolve("Utf16.java"), LOSS.getBytes(StandardCharsets.UTF_16));

    Run run = scan();
    assertStillFindsTheLoss(run);
    assertEquals(2, run.code());
    for (String name : new String[] {"Truncated.java", "Conflict.java", "Noise.java", "Utf16.java"}) {
      assertEquals(1, run.err().lines().filter(l -> l.contains(name)).count(), name + " in:\n" + run.err());
    }
    assertEquals(0, scan("--fail-on", "never").code());
  }

  @Test
  void symlinksAreNotFollowed() throws IOException {
    Files.writeString(dir.resolve("Loss.java"), LOSS);
    Path outside = Files.createTempDirectory("nanlint-outside");
    Files.writeString(outside.resolve("Outside.java"), LOSS.replace("Loss", "Outside"));
    Files.createSymbolicLink(dir.resolve("link"), outside);
    Files.createSymbolicLink(dir.resolve("loop"), dir);
    Run run = scan();
    assertStillFindsTheLoss(run);
    assertFalse(run.out().contains("Outside.java"), run.out());
    assertEquals(1, run.code(), run.err());
  }

  @Test
  void hostileContentCannotInjectIntoReports() throws IOException {
    String evil = "class Loss { double f(Model model) { double[] probs = model.output(); return -Math.log(probs[0]); } } "
        + "// \u001b[2J\u001b]0;owned\u0007 %0A::error::injected\r\n";
    Path file = dir.resolve("we,ird%:name.java");
    Files.writeString(file, evil);
    Run text = scan();
    assertFalse(text.out().contains("\u001b"), "terminal escapes must not reach the text report");

    Run github = scan("--format", "github");
    assertTrue(github.out().lines().allMatch(l -> l.startsWith("::")), github.out());
    assertTrue(github.out().contains("we%2Cird%25%3Aname.java"), github.out());

    Run json = scan("--format", "json");
    JsonNode parsed = new ObjectMapper().readTree(json.out());
    assertEquals(1, parsed.get("findings").size());
    Run sarif = scan("--format", "sarif");
    assertEquals("2.1.0", new ObjectMapper().readTree(sarif.out()).get("version").asText());
  }

  /**
   * Files listed by the walk, then deleted, replaced by a directory or by a dangling symbolic link just
   * before they are read: real file system changes, made deterministic by the read hook.
   */
  @Test
  void aPathThatDisappearsDuringTheScanIsAnInputErrorAndTheScanGoesOn() throws IOException {
    for (List<String> mode : List.of(List.<String>of(), List.of("--fix", "--dry-run"))) {
      Files.writeString(dir.resolve("Loss.java"), LOSS);
      for (String name : List.of("Deleted.java", "NowADirectory.java", "NowDangling.java")) {
        Files.deleteIfExists(dir.resolve(name));
        Files.writeString(dir.resolve(name), LOSS.replace("Loss", name.replace(".java", "")));
      }
      Set<String> tampered = ConcurrentHashMap.newKeySet();
      SourceFiles.beforeRead = file -> {
        String name = file.getFileName().toString();
        if (name.equals("Loss.java")) {
          return;
        }
        Files.delete(file);
        if (name.equals("NowADirectory.java")) {
          Files.createDirectory(file);
        } else if (name.equals("NowDangling.java")) {
          Files.createSymbolicLink(file, dir.resolve("missing-target"));
        }
        tampered.add(name);
      };
      Run run = scan(mode.toArray(String[]::new));
      assertEquals(3, tampered.size(), "the hook ran on every file: " + tampered);
      assertTheLossIsStillHandled(run, mode);
      assertEquals(2, run.code(), run.err());
      List<String> errors = run.err().lines().filter(l -> l.contains(": error: ")).sorted().toList();
      assertEquals(List.of(
          dir.resolve("Deleted.java") + ": error: no such file or directory (deleted or moved during the scan?)",
          dir.resolve("NowADirectory.java") + ": error: cannot read: it is a directory, not a file (replaced during the scan?)",
          dir.resolve("NowDangling.java") + ": error: no such file or directory (deleted or moved during the scan?)"),
          errors, String.join(" ", mode));
      Files.delete(dir.resolve("NowADirectory.java"));
      Files.delete(dir.resolve("NowDangling.java"));
    }
  }

  /** Plain scan: Loss.java's finding is reported. --fix --dry-run: its fix is in the diff on standard output. */
  private void assertTheLossIsStillHandled(Run run, List<String> mode) {
    if (mode.isEmpty()) {
      assertStillFindsTheLoss(run);
    } else {
      assertTrue(run.out().contains("+++ " + dir.resolve("Loss.java")) && run.out().contains("Math.max("),
          run.out() + run.err());
      assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
    }
  }

  @Test
  void aDanglingSymbolicLinkGivenAsAPathIsReportedAsMissing() throws IOException {
    Path loss = Files.writeString(dir.resolve("Loss.java"), LOSS);
    Path dangling = Files.createSymbolicLink(dir.resolve("Dangling.java"), dir.resolve("gone.java"));
    Run run = MainTest.run(dangling.toString(), loss.toString());
    assertStillFindsTheLoss(run);
    assertEquals(2, run.code());
    assertEquals(dangling + ": error: no such file or directory (a symbolic link to a missing target)",
        run.err().strip(), run.err());
  }

  /**
   * Tests run as root on CI, where chmod cannot make a file unreadable: the read hook answers as the
   * operating system does for a file we may not read (an AccessDeniedException), on the same code path.
   */
  @Test
  void anUnreadableFileIsAnInputErrorAndTheScanGoesOn() throws IOException {
    for (List<String> mode : List.of(List.<String>of(), List.of("--fix", "--dry-run"))) {
      Files.writeString(dir.resolve("Loss.java"), LOSS);
      Files.writeString(dir.resolve("Locked.java"), LOSS.replace("Loss", "Locked"));
      SourceFiles.beforeRead = file -> {
        if (file.getFileName().toString().equals("Locked.java")) {
          throw new AccessDeniedException(file.toString());
        }
      };
      Run run = scan(mode.toArray(String[]::new));
      assertTheLossIsStillHandled(run, mode);
      assertFalse(run.out().contains("Locked"), run.out());
      assertEquals(2, run.code(), run.err());
      assertEquals(List.of(dir.resolve("Locked.java") + ": error: cannot read: permission denied"),
          run.err().lines().filter(l -> l.contains(": error: ")).toList(), String.join(" ", mode));
    }
  }

  /** The same with real permissions, where they bind (not as root). */
  @Test
  void unreadableFilesAndDirectoriesForReal() throws IOException {
    Files.writeString(dir.resolve("Loss.java"), LOSS);
    Path locked = Files.writeString(dir.resolve("Locked.java"), LOSS.replace("Loss", "Locked"));
    Path closed = Files.createDirectory(dir.resolve("closed"));
    Files.writeString(closed.resolve("Hidden.java"), LOSS.replace("Loss", "Hidden"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));
    try {
      assumeFalse(Files.isReadable(locked), "permissions do not bind here (running as root)");
      Run run = scan();
      assertStillFindsTheLoss(run);
      assertEquals(2, run.code(), run.err());
      assertEquals(List.of(locked + ": error: cannot read: permission denied",
          closed + ": error: cannot read: permission denied"), run.err().lines().sorted().toList());
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
      Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
    }
  }
}
