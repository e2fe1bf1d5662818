package dev.nanlint.processor;

import static com.google.testing.compile.Compiler.compiler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.tools.Diagnostic;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Under Eclipse's compiler (Eclipse, VS Code) there is no javac Trees API: one NOTE, nothing else, build unchanged. */
class EclipseCompilerTest {

  @TempDir
  Path dir;

  @Test
  void saysSoOnceAndDoesNothing() throws IOException {
    Path source = dir.resolve("Loss.java"); // ECJ reads sources from files only
    Files.writeString(source, String.join("\n",
        "package demo;",
        "class Loss { interface Model { double[] output(); }",
        "  double crossEntropy(Model model, int label) { double[] probs = model.output(); return -Math.log(probs[label]); }",
        "}"));
    Compilation compilation = compiler(new EclipseCompiler())
        .withProcessors(new NanlintProcessor())
        .withOptions("-17", "-proc:only")
        .compile(JavaFileObjects.forResource(source.toUri().toURL()));
    assertEquals(Compilation.Status.SUCCESS, compilation.status(), compilation.diagnostics()::toString);
    long notes = compilation.diagnostics().stream()
        .filter(d -> d.getMessage(Locale.ROOT).contains("does not offer javac's Trees API")).count();
    assertEquals(1, notes, compilation.diagnostics()::toString);
    assertTrue(compilation.diagnostics().stream().noneMatch(d -> d.getKind() != Diagnostic.Kind.NOTE
        && d.getMessage(Locale.ROOT).contains("[UnguardedLog]")), compilation.diagnostics()::toString);
  }
}
