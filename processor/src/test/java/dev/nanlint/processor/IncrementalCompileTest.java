package dev.nanlint.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental compile never flips a finding (issue 15, item 2): javac on files on disk with {@code -d}, as
 * Maven and Gradle run it, first on both files of {@link CrossFileFactsTest}, then on {@code Loss.java} alone
 * with the first compile's classes on the class path (an IDE saving one file, Maven compiling the stale file).
 * The index cache the first compile wrote beside the class output tells the second where
 * {@code Probabilities} is, so its summaries withdraw line 7's finding and add line 15's as in the full compile.
 */
class IncrementalCompileTest {
  /** The full compile's findings (CrossFileFactsTest checks them against the command's). */
  private static final List<String> FULL = List.of("Loss.java:11 UnguardedLog", "Loss.java:15 UnguardedDivision");
  /** Loss.java with no knowledge of Probabilities: line 7 is not withdrawn, line 15 not added. */
  private static final List<String> ALONE = List.of("Loss.java:7 UnguardedLog", "Loss.java:11 UnguardedLog");
  private static final Pattern RULE = Pattern.compile("^\\[(\\w+)\\] ");

  @TempDir
  Path project;
  private Path classes;
  private Path loss;
  private Path probabilities;
  private Path cache;

  @BeforeEach
  void writeSources() throws IOException {
    classes = Files.createDirectories(project.resolve("target/classes"));
    cache = project.resolve("target/nanlint-index/classes.cache");
    probabilities = write("src/demo/util/Probabilities.java", CrossFileFactsTest.PROBABILITIES);
    loss = write("src/demo/Loss.java", CrossFileFactsTest.LOSS);
  }

  @Test
  void anIncrementalCompileGivesTheFullCompilesFindings() {
    assertEquals(FULL, compile(probabilities, loss).findings());
    assertTrue(Files.isRegularFile(cache), "the full compile writes the cache beside target/classes");

    Result incremental = compile(loss);
    // both directions: line 7 withdrawn (the clipped probability is never 0), line 15 added (batches can be 0)
    assertEquals(FULL, incremental.findings(), incremental::toString);
    assertTrue(incremental.messages().stream().anyMatch(m -> m.contains("Probabilities.batches(...) returns a value"
        + " that can be 0 (Probabilities.java line 17)")), incremental::toString);
  }

  @Test
  void withoutTheCacheTheIncrementalCompileDiffers() throws IOException {
    compile(probabilities, loss);
    Files.delete(cache);
    assertEquals(ALONE, compile(loss).findings()); // what this test guards against: both findings flip
  }

  @Test
  void aSecondIncrementalCompileStillSeesTheCallee() {
    compile(probabilities, loss);
    compile(loss);
    assertEquals(FULL, compile(loss).findings(), "the first incremental compile kept Probabilities' entry");
  }

  @Test
  void aCorruptCacheIsIgnoredWithANoteAndReplaced() throws IOException {
    compile(probabilities, loss);
    Files.writeString(cache, Files.readString(cache).replaceFirst("\nclass\t", "\nclass\tbroken\t"));

    Result incremental = compile(loss);
    assertTrue(incremental.succeeded(), incremental::toString);
    assertEquals(ALONE, incremental.findings()); // as without a cache
    assertTrue(incremental.notes().stream().anyMatch(n -> n.startsWith("nanlint: ignored the index cache")
        && n.contains("line ")), incremental::toString);
    // written again from this compile: readable, and a full compile restores everything
    assertEquals(FULL, compile(probabilities, loss).findings());
    assertEquals(FULL, compile(loss).findings());
  }

  @Test
  void aCacheOfGarbageOrAnotherVersionIsIgnoredQuietly() throws IOException {
    compile(probabilities, loss);
    Files.write(cache, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
    Result garbage = compile(loss);
    assertTrue(garbage.succeeded(), garbage::toString);
    assertEquals(ALONE, garbage.findings());

    compile(probabilities, loss);
    List<String> lines = new ArrayList<>(Files.readAllLines(cache));
    lines.set(0, lines.get(0) + "-older");
    Files.write(cache, lines);
    Result otherVersion = compile(loss);
    assertEquals(ALONE, otherVersion.findings());
    assertTrue(otherVersion.notes().stream().noneMatch(n -> n.contains("index cache")), otherVersion::toString);
  }

  @Test
  void aCalleeChangedOnDiskIsReadAsItIsNow() throws IOException {
    compile(probabilities, loss);
    // the callee now guards its quotient; compiled alone, then the caller alone
    Files.writeString(probabilities, String.join("\n", CrossFileFactsTest.PROBABILITIES)
        .replace("return examples / batchSize;", "return Math.max(1, examples / Math.max(1, batchSize));"));
    compile(probabilities);
    assertEquals(List.of("Loss.java:11 UnguardedLog"), compile(loss).findings());
  }

  @Test
  void aCalleeChangedButNotCompiledIsReadFromDisk() throws IOException {
    compile(probabilities, loss);
    // changed on disk and not compiled: batches moves to line 18, so the cached record (line 17) is stale and
    // finds no method there; the file is read again, and the caller's finding names the new line
    Files.writeString(probabilities, String.join("\n", CrossFileFactsTest.PROBABILITIES)
        .replace("  public static int batches(", "  // how many whole batches\n  public static int batches("));
    Result incremental = compile(loss);
    assertEquals(FULL, incremental.findings(), incremental::toString);
    assertTrue(incremental.messages().stream().anyMatch(m -> m.contains("(Probabilities.java line 18)")),
        incremental::toString);
  }

  @Test
  void aCalleeWhoseFileIsGoneIsUnknown() throws IOException {
    compile(probabilities, loss);
    Files.delete(probabilities); // its class file stays on the class path
    assertEquals(ALONE, compile(loss).findings());
  }

  @Test
  void thePluginKeepsTheCacheWhenProcessingIsOn() {
    assertEquals(FULL, compile(List.of("-Xplugin:Nanlint"), probabilities, loss).findings());
    assertEquals(FULL, compile(List.of("-Xplugin:Nanlint"), loss).findings());
  }

  @Test
  void thePluginWithoutProcessingKeepsTheCacheWhereItIsTold() {
    Path file = project.resolve("target/elsewhere.cache");
    List<String> plugin = List.of("-Xplugin:Nanlint indexCache=" + file, "-proc:none");
    assertEquals(FULL, compile(plugin, probabilities, loss).findings());
    assertTrue(Files.isRegularFile(file) && !Files.exists(cache), "the plugin has no Filer: it writes where it is told");
    assertEquals(FULL, compile(plugin, loss).findings());
    // told nothing, the plugin without processing cannot find the class output: no cache, as before
    assertEquals(ALONE, compile(List.of("-Xplugin:Nanlint", "-proc:none"), loss).findings());
  }

  @Test
  void noIndexCacheWhenToldSo() {
    List<String> none = List.of("-Ananlint.indexCache=none");
    assertEquals(FULL, compile(none, probabilities, loss).findings());
    assertTrue(!Files.exists(cache), "nanlint.indexCache=none writes nothing");
    assertEquals(ALONE, compile(none, loss).findings());
  }

  @Test
  void theStatsSayHowManyFilesCameFromTheCache() {
    compile(probabilities, loss);
    Result incremental = compile(List.of("-Ananlint.stats=true"), loss);
    assertTrue(incremental.notes().stream().anyMatch(n -> n.contains("1 checked again with other files' summaries"
        + " (1 files from the index cache)")), incremental::toString);
  }

  @Test
  void aBlankIndexCacheOptionIsAnError() {
    Result blank = compile(List.of("-Ananlint.indexCache= "), loss);
    assertTrue(!blank.succeeded() && blank.messages().contains(
        "nanlint: nanlint.indexCache: give a file, or none to keep no index cache"), blank::toString);
  }

  private Path write(String relative, String[] lines) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, String.join("\n", lines) + "\n");
  }

  private Result compile(Path... sources) {
    return compile(List.of(), sources);
  }

  /** javac as Maven runs it: -d target/classes, which is also on the class path; the processor given directly. */
  private Result compile(List<String> extraOptions, Path... sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", classes.toString()));
      options.addAll(extraOptions);
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjects(sources));
      task.setProcessors(List.<Processor>of(new NanlintProcessor()));
      boolean succeeded = task.call();
      return new Result(succeeded, diagnostics.getDiagnostics());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Result(boolean succeeded, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    /** "File.java:line Rule", in javac's order (only Loss.java has findings: by line). */
    List<String> findings() {
      return diagnostics.stream()
          .filter(d -> d.getSource() != null && RULE.matcher(d.getMessage(Locale.ROOT)).find())
          .map(d -> {
            Matcher m = RULE.matcher(d.getMessage(Locale.ROOT));
            m.find();
            String file = Path.of(d.getSource().toUri()).getFileName().toString();
            return file + ":" + d.getLineNumber() + " " + m.group(1);
          })
          .toList();
    }

    List<String> messages() {
      return diagnostics.stream().map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    List<String> notes() {
      return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.NOTE)
          .map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    @Override
    public String toString() {
      return diagnostics.toString();
    }
  }
}
