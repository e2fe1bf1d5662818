package dev.nanlint.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import dev.nanlint.engine.Linter;
import dev.nanlint.engine.SourceText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The converted tree must be the tree JavaParser parses, node for node and position for position, on every
 * file of the fixtures and both evaluation sets; constructs the converter leaves to JavaParser must stay rare.
 * {@code -Dnanlint.conversion.corpus=DIR} checks another directory too (the benchmark's corpus, by hand).
 */
class JavacToJavaParserTest {
  private static final Path FIXTURES = Path.of("..", "test-fixtures", "src", "main", "java");

  @Test
  void convertsEveryFixtureExactlyAsJavaParserParsesIt() throws IOException {
    Result result = check(FIXTURES);
    assertEquals(List.of(), result.mismatches.stream().limit(10).toList(), "converted trees that differ from JavaParser's");
    assertTrue(result.converted > 100, "too few files checked: " + result.converted);
    assertTrue(result.unsupported.size() * 20 <= result.converted,
        "more than 5% of the fixtures left to JavaParser: " + result.unsupported);
  }

  /** Syntax the fixtures use little: converted exactly, or left to JavaParser, never converted differently. */
  @Test
  void newerSyntaxIsConvertedExactlyOrLeftToJavaParser(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("Modern.java"), String.join("\n",
        "package demo;",
        "import java.util.*;",
        "import static java.lang.Math.*;",
        "/** doc */",
        "@SuppressWarnings({\"unchecked\", \"rawtypes\"})",
        "public final class Modern<T extends Comparable<? super T>> implements Iterable<T> {",
        "  private static final double EPS = 1e-8, NEG = -1_000.5e-3d;",
        "  private final List<T> items = new ArrayList<>();",
        "  double cx[] = {1}, cy, cz[][];",
        "  double cStyle(int a[], double m[][]) { double[] b[] = m; double s = 0; for (double row[] : b) s += row[0] + a[0]; return s; }",
        "  static { System.out.println(\"a\" + \"b\" + 'c' + \"\\\"\"); }",
        "  @Override public Iterator<T> iterator() { return items.iterator(); }",
        "  <R> R fold(R seed, java.util.function.BiFunction<R, ? super T, R> f) {",
        "    var acc = seed;",
        "    for (T item : items) acc = f.apply(acc, item);",
        "    return acc;",
        "  }",
        "  int kind(Object o, int day) {",
        "    int a = switch (day) { case 1, 7 -> 0; case 2 -> 1; default -> throw new IllegalStateException(); };",
        "    switch (day) { case 3: a++; break; default: a--; }",
        "    label: for (int i = 0, j = 10; i < j; i++, j--) { if (i == 2) continue label; else break label; }",
        "    Runnable r = () -> {}; java.util.function.IntUnaryOperator g = x -> -x;",
        "    java.util.function.Function<String, Integer> len = String::length;",
        "    int[][] grid = new int[3][]; int[] row = {1, 2, -3}; long big = -9223372036854775808L;",
        "    try (var s = new java.io.StringReader(\"x\")) { s.read(); } catch (java.io.IOException | RuntimeException e) { a = 0; } finally { a += 1; }",
        "    synchronized (this) { a <<= 1; a >>>= 1; }",
        "    assert a >= 0 : \"negative\";",
        "    Object anon = new Object() { @Override public String toString() { return Modern.this.toString() + super.toString(); } };",
        "    return a + grid.length + row[0] + (int) (big % 2) + (o instanceof String ? 1 : 0) + g.applyAsInt(1) + len.apply(\"\");",
        "  }",
        "  boolean pattern(Object o) { return o instanceof String s && !s.isEmpty() || o instanceof final java.util.List<?> l && l.isEmpty(); }",
        "  public record Sample<L>(double[] x, @Deprecated L label, int... extra) implements Comparable<Sample<L>> {",
        "    static int K = 1;",
        "    public Sample { if (x.length == 0) throw new IllegalArgumentException(); }",
        "    Sample(double[] x) { this(x, null); }",
        "    public int compareTo(Sample<L> o) { return Double.compare(x[0], o.x[0]); }",
        "  }",
        "  record Empty() {}",
        "  String help() { return \"\"\"\n      a \\\"quoted\\\" help\n      text\"\"\".strip() + \"\"\"  \n  b\n  \"\"\"; }",
        "  String block = \"\"\"\r\n  crlf\r\n  \"\"\";",
        "  enum Mode { FAST(1) { int cost() { return 1; } }, SLOW(2) { int cost() { return 2; } }; final int w; Mode(int w) { this.w = w; } abstract int cost(); }",
        "  interface Shape extends Comparable<Shape> { default double area() { return 0; } }",
        "}"));
    Result result = check(dir);
    assertEquals(List.of(), result.mismatches);
    assertEquals(List.of(), result.unsupported);
    assertEquals(1, result.converted);
  }

  @Test
  void foldedTextBlocksAndLocalRecordsAreLeftToJavaParser(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("LocalRecord.java"),
        "class LocalRecord { int f() { record P(int a) {} return new P(1).a(); } }");
    Files.writeString(dir.resolve("FoldedTextBlock.java"), "class FoldedTextBlock { String s = \"\"\"\n  text\n  \"\"\" + \"more\"; }");
    Result result = check(dir);
    assertEquals(0, result.converted);
    assertEquals(2, result.unsupported.size(), result.unsupported::toString);
  }

  @Test
  void checksAnotherCorpusWhenAskedTo() throws IOException {
    String corpus = System.getProperty("nanlint.conversion.corpus");
    if (corpus == null) {
      return;
    }
    Result result = check(Path.of(corpus));
    Map<String, Integer> reasons = new TreeMap<>();
    result.unsupported.forEach(u -> reasons.merge(u.substring(u.indexOf(": ") + 2), 1, Integer::sum));
    System.out.println("converted " + result.converted + ", left to JavaParser " + result.unsupported.size()
        + " " + reasons + ", mismatches " + result.mismatches.size());
    result.mismatches.stream().limit(30).forEach(System.out::println);
    assertEquals(List.of(), result.mismatches.stream().limit(10).toList());
  }

  /**
   * The processor converts trees javac has already entered (javac's Annotate writes {@code @A(x)} as
   * {@code @A(value = x)}, entering adds default constructors): the result must still equal JavaParser's.
   */
  @Test
  void convertsEnteredTreesAsProcessorsSeeThem() throws IOException {
    Result result = new Result();
    Processor processor = new AbstractProcessor() {
      private final Set<CompilationUnitTree> seen = Collections.newSetFromMap(new IdentityHashMap<>());

      @Override
      public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
      }

      @Override
      public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
      }

      @Override
      public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Trees trees = Trees.instance(processingEnv);
        for (Element element : round.getRootElements()) {
          CompilationUnitTree unit = trees.getPath(element).getCompilationUnit();
          if (seen.add(unit)) {
            result.compare(unit, trees.getSourcePositions());
          }
        }
        return false;
      }
    };
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      JavacTask task = (JavacTask) javac.getTask(null, fileManager, d -> { },
          List.of("-proc:only", "-classpath", System.getProperty("java.class.path")), null,
          fileManager.getJavaFileObjectsFromPaths(javaFiles(FIXTURES)));
      task.setProcessors(List.of(processor));
      task.call();
    }
    assertEquals(List.of(), result.mismatches.stream().limit(10).toList());
    assertTrue(result.converted > 100, "too few files checked: " + result.converted);
    assertTrue(result.unsupported.size() * 20 <= result.converted,
        "more than 5% left to JavaParser: " + result.unsupported);
  }

  /** Files converted, files left to JavaParser (with the reason), and differences from JavaParser's parse. */
  static final class Result {
    int converted;
    final List<String> unsupported = new ArrayList<>();
    final List<String> mismatches = new ArrayList<>();

    /** Converts {@code unit} and compares it with JavaParser's parse of the same text. */
    void compare(CompilationUnitTree unit, SourcePositions positions) {
      String name = unit.getSourceFile().getName();
      String text;
      try {
        text = unit.getSourceFile().getCharContent(true).toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ParseResult<CompilationUnit> parsed = new JavaParser(Linter.parserConfiguration()).parse(text);
      if (!parsed.isSuccessful()) {
        return; // nothing to compare with
      }
      CompilationUnit actual;
      try {
        actual = JavacToJavaParser.convert(unit, positions, new SourceText(text));
      } catch (JavacToJavaParser.Unsupported e) {
        unsupported.add(name + ": " + e.getMessage());
        return;
      }
      converted++;
      String difference = difference(parsed.getResult().orElseThrow(), actual);
      if (difference != null) {
        mismatches.add(name + ": " + difference);
      }
    }
  }

  static Result check(Path root) throws IOException {
    List<Path> files = javaFiles(root);
    Result result = new Result();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    for (int from = 0; from < files.size(); from += 200) { // batches: javac keeps every tree of a task
      try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
        Iterable<? extends JavaFileObject> objects =
            fileManager.getJavaFileObjectsFromPaths(files.subList(from, Math.min(files.size(), from + 200)));
        JavacTask task = (JavacTask) javac.getTask(null, fileManager, d -> { }, List.of("-proc:none"), null, objects);
        SourcePositions positions = Trees.instance(task).getSourcePositions();
        for (CompilationUnitTree unit : task.parse()) {
          result.compare(unit, positions);
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    return result;
  }

  private static List<Path> javaFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** The first difference between two trees, in structure, text or positions; null when there is none. */
  static String difference(Node expected, Node actual) {
    if (expected.getClass() != actual.getClass()) {
      return "at " + expected.getRange().map(Object::toString).orElse("?") + ": expected "
          + expected.getClass().getSimpleName() + " '" + brief(expected) + "', got " + actual.getClass().getSimpleName()
          + " '" + brief(actual) + "'";
    }
    if (!expected.getRange().equals(actual.getRange())) {
      return expected.getClass().getSimpleName() + " '" + brief(expected) + "': expected range "
          + expected.getRange().map(Object::toString).orElse("none") + ", got "
          + actual.getRange().map(Object::toString).orElse("none");
    }
    List<Node> a = expected.getChildNodes();
    List<Node> b = actual.getChildNodes();
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      String difference = difference(a.get(i), b.get(i));
      if (difference != null) {
        return difference;
      }
    }
    if (a.size() != b.size()) {
      return expected.getClass().getSimpleName() + " '" + brief(expected) + "' at "
          + expected.getRange().map(Object::toString).orElse("?") + ": expected " + a.size() + " children, got "
          + b.size();
    }
    if (!expected.equals(actual)) {
      return expected.getClass().getSimpleName() + " '" + brief(expected) + "' differs: got '" + brief(actual) + "'";
    }
    return null;
  }

  private static String brief(Node node) {
    String text = node.toString().replaceAll("\\s+", " ");
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }
}
