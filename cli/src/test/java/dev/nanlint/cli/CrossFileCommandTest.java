package dev.nanlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command's project index: the first pass records every file's declarations, the second checks again
 * the files whose operands call another file's method that resolves (the same sources as the processor's
 * CrossFileFactsTest, which checks javac gives these findings too).
 */
class CrossFileCommandTest {
  private static final Pattern FINDING = Pattern.compile("^(.*\\.java):(\\d+):\\d+: \\w+: \\[(\\w+)\\] (.*)$");

  @TempDir
  Path dir;

  private void write(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
  }

  private List<String> findings(String... args) {
    MainTest.Run run = MainTest.run(args);
    return run.out().lines().map(FINDING::matcher).filter(Matcher::matches)
        .map(m -> Path.of(m.group(1)).getFileName() + ":" + m.group(2) + " " + m.group(3) + " " + m.group(4)).toList();
  }

  @Test
  void aSummaryFromAnotherFileWithdrawsOneFindingAndAddsAnother() throws IOException {
    write("src/demo/util/Probabilities.java", CrossFileFixture.PROBABILITIES);
    write("src/demo/Loss.java", CrossFileFixture.LOSS);

    List<String> both = findings(dir.resolve("src").toString());
    assertEquals(List.of("Loss.java:11 UnguardedLog", "Loss.java:15 UnguardedDivision"),
        both.stream().map(f -> f.substring(0, f.indexOf(' ', f.indexOf(' ') + 1))).toList(), both::toString);
    assertTrue(both.get(1).contains("Probabilities.batches(...) returns a value that can be 0 (Probabilities.java"
        + " line 17): examples / batchSize is an integer division"), both::toString);

    // the callee out of the run: its calls stay unknown, as in a single-file check
    List<String> alone = findings(dir.resolve("src/demo/Loss.java").toString());
    assertEquals(List.of("Loss.java:7 UnguardedLog", "Loss.java:11 UnguardedLog"),
        alone.stream().map(f -> f.substring(0, f.indexOf(' ', f.indexOf(' ') + 1))).toList(), alone::toString);
  }
}
