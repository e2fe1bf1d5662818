package dev.nanlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles sources with the JDK's javac against the test class path (which holds DL4J/ND4J and Tribuo). */
final class Javac {
  private Javac() {}

  /** Compiles every .java file under {@code root} into {@code classes}; fails the test with javac's output. */
  static void compileAll(Path root, Path classes) throws IOException {
    List<String> sources;
    try (Stream<Path> files = Files.walk(root)) {
      sources = files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
    }
    compile(classes, sources);
  }

  static void compile(Path classes, List<String> sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Files.createDirectories(classes);
    List<String> args = new ArrayList<>(List.of("-proc:none", "-Xlint:-options", "-nowarn", "-d", classes.toString(),
        "-cp", System.getProperty("java.class.path")));
    args.addAll(sources);
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int code = javac.run(null, output, output, args.toArray(String[]::new));
    assertEquals(0, code, () -> "javac failed on " + sources + "\n" + output.toString(StandardCharsets.UTF_8));
  }
}
