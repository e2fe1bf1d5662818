package dev.nanlint.bench;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import dev.nanlint.engine.Linter;
import java.io.IOException;
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
 * Runs no rules and keeps no AST. Prints "files=N lines=N failed=N seconds=S".
 *
 * <p>Usage: {@code java -cp bench/target/classes:bench/target/under-test/nanlint-cli.jar dev.nanlint.bench.ParseOnly DIR...}
 * (optional {@code -Djobs=N}, default all cores).
 */
public final class ParseOnly {
  private ParseOnly() {}

  /** Per-file outcome: lines read, whether the parse succeeded. */
  private record Parsed(long lines, boolean ok) {}

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
    int failed = 0;
    for (Future<Parsed> f : futures) {
      Parsed p = f.get();
      lines += p.lines();
      if (!p.ok()) {
        failed++;
      }
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("files=%d lines=%d failed=%d seconds=%.2f%n", files.size(), lines, failed, seconds);
  }

  private static Parsed parse(Path file) throws IOException {
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    long lines = text.chars().filter(c -> c == '\n').count();
    try {
      ParseResult<CompilationUnit> result = new JavaParser(Linter.parserConfiguration()).parse(text);
      return new Parsed(lines, result.isSuccessful() && result.getResult().isPresent());
    } catch (StackOverflowError | RuntimeException e) {
      return new Parsed(lines, false);
    }
  }
}
