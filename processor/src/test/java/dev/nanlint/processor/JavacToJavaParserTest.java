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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

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

  record Result(int converted, List<String> unsupported, List<String> mismatches) {}

  static Result check(Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    int converted = 0;
    List<String> unsupported = new ArrayList<>();
    List<String> mismatches = new ArrayList<>();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    for (int from = 0; from < files.size(); from += 200) { // batches: javac keeps every tree of a task
      try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
        Iterable<? extends JavaFileObject> objects =
            fileManager.getJavaFileObjectsFromPaths(files.subList(from, Math.min(files.size(), from + 200)));
        JavacTask task = (JavacTask) javac.getTask(null, fileManager, d -> { }, List.of("-proc:none"), null, objects);
        SourcePositions positions = Trees.instance(task).getSourcePositions();
        for (CompilationUnitTree unit : task.parse()) {
          String name = unit.getSourceFile().getName();
          String text = unit.getSourceFile().getCharContent(true).toString();
          ParseResult<CompilationUnit> parsed = new JavaParser(Linter.parserConfiguration()).parse(text);
          if (!parsed.isSuccessful()) {
            continue; // nothing to compare with
          }
          CompilationUnit expected = parsed.getResult().orElseThrow();
          CompilationUnit actual;
          try {
            actual = JavacToJavaParser.convert(unit, positions, text);
          } catch (JavacToJavaParser.Unsupported e) {
            unsupported.add(name + ": " + e.getMessage());
            continue;
          }
          converted++;
          String difference = difference(expected, actual);
          if (difference != null) {
            mismatches.add(name + ": " + difference);
          }
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    return new Result(converted, unsupported, mismatches);
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
