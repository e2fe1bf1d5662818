package dev.nanlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nanlint.engine.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files a scan reads: build output is skipped only where it is build output. */
class SourceFilesTest {
  @TempDir
  Path dir;

  private void write(String name) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, name.endsWith(".java") ? "class A {}\n" : "<project/>\n");
  }

  private List<String> find(Path... roots) {
    List<InputError> errors = new ArrayList<>();
    List<Path> files = SourceFiles.find(List.of(roots), List.of(), errors);
    assertEquals(List.of(), errors);
    return files.stream().map(f -> dir.relativize(f).toString().replace('\\', '/')).toList();
  }

  @Test
  void outputBesideABuildFileIsSkippedAPackageNamedTargetIsNot() throws IOException {
    write("pom.xml");
    write("target/generated-sources/annotations/Gen.java");
    write("target/classes/Copied.java");
    write("src/main/java/org/encog/util/normalize/target/NormalizationTarget.java");
    write("src/main/java/org/acme/build/Builder.java");
    write("src/main/java/org/acme/out/Output.java");
    write("src/main/java/org/acme/bin/Binning.java");
    write("app/build.gradle.kts");
    write("app/build/generated/sources/Gen.java");
    write("app/src/main/java/Main.java");
    write("legacy/build.xml");
    write("legacy/bin/Copied.java");
    write("ide/out/production/Copied.java"); // IntelliJ output with no build file or marker: scanned
    assertEquals(List.of(
        "app/src/main/java/Main.java",
        "ide/out/production/Copied.java",
        "src/main/java/org/acme/bin/Binning.java",
        "src/main/java/org/acme/build/Builder.java",
        "src/main/java/org/acme/out/Output.java",
        "src/main/java/org/encog/util/normalize/target/NormalizationTarget.java"), find(dir));
  }

  @Test
  void outputWithAToolsMarkerIsSkippedWithoutABuildFile() throws IOException {
    write("sub/build/test-results/test/TEST-x.xml");
    write("sub/build/generated/Gen.java");
    write("copy/target/maven-status/compiler.lst");
    write("copy/target/Gen.java");
    write("sub/src/A.java");
    assertEquals(List.of("sub/src/A.java"), find(dir));
  }

  @Test
  void aDirectoryTheUserNamesIsScannedWhateverItIs() throws IOException {
    write("pom.xml");
    write("target/generated-sources/annotations/Gen.java");
    write("target/classes/Copied.java");
    // the named directory is scanned; the tool-state directories inside it are still skipped
    assertEquals(List.of("target/classes/Copied.java"), find(dir.resolve("target")));
    assertEquals(List.of("target/generated-sources/annotations/Gen.java"),
        find(dir.resolve("target/generated-sources")));
  }
}
