package dev.nanlint.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Two files of one project, a helper class and its caller: those of test-fixtures/incremental-project, which
 * the processor's CrossFileFactsTest and IncrementalCompileTest and a real Maven build compile too.
 */
final class CrossFileFixture {
  static final String[] PROBABILITIES = lines("demo/util/Probabilities.java");
  static final String[] LOSS = lines("demo/Loss.java");

  private CrossFileFixture() {
  }

  private static String[] lines(String path) {
    try {
      return Files.readString(Path.of("..", "test-fixtures", "incremental-project", "src", "main", "java", path))
          .split("\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
