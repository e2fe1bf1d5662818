package dev.nanlint.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * javac run the way Maven's compiler plugin, Gradle and IDEs run it: in process, through the
 * {@code javax.tools} API ({@code JavaCompiler.getTask(...).call()}), rather than as the {@code javac}
 * command. The difference matters for a plugin or processor: a task made through the API always keeps
 * comments and end positions (JDK's {@code JavacTaskImpl.prepareCompiler}), while the command keeps them
 * only once a task listener or an annotation processor is present, which by itself costs the command
 * about a tenth of its time on tribuo-core (docs/performance.md).
 *
 * <p>Arguments are javac's; {@code @file} arguments are expanded (one argument per line), every
 * argument ending in {@code .java} is a source file, and a path entry {@code dir/*} stands for the jars in
 * {@code dir}, as the {@code javac} launcher reads it. Exits with 0 when the compilation succeeded.
 */
public final class ApiJavac {
  private ApiJavac() {}

  public static void main(String[] args) throws IOException {
    List<String> options = new ArrayList<>();
    List<Path> sources = new ArrayList<>();
    for (String arg : args) {
      List<String> expanded = arg.startsWith("@")
          ? Files.readAllLines(Path.of(arg.substring(1)), StandardCharsets.UTF_8) : List.of(arg);
      for (String option : expanded) {
        if (option.isBlank()) {
          continue;
        }
        if (option.endsWith(".java")) {
          sources.add(Path.of(option.trim()));
        } else {
          options.add(withJarsListed(option.trim()));
        }
      }
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    boolean success;
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
      success = javac.getTask(null, files, null, options, null, units).call();
    }
    System.exit(success ? 0 : 1);
  }

  /** A path with each {@code dir/*} entry replaced by the jars in {@code dir}; anything else unchanged. */
  private static String withJarsListed(String argument) throws IOException {
    if (!argument.contains("*")) {
      return argument;
    }
    List<String> entries = new ArrayList<>();
    for (String entry : argument.split(File.pathSeparator)) {
      if (entry.endsWith("*")) {
        try (Stream<Path> jars = Files.list(Path.of(entry.substring(0, entry.length() - 1)))) {
          jars.map(Path::toString).filter(j -> j.endsWith(".jar")).sorted().forEach(entries::add);
        }
      } else {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
