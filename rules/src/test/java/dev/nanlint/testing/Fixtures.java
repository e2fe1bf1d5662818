package dev.nanlint.testing;

import dev.nanlint.engine.Finding;
import dev.nanlint.engine.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The fixture convention, read once for every test: files under test-fixtures/src/main/java/fixtures,
 * {@code // EXPECT: Rule[, Rule]} on lines that must warn, {@code // SAFE: Rule} on look-alikes. A finding
 * that carries several rules (one expression, several reasons) satisfies the marker of each.
 *
 * <p>An EXPECT entry may also name the finding's level and quote texts its message must contain, like Error
 * Prone's {@code // BUG: Diagnostic contains:}: {@code // EXPECT: UnguardedLog warning "softmax", LogOfSoftmax}.
 * A quoted text holds no {@code "}. Where a line expects one rule twice, its entries pair with that rule's
 * findings from left to right. A marker the grammar does not fit fails the test rather than being ignored.
 */
public final class Fixtures {
  private static final Pattern EXPECT = Pattern.compile("//\\s*EXPECT:");
  private static final Pattern SAFE = Pattern.compile("//\\s*SAFE:");
  /** A marker runs to the end of the line or to the next {@code //} outside quotes (another marker). */
  private static final Pattern BODY = Pattern.compile("(?:[^\"/]|\"[^\"]*\"|/(?!/))*");
  private static final Pattern ENTRY = Pattern.compile("\\G\\s*(\\w+)(?:\\s+("
      + Arrays.stream(Severity.values()).map(Severity::label).collect(Collectors.joining("|"))
      + "))?((?:\\s*\"[^\"]+\")*)\\s*(?:,|$)");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
  /** Where a merged finding's message appends another rule's reason (SameExpression.ALSO). */
  private static final Pattern ALSO = Pattern.compile("; also \\[(\\w+)\\] ");

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

  /**
   * One EXPECT entry in full: the finding's level when the marker names one (else null, any level), and the
   * texts its message must contain.
   */
  public record Expectation(Marker marker, Severity level, List<String> texts) {
    public Expectation {
      texts = List.copyOf(texts);
    }

    @Override
    public String toString() {
      return marker.rule() + (level == null ? "" : " " + level.label())
          + texts.stream().map(t -> " \"" + t + "\"").collect(Collectors.joining());
    }
  }

  /**
   * One rule's part of a reported finding, as a test sees it: the level (null where the output does not show
   * it: javac prints one kind for a merged finding, its leading rule's) and the message of that rule alone.
   */
  public record Reported(Marker marker, int column, Severity level, String message) {}

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
    return expectations(source).stream().map(Expectation::marker).toList();
  }

  /** The EXPECT entries with their levels and texts, sorted by line and rule, in source order within those. */
  public static List<Expectation> expectations(String source) {
    return markers(source, EXPECT);
  }

  /** The look-alikes a fixture declares safe (rule names only: a silent line has no level or message). */
  public static List<Marker> safe(String source) {
    List<Expectation> safe = markers(source, SAFE);
    for (Expectation e : safe) {
      if (e.level() != null || !e.texts().isEmpty()) {
        throw new IllegalArgumentException("line " + e.marker().line() + ": a SAFE marker names rules only: " + e);
      }
    }
    return safe.stream().map(Expectation::marker).toList();
  }

  /**
   * The markers a finding satisfies: one for its rule and one for each rule whose finding on the same
   * expression it absorbed (the engine reports one finding per expression, carrying every reason).
   */
  public static List<Marker> markersOf(Finding finding) {
    return finding.rules().stream().map(rule -> new Marker(finding.line(), rule)).toList();
  }

  /**
   * A finding as one report per rule it carries, each with its own level and message (a merged finding's
   * message without the reasons it absorbed, which are reported under their own rules).
   */
  public static List<Reported> reportsOf(Finding finding) {
    List<Reported> out = new ArrayList<>();
    String absorbed = finding.also().stream().map(f -> "; also [" + f.rule() + "] " + f.message())
        .collect(Collectors.joining());
    String own = finding.message().endsWith(absorbed)
        ? finding.message().substring(0, finding.message().length() - absorbed.length()) : finding.message();
    out.add(new Reported(new Marker(finding.line(), finding.rule()), finding.column(), finding.severity(), own));
    for (Finding other : finding.also()) {
      out.add(new Reported(new Marker(finding.line(), other.rule()), finding.column(), other.severity(), other.message()));
    }
    return out;
  }

  /**
   * A printed diagnostic as one report per rule: {@code message} is its first line after {@code [Rule] }
   * ({@code its message; also [Other] the other's}); only the leading rule's level is shown, the absorbed
   * rules' are null.
   */
  public static List<Reported> reportsOf(int line, int column, Severity level, String rule, String message) {
    List<Reported> out = new ArrayList<>();
    Matcher also = ALSO.matcher(message);
    String currentRule = rule;
    Severity currentLevel = level;
    int start = 0;
    while (also.find()) {
      out.add(new Reported(new Marker(line, currentRule), column, currentLevel, message.substring(start, also.start())));
      currentRule = also.group(1);
      currentLevel = null;
      start = also.end();
    }
    out.add(new Reported(new Marker(line, currentRule), column, currentLevel, message.substring(start)));
    return out;
  }

  /**
   * The expectations whose level or texts their findings do not have, each with what was found, one per
   * line; empty when every one holds. Pairs the k-th entry for a rule on a line with that rule's k-th
   * report there from the left; run it once the markers themselves (lines and rules) are known to match.
   */
  public static List<String> unmet(List<Expectation> expected, List<Reported> actual) {
    Map<Marker, List<Reported>> found = actual.stream()
        .sorted(Comparator.comparingInt(Reported::column))
        .collect(Collectors.groupingBy(Reported::marker, LinkedHashMap::new, Collectors.toList()));
    Map<Marker, Integer> used = new LinkedHashMap<>();
    List<String> out = new ArrayList<>();
    for (Expectation e : expected) {
      int k = used.merge(e.marker(), 1, Integer::sum) - 1;
      List<Reported> candidates = found.getOrDefault(e.marker(), List.of());
      if (k >= candidates.size()) {
        continue; // no such finding: the marker comparison reports it
      }
      Reported r = candidates.get(k);
      boolean levelHolds = e.level() == null || r.level() == null || e.level() == r.level();
      List<String> missing = e.texts().stream().filter(t -> !r.message().contains(t)).toList();
      if (!levelHolds || !missing.isEmpty()) {
        out.add("line " + e.marker().line() + ": expected " + e + "; found "
            + (r.level() == null ? "" : r.level().label() + " ") + "[" + r.marker().rule() + "] " + r.message());
      }
    }
    return out;
  }

  private static List<Expectation> markers(String source, Pattern pattern) {
    List<Expectation> out = new ArrayList<>();
    String[] lines = source.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = pattern.matcher(lines[i]);
      if (m.find()) {
        Matcher body = BODY.matcher(lines[i]).region(m.end(), lines[i].length());
        body.lookingAt();
        String rest = lines[i].substring(body.end());
        if (!rest.isEmpty() && !rest.startsWith("//")) {
          throw new IllegalArgumentException("line " + (i + 1) + ": cannot read the marker '"
              + lines[i].substring(m.start()).strip() + "' (an unclosed quote?)");
        }
        out.addAll(entries(i + 1, body.group()));
      }
    }
    out.sort(Comparator.comparing(Expectation::marker)); // stable: source order among equal markers
    return out;
  }

  /** The entries of one marker: {@code Rule [level] ["text" ...]}, separated by commas. */
  private static List<Expectation> entries(int line, String body) {
    List<Expectation> out = new ArrayList<>();
    Matcher entry = ENTRY.matcher(body);
    int end = 0;
    while (end < body.length() && entry.find()) {
      List<String> texts = new ArrayList<>();
      Matcher quoted = QUOTED.matcher(entry.group(3));
      while (quoted.find()) {
        texts.add(quoted.group(1));
      }
      out.add(new Expectation(new Marker(line, entry.group(1)),
          entry.group(2) == null ? null : Severity.parse(entry.group(2)), texts));
      end = entry.end();
    }
    if (out.isEmpty() || end < body.length() || body.strip().endsWith(",")) {
      throw new IllegalArgumentException("line " + line + ": cannot read the marker '" + body.strip()
          + "' (expected Rule [error|warning|note] [\"text\" ...], comma-separated)");
    }
    return out;
  }
}
