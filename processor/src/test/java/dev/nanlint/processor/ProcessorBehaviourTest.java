package dev.nanlint.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ast.expr.MethodCallExpr;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.nanlint.rules.BuiltInRules;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.ForwardingJavaFileObject;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** How the processor behaves inside javac: positions, options, and never breaking the build. */
class ProcessorBehaviourTest {
  private static final JavaFileObject LOSS = JavaFileObjects.forSourceLines("demo.Loss",
      "package demo;",
      "",
      "class Loss { interface Model { double[] output(); }",
      "  double crossEntropy(Model model, int label) { double[] probs = model.output();",
      "    return -Math.log(probs[label]);",
      "  }",
      "}");

  @RuleInfo(name = "AlwaysThrows", severity = Severity.WARNING, summary = "test rule that crashes")
  static final class AlwaysThrows implements Rule {
    @Override
    public void visit(MethodCallExpr call, RuleContext ctx) {
      throw new IllegalStateException("boom");
    }
  }

  @Test
  void reportsAtTheExactLineAndColumnWithRuleAndFix() {
    Compilation compilation = javac().withProcessors(new NanlintProcessor()).compile(LOSS);
    assertEquals(Compilation.Status.SUCCESS, compilation.status());
    List<Diagnostic<? extends JavaFileObject>> warnings = nanlint(compilation);
    assertEquals(1, warnings.size(), warnings::toString);
    Diagnostic<? extends JavaFileObject> w = warnings.get(0);
    assertEquals(Diagnostic.Kind.MANDATORY_WARNING, w.getKind());
    assertEquals(5, w.getLineNumber());
    assertEquals(13, w.getColumnNumber()); // the M of Math.log, as the command reports it
    String message = w.getMessage(Locale.ROOT);
    assertTrue(message.startsWith("[UnguardedLog] Math.log(probs[label]) is -Infinity"), message);
    assertEquals("Did you mean 'Math.log(Math.max(probs[label], 1e-12))'?", lastLine(message)); // the message ends with it
  }

  @Test
  void aMechanicalFixIsASuggestionAndAdviceStaysAFixLine() {
    JavaFileObject checks = JavaFileObjects.forSourceLines("demo.Checks",
        "package demo;",
        "class Checks {",
        "  boolean diverged(double loss) { return loss != Double.NaN; }",
        "  boolean above(double loss) { return loss > Double.NaN; }",
        "}");
    Compilation compilation = javac().withProcessors(new NanlintProcessor()).compile(checks);
    List<Diagnostic<? extends JavaFileObject>> findings = nanlint(compilation);
    assertEquals(2, findings.size(), findings::toString);
    String edit = findings.get(0).getMessage(Locale.ROOT);
    assertTrue(edit.startsWith("[NaNEquality] loss != Double.NaN is always true"), edit);
    assertEquals("Did you mean '!Double.isNaN(loss)'?", lastLine(edit));
    assertTrue(!edit.contains("fix:"), edit);
    String advice = findings.get(1).getMessage(Locale.ROOT);
    assertEquals("fix: Double.isNaN(loss)", lastLine(advice)); // no edit: isNaN would change behaviour
    assertTrue(!advice.contains("Did you mean"), advice);
  }

  @Test
  void aThrowingRuleBecomesANoteAndOtherRulesStillReport() {
    List<Rule> rules = new ArrayList<>(BuiltInRules.all());
    rules.add(0, new AlwaysThrows());
    Compilation compilation = javac().withProcessors(new NanlintProcessor(rules)).compile(LOSS);
    assertEquals(Compilation.Status.SUCCESS, compilation.status());
    assertTrue(compilation.notes().stream().anyMatch(n -> n.getMessage(Locale.ROOT).contains("AlwaysThrows")
        && n.getMessage(Locale.ROOT).contains("Loss.java")), () -> compilation.notes().toString());
    assertEquals(1, nanlint(compilation).size());
  }

  @Test
  void werrorTurnsFindingsIntoErrors() {
    Compilation compilation = javac().withProcessors(new NanlintProcessor())
        .withOptions("-Ananlint.werror=true").compile(LOSS);
    assertEquals(Compilation.Status.FAILURE, compilation.status());
    assertTrue(compilation.errors().get(0).getMessage(Locale.ROOT).startsWith("[UnguardedLog]"));
  }

  @Test
  void findingsArriveEvenWhenJavacStopsAfterProcessing() {
    Compilation compilation = javac().withProcessors(new NanlintProcessor()).withOptions("-proc:only").compile(LOSS);
    assertEquals(1, nanlint(compilation).size(), compilation.diagnostics()::toString);
  }

  @Test
  void aFileThatDoesNotCompileIsStillAnalysedAndTheBuildResultIsJavacs() {
    JavaFileObject broken = JavaFileObjects.forSourceLines("demo.Broken",
        "package demo;",
        "class Broken { interface Model { double[] output(); }",
        "  double f(Model model) { double[] probs = model.output(); return -Math.log(probs[0]) + undefinedVariable; }",
        "}");
    Compilation compilation = javac().withProcessors(new NanlintProcessor()).compile(broken);
    assertEquals(Compilation.Status.FAILURE, compilation.status());
    assertTrue(compilation.errors().stream().allMatch(e -> e.getMessage(Locale.ROOT).contains("undefinedVariable")),
        compilation.errors()::toString);
  }

  @Test
  void disabledRulesAreSilent() {
    Compilation compilation = javac().withProcessors(new NanlintProcessor())
        .withOptions("-Ananlint.disable=UnguardedLog").compile(LOSS);
    assertEquals(Compilation.Status.SUCCESS, compilation.status());
    assertTrue(nanlint(compilation).isEmpty());
  }

  @Test
  void plainWarningKindOnRequest() {
    Compilation compilation = javac().withProcessors(new NanlintProcessor())
        .withOptions("-Ananlint.warningKind=WARNING").compile(LOSS);
    assertEquals(Diagnostic.Kind.WARNING, nanlint(compilation).get(0).getKind());
  }

  @Test
  void suppressWarningsIsHonoured() {
    JavaFileObject suppressed = JavaFileObjects.forSourceLines("demo.Quiet",
        "package demo;",
        "class Quiet {",
        "  @SuppressWarnings(\"nanlint:UnguardedLog\")",
        "  double crossEntropy(Model model, int label) { double[] probs = model.output(); return -Math.log(probs[label]); }",
        "}");
    Compilation compilation = javac().withProcessors(new NanlintProcessor()).compile(suppressed);
    assertTrue(nanlint(compilation).isEmpty());
  }

  /**
   * A source file whose content depends on who reads it: javac gets {@code javacSees}; nanlint (any read
   * with NanlintProcessor on the stack) gets {@code nanlintSees}, or an IOException when that is null.
   * As a build tool's own JavaFileObject would after the file was deleted or rewritten mid-build.
   */
  static final class ChangingSource extends ForwardingJavaFileObject<JavaFileObject> {
    private final JavaFileObject nanlintSees;

    ChangingSource(JavaFileObject javacSees, JavaFileObject nanlintSees) {
      super(javacSees);
      this.nanlintSees = nanlintSees;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) throws IOException {
      boolean nanlintReads = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
          .walk(frames -> frames.anyMatch(f -> f.getDeclaringClass() == NanlintProcessor.class));
      if (!nanlintReads) {
        return super.getCharContent(ignoreEncodingErrors);
      }
      if (nanlintSees == null) {
        throw new IOException("Loss.java was deleted during the build");
      }
      return nanlintSees.getCharContent(ignoreEncodingErrors);
    }
  }

  @Test
  void aSourceFileNanlintCannotReadBecomesANoteAndTheBuildIsJavacs() {
    JavaFileObject source = new ChangingSource(LOSS, null);
    Compilation compilation = javac().withProcessors(new NanlintProcessor()).compile(source);
    assertEquals(List.of("nanlint: cannot read demo/Loss.java (java.io.IOException: Loss.java was deleted during"
        + " the build), so it was not analysed"), messages(compilation.notes()));
    assertTrue(nanlint(compilation).isEmpty(), compilation.diagnostics()::toString);
    assertSameResultAsWithoutNanlint(compilation, source);
  }

  /**
   * javac compiled one text and nanlint read another (the file was rewritten mid-build), so the lines
   * of nanlint's findings are not lines of javac's tree: a NOTE names file and rule, and the finding is
   * printed by line, never pinned to whatever expression javac has at that offset.
   */
  @Test
  void aFindingThatDoesNotMapOntoJavacsTreeBecomesANote() {
    JavaFileObject javacSees = JavaFileObjects.forSourceLines("demo.Loss",
        "package demo;",
        "class Loss { interface Model { double[] output(); }",
        "  double twice(double x) { return Math.abs(x * 2); }",
        "}");
    JavaFileObject nanlintSees = JavaFileObjects.forSourceLines("demo.Loss",
        "package demo;",
        "// rewritten",
        "// during the build",
        "class Loss { interface Model { double[] output(); }",
        "  double crossEntropy(Model model, int label) { double[] probs = model.output();",
        "    return -Math.log(probs[label]);",
        "  }",
        "}");
    JavaFileObject source = new ChangingSource(javacSees, nanlintSees);
    Compilation compilation = javac().withProcessors(new NanlintProcessor()).compile(source);
    assertEquals(List.of("nanlint: [UnguardedLog] at demo/Loss.java:6 is not on a line of the text javac compiled"
        + " (did the file change during the build?); reported without a column"), messages(compilation.notes()));
    List<Diagnostic<? extends JavaFileObject>> findings = compilation.diagnostics().stream()
        .filter(d -> d.getMessage(Locale.ROOT).contains("[UnguardedLog]") && d.getKind() != Diagnostic.Kind.NOTE)
        .toList();
    assertEquals(1, findings.size(), findings::toString);
    assertEquals(Diagnostic.NOPOS, findings.get(0).getPosition(), "not placed on javac's tree");
    assertTrue(findings.get(0).getMessage(Locale.ROOT).startsWith("demo/Loss.java:6: [UnguardedLog]"),
        findings.get(0)::toString);
    assertSameResultAsWithoutNanlint(compilation, source);
  }

  /** Same status, same errors and byte-identical class files as javac alone. */
  private static void assertSameResultAsWithoutNanlint(Compilation withNanlint, JavaFileObject... sources) {
    Compilation alone = javac().compile(sources);
    assertEquals(alone.status(), withNanlint.status());
    assertEquals(messages(alone.errors()), messages(withNanlint.errors()));
    assertEquals(alone.generatedFiles().size(), withNanlint.generatedFiles().size());
    for (int i = 0; i < alone.generatedFiles().size(); i++) {
      JavaFileObject a = alone.generatedFiles().get(i);
      JavaFileObject b = withNanlint.generatedFiles().get(i);
      assertEquals(a.toUri(), b.toUri());
      try (var inA = a.openInputStream(); var inB = b.openInputStream()) {
        assertTrue(java.util.Arrays.equals(inA.readAllBytes(), inB.readAllBytes()), a.toUri() + " differs");
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
    assertTrue(!alone.generatedFiles().isEmpty() || alone.status() == Compilation.Status.FAILURE);
  }

  private static List<String> messages(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    return diagnostics.stream().map(d -> d.getMessage(Locale.ROOT)).toList();
  }

  /** The message's last line, without javac's indentation. */
  private static String lastLine(String message) {
    String[] lines = message.split("\\R");
    return lines[lines.length - 1].trim();
  }

  private static List<Diagnostic<? extends JavaFileObject>> nanlint(Compilation compilation) {
    return compilation.diagnostics().stream()
        .filter(d -> d.getMessage(Locale.ROOT).startsWith("["))
        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
        .collect(java.util.stream.Collectors.toList());
  }
}
