package dev.nanlint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.cli.MainTest.Run;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Before/after pairs per fixable rule (src/test/resources/fix/Rule/): {@code nanlint --fix} turns
 * Before.java into After.java byte for byte, the result compiles against the real libraries, and a
 * second run changes nothing.
 */
class FixGoldenTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"UnguardedLog", "UnguardedDivision", "NaNEquality", "UnguardedSqrt"})
  void beforeBecomesAfter(String rule) throws IOException {
    byte[] before = resource("/fix/" + rule + "/Before.java");
    byte[] after = resource("/fix/" + rule + "/After.java");
    Path file = dir.resolve("src/fix/" + rule + ".java");
    Files.createDirectories(file.getParent());
    Files.write(file, before);

    Run fix = MainTest.run("--fix", file.toString());
    assertTrue(fix.err().contains("nanlint: fixed "), fix.err());
    assertArrayEquals(after, Files.readAllBytes(file), () -> "fixed " + rule + ":\n" + readString(file));
    assertEquals(List.of(file.getFileName()), list(file.getParent()), "no temporary file is left behind");

    Javac.compile(dir.resolve("classes"), List.of(file.toString()));

    Run again = MainTest.run("--fix", file.toString());
    assertTrue(again.err().contains("nanlint: fixed 0 findings in 0 files"), again.err());
    assertArrayEquals(after, Files.readAllBytes(file));
    Run check = MainTest.run("--format", "json", file.toString());
    assertTrue(!check.out().contains("\"edit\""), check.out()); // nothing left that --fix could change
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = FixGoldenTest.class.getResourceAsStream(name)) {
      assertNotNull(in, name);
      return in.readAllBytes();
    }
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static List<Path> list(Path directory) throws IOException {
    try (var files = Files.list(directory)) {
      return files.map(Path::getFileName).toList();
    }
  }
}
