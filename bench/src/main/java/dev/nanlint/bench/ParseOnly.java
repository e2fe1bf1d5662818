package dev.nanlint.bench;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import dev.nanlint.engine.Linter;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The benchmark's floor: parses every .java file under the given directories with JavaParser, using
 * exactly nanlint's parser settings ({@link Linter#parserConfiguration()}), one new parser per file,
 * on a fixed pool of one thread per core with the same 512 MB worker stacks as the nanlint command.
 * Runs no rules and keeps no AST.
 *
 * <p>It parses the files nanlint parses: {@code Linter.lint} skips generated files (protobuf, JavaCC,
 * "DO NOT EDIT" headers) without parsing them, so this floor skips them too, with nanlint's own test
 * ({@code Linter.isGenerated}, package-private, called reflectively so the rule cannot drift). About 40%
 * of the benchmark corpus's lines are such files. {@code -Dall=true} parses every file instead.
 *
 * <p>Prints "files=N lines=N failed=N skipped=N skippedLines=N seconds=S": files and lines parsed,
 * failed parses, generated files and lines skipped.
 *
 * <p>Usage: {@code java -cp bench/target/classes:bench/target/under-test/nanlint-cli.jar dev.nanlint.bench.ParseOnly DIR...}
 * (optional {@code -Djobs=N}, default all cores; {@code -Dall=true}).
 */
public final class ParseOnly {
  private ParseOnly() {}

  /** Per-file outcome: lines read, whether it was parsed (not skipped as generated), whether the parse succeeded. */
  private record Parsed(long lines, boolean parsed, boolean ok) {}

  /** nanlint's generated-file test, or null when parsing everything (or when this nanlint has none). */
  private static final Method IS_GENERATED = Boolean.getBoolean("all") ? null : isGeneratedMethod();

  private static Method isGeneratedMethod() {
    try {
      Method m = Linter.class.getDeclaredMethod("isGenerated", String.class);
      m.setAccessible(true);
      return m;
    } catch (NoSuchMethodException e) {
      System.err.println("ParseOnly: this nanlint has no Linter.isGenerated(String): parsing every file");
      return null;
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: ParseOnly DIR...");
      System.exit(2);
    }
    long start = System.nanoTime();
    List<Path> files = new ArrayList<>();
    for (String arg : args) {
      try (Stream<Path> walk = Files.walk(Path.of(arg))) {
        walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).forEach(files::add);
      }
    }
    files.sort(null);

    int jobs = Integer.getInteger("jobs", Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs), r -> {
      Thread t = new Thread(null, r, "parse-worker", 512L << 20);
      t.setDaemon(true);
      return t;
    });
    List<Future<Parsed>> futures = new ArrayList<>(files.size());
    for (Path file : files) {
      futures.add(pool.submit(() -> parse(file)));
    }
    long lines = 0;
    long skippedLines = 0;
    int parsedFiles = 0;
    int failed = 0;
    for (Future<Parsed> f : futures) {
      Parsed p = f.get();
      if (!p.parsed()) {
        skippedLines += p.lines();
        continue;
      }
      parsedFiles++;
      lines += p.lines();
      if (!p.ok()) {
        failed++;
      }
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("files=%d lines=%d failed=%d skipped=%d skippedLines=%d seconds=%.2f%n", parsedFiles, lines,
        failed, files.size() - parsedFiles, skippedLines, seconds);
  }

  private static Parsed parse(Path file) throws IOException {
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    long lines = text.chars().filter(c -> c == '\n').count();
    if (IS_GENERATED != null) {
      try {
        if ((Boolean) IS_GENERATED.invoke(null, text)) {
          return new Parsed(lines, false, true);
        }
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("Linter.isGenerated failed", e);
      }
    }
    try {
      ParseResult<CompilationUnit> result = new JavaParser(Linter.parserConfiguration()).parse(text);
      return new Parsed(lines, true, result.isSuccessful() && result.getResult().isPresent());
    } catch (StackOverflowError | RuntimeException e) {
      return new Parsed(lines, true, false);
    }
  }
}
