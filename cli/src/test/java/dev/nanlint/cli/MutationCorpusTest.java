package dev.nanlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import dev.nanlint.engine.Linter;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,200 broken sources, generated with a fixed seed from the fixtures and from nanlint's own code:
 * truncated at random points, bytes flipped, lines deleted, braces duplicated, junk inserted. The scan
 * must not crash or hang, must count every file, and must report every file the parser rejects.
 */
class MutationCorpusTest {
  static final int MUTANTS = 1200;
  static final long SEED = 20261126L;

  @TempDir
  Path dir;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES) // a hang guard, not a speed test
  void noCrashNoHangEveryBrokenFileReported() throws IOException {
    List<byte[]> originals = originals();
    Random random = new Random(SEED);
    Set<String> deep = new HashSet<>();
    for (int i = 0; i < MUTANTS; i++) {
      byte[] source = originals.get(random.nextInt(originals.size()));
      byte[] mutant = mutate(source, random);
      String name = String.format("M%04d.java", i);
      if (new String(mutant, StandardCharsets.UTF_8).contains(DEEP)) {
        deep.add(name);
      }
      Files.write(dir.resolve(name), mutant);
    }

    Path report = dir.resolve("report.json");
    long start = System.nanoTime();
    MainTest.Run run = MainTest.run("--format", "json", "--output", report.toString(), "--jobs", "2", dir.toString());
    assertTrue(run.code() == 1 || run.code() == 2, "exit code " + run.code());
    // no stack trace, ever: every line is "path[:line:col]: error: message" or the summary
    assertTrue(run.err().lines().allMatch(l -> l.contains(": error: ") && !l.startsWith("\tat ")
        && !l.startsWith("Exception in thread")), run.err());

    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertEquals(MUTANTS, json.get("summary").get("filesScanned").asInt());
    Set<String> reported = new HashSet<>();
    json.get("errors").forEach(e -> reported.add(Path.of(e.get("path").asText()).getFileName().toString()));
    Set<String> stopped = new HashSet<>();
    for (JsonNode e : json.get("errors")) {
      assertFalse(e.get("message").asText().contains("internal error"), e.toString());
      if (e.get("message").asText().contains("was stopped")) {
        // thousands of parentheses spliced in after a cast can send JavaParser's lookahead past the CPU limit:
        // the limit is there for that, and the file is reported; any other file must finish
        String name = Path.of(e.get("path").asText()).getFileName().toString();
        assertTrue(deep.contains(name), e.toString());
        stopped.add(name);
      }
    }

    int broken = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        if (stopped.contains(file.getFileName().toString()) || !parses(Files.readAllBytes(file))) {
          broken++;
          assertTrue(reported.contains(file.getFileName().toString()), file + " is broken but was not reported");
        }
      }
    }
    assertTrue(broken > MUTANTS / 2, "the mutations should break most files, broke " + broken);
    System.out.printf("mutation corpus: %d files, %d unparseable (all reported), %d input errors, %d findings,"
        + " crashes 0, hangs 0, scan and check %.1f s%n", MUTANTS, broken, reported.size(), json.get("findings").size(),
        (System.nanoTime() - start) / 1e9);
  }

  /**
   * What the command would accept: UTF-8, no NUL bytes, and JavaParser parses it as {@code Linter.lint} does
   * (nanlint's configuration, then the Java 25 level for the forms RAW misreads, such as {@code yield}).
   */
  private static boolean parses(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return false;
      }
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return false;
    }
    if (Linter.isGenerated(text)) {
      return true; // skipped by the command, broken or not
    }
    boolean[] ok = new boolean[1];
    Thread parser = new Thread(null, () -> { // as deep a stack as the command's workers
      try {
        // as Linter.lint: the RAW level, then once more at Java 25 for the newer forms RAW misreads
        ok[0] = new JavaParser(Linter.parserConfiguration()).parse(text).isSuccessful()
            || new JavaParser(Linter.parserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25))
                .parse(text).isSuccessful();
      } catch (StackOverflowError e) {
        ok[0] = false;
      }
    }, "parse", 512L << 20);
    parser.start();
    try {
      parser.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ok[0];
  }

  private static List<byte[]> originals() throws IOException {
    List<byte[]> out = new ArrayList<>();
    for (Path root : List.of(Path.of("../test-fixtures/src/main/java"), Path.of("../rules/src/main/java"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          out.add(Files.readAllBytes(p));
        }
      }
    }
    assertTrue(out.size() > 20, "sources to mutate: " + out.size());
    return out;
  }

  /** What every deep-nesting splice contains, and no source file does. */
  private static final String DEEP = "(".repeat(2000);

  static byte[] mutate(byte[] source, Random random) {
    byte[] b = source.clone();
    switch (random.nextInt(6)) {
      case 0: // truncate
        return java.util.Arrays.copyOf(b, random.nextInt(Math.max(1, b.length)));
      case 1: // flip bytes
        for (int i = 0, n = 1 + random.nextInt(5); i < n && b.length > 0; i++) {
          b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
        return b;
      case 2: { // delete lines
        List<String> lines = new ArrayList<>(List.of(new String(b, StandardCharsets.UTF_8).split("\n", -1)));
        for (int i = 0, n = 1 + random.nextInt(3); i < n && lines.size() > 1; i++) {
          lines.remove(random.nextInt(lines.size()));
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
      }
      case 3: { // duplicate braces and parentheses
        StringBuilder s = new StringBuilder(new String(b, StandardCharsets.UTF_8));
        for (int i = 0, n = 1 + random.nextInt(4); i < n && s.length() > 0; i++) {
          s.insert(random.nextInt(s.length()), "{}()[]".charAt(random.nextInt(6)));
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
      }
      case 4: { // junk: merge markers, escapes, stray unicode, NUL
        String[] junk = {"<<<<<<< HEAD\n", "\u001b[2J", "\\u00", "\u0000", "/*", "\"", "'", "\u2028", "@interface"};
        StringBuilder s = new StringBuilder(new String(b, StandardCharsets.UTF_8));
        s.insert(random.nextInt(Math.max(1, s.length())), junk[random.nextInt(junk.length)]);
        return s.toString().getBytes(StandardCharsets.UTF_8);
      }
      default: { // deep nesting spliced in
        String deep = "(".repeat(2000 + random.nextInt(3000)) + "1" + ")".repeat(random.nextInt(5000));
        StringBuilder s = new StringBuilder(new String(b, StandardCharsets.UTF_8));
        s.insert(random.nextInt(Math.max(1, s.length())), deep);
        return s.toString().getBytes(StandardCharsets.UTF_8);
      }
    }
  }
}
