package dev.nanlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.rules.BuiltInRules;
import dev.nanlint.engine.Linter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command only reads text: it never loads, compiles or runs the code it scans, and opens no
 * network connection. Two checks, each shown able to fail: a hostile repository's rule (a compiled
 * class plus a META-INF/services entry, as a user's rule jar would have) is never loaded by a scan;
 * and nanlint's own bytecode names no socket, URL-connection, HTTP, process, compiler or
 * class-definition API. Third-party libraries (JavaParser, picocli, Jackson) are not inspected.
 */
class NeverRunsScannedCodeTest {
  @TempDir
  Path repo;

  @Test
  void aRuleShippedInTheScannedTreeIsNeverLoaded() throws IOException {
    Path marker = repo.resolveSibling(repo.getFileName() + "-loaded");
    Path source = repo.resolve("evil/EvilRule.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, String.join("\n",
        "package evil;",
        "import dev.nanlint.engine.*;",
        "@RuleInfo(name = \"EvilRule\", severity = Severity.NOTE, summary = \"runs code on load\")",
        "public final class EvilRule implements Rule {",
        "  static {",
        "    try { java.nio.file.Files.writeString(java.nio.file.Path.of(\""
            + marker.toString().replace("\\", "\\\\") + "\"), \"loaded\"); } catch (Exception e) { }",
        "  }",
        "}", ""));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    assertEquals(0, javac.run(null, diagnostics, diagnostics, "-d", repo.toString(),
        "-cp", System.getProperty("java.class.path"), source.toString()), diagnostics::toString);
    Files.createDirectories(repo.resolve("META-INF/services"));
    Files.writeString(repo.resolve("META-INF/services/dev.nanlint.engine.Rule"), "evil.EvilRule\n");

    MainTest.Run run = MainTest.run("--fail-on", "never", repo.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("1 file scanned"), run.out()); // the rule's source was read as text
    assertFalse(Files.exists(marker), "a class from the scanned tree was loaded");

    // the trap is armed: the same tree on a class path does load the rule
    try (URLClassLoader loader = new URLClassLoader(new URL[] {repo.toUri().toURL()}, getClass().getClassLoader())) {
      assertTrue(BuiltInRules.withServiceLoaded(loader).stream().anyMatch(r -> r.info().name().equals("EvilRule")));
    }
    assertTrue(Files.exists(marker), "loading the rule runs its static initializer");
    Files.delete(marker);
  }

  /** Exact names in the class files' constant pools (class names, method names). */
  private static final List<String> FORBIDDEN = List.of(
      "java/net/Socket", "java/net/ServerSocket", "java/net/DatagramSocket", "java/net/URL",
      "java/net/URLConnection", "java/net/HttpURLConnection", "java/net/http/HttpClient",
      "java/nio/channels/SocketChannel", "java/nio/channels/ServerSocketChannel",
      "java/nio/channels/DatagramChannel", "java/net/URLClassLoader", "java/lang/ProcessBuilder",
      "javax/tools/ToolProvider", "javax/tools/JavaCompiler", "exec", "defineClass", "defineHiddenClass",
      "openConnection", "openStream");

  @Test
  void nanlintsOwnBytecodeNamesNoNetworkProcessCompilerOrClassLoadingApi() throws Exception {
    Map<String, List<String>> uses = new TreeMap<>();
    int classes = 0;
    for (Class<?> module : List.of(Main.class, Linter.class)) { // the command; the engine, analysis and rules
      for (Map.Entry<String, byte[]> c : classFiles(module).entrySet()) {
        classes++;
        for (String name : FORBIDDEN) {
          if (namesInConstantPool(c.getValue(), name)) {
            uses.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(name);
          }
        }
      }
    }
    assertTrue(classes > 50, "found only " + classes + " classes");
    // the one process nanlint starts is itself: TunedJvm reruns Main in java.home's JVM with a capped heap
    assertEquals(Map.of("dev/nanlint/cli/TunedJvm.class", List.of("java/lang/ProcessBuilder")), uses);
    // the check sees what is there: the SARIF report names java.net.URI (a string type, no connection)
    byte[] sarif = classFiles(Main.class).get("dev/nanlint/cli/report/SarifReport.class");
    assertTrue(namesInConstantPool(sarif, "java/net/URI"));
  }

  /** True when the class file holds {@code name} as a CONSTANT_Utf8 entry (tag 1, u2 length, bytes). */
  private static boolean namesInConstantPool(byte[] classFile, String name) {
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    byte[] entry = new byte[utf8.length + 3];
    entry[0] = 1;
    entry[1] = (byte) (utf8.length >> 8);
    entry[2] = (byte) utf8.length;
    System.arraycopy(utf8, 0, entry, 3, utf8.length);
    outer:
    for (int i = 0; i + entry.length <= classFile.length; i++) {
      for (int j = 0; j < entry.length; j++) {
        if (classFile[i + j] != entry[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** The class files of dev.nanlint next to {@code anchor}: a classes directory or a jar. */
  private static Map<String, byte[]> classFiles(Class<?> anchor) throws IOException, URISyntaxException {
    Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    Map<String, byte[]> files = new TreeMap<>();
    if (Files.isDirectory(location)) {
      collect(location, files);
    } else {
      try (FileSystem jar = FileSystems.newFileSystem(location)) {
        collect(jar.getPath("/"), files);
      }
    }
    return files;
  }

  private static void collect(Path root, Map<String, byte[]> files) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name = root.relativize(p).toString().replace('\\', '/');
        if (name.startsWith("dev/nanlint/")) {
          files.put(name, Files.readAllBytes(p));
        }
      }
    }
  }
}
