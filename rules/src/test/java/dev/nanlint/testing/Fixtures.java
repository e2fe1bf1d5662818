package dev.nanlint.testing;

import dev.nanlint.engine.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fixture convention, read once for every test: files under test-fixtures/src/main/java/fixtures,
 * {@code // EXPECT: Rule[, Rule]} on lines that must warn, {@code // SAFE: Rule} on look-alikes. A finding
 * that carries several rules (one expression, several reasons) satisfies the marker of each.
 */
public final class Fixtures {
  private static final Pattern EXPECT = Pattern.compile("//\\s*EXPECT:\\s*([A-Za-z0-9_, ]+)");
  private static final Pattern SAFE = Pattern.compile("//\\s*SAFE:\\s*([A-Za-z0-9_, ]+)");

  private Fixtures() {}

  /** One expected (or actual) finding: its line and rule. */
  public record Marker(int line, String rule) implements Comparable<Marker> {
    @Override
    public int compareTo(Marker o) {
      return line != o.line ? Integer.compare(line, o.line) : rule.compareTo(o.rule);
    }

    @Override
    public String toString() {
      return line + ":" + rule;
    }
  }

  /** The repository root, found from the module directory the tests run in. */
  public static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("test-fixtures"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  public static Path root() {
    return repositoryRoot().resolve("test-fixtures/src/main/java/fixtures");
  }

  /** Every fixture source file, sorted. */
  public static List<Path> all() {
    try (Stream<Path> files = Files.walk(root())) {
      return files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The findings a fixture demands, sorted; a rule named twice on a line is expected twice. */
  public static List<Marker> expected(String source) {
    return markers(source, EXPECT);
  }

  /**
   * The markers a finding satisfies: one for its rule and one for each rule whose finding on the same
   * expression it absorbed (the engine reports one finding per expression, carrying every reason).
   */
  public static List<Marker> markersOf(Finding finding) {
    return finding.rules().stream().map(rule -> new Marker(finding.line(), rule)).toList();
  }

  /** The look-alikes a fixture declares safe. */
  public static List<Marker> safe(String source) {
    return markers(source, SAFE);
  }

  private static List<Marker> markers(String source, Pattern pattern) {
    List<Marker> out = new ArrayList<>();
    String[] lines = source.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = pattern.matcher(lines[i]);
      if (m.find()) {
        for (String rule : m.group(1).split(",")) {
          if (!rule.isBlank()) {
            out.add(new Marker(i + 1, rule.trim()));
          }
        }
      }
    }
    out.sort(null);
    return out;
  }
}
