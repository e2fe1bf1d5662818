package dev.nanlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.rules.BuiltInRules;
import dev.nanlint.engine.Config;
import dev.nanlint.engine.ConfigException;
import dev.nanlint.engine.FileResult;
import dev.nanlint.engine.Finding;
import dev.nanlint.engine.Linter;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's contract beyond single rules: parsing, failures, configuration. */
class EngineTest {
  private static final String LOSS = "class L { double f(double[] probs) { return -Math.log(probs[0]); } }";

  @RuleInfo(name = "Crashes", severity = Severity.WARNING, summary = "always throws")
  static final class Crashes implements Rule {
    @Override
    public void visit(MethodCallExpr call, RuleContext ctx) {
      throw new IllegalStateException("boom");
    }
  }

  /** Spins for a millisecond on every call it sees, and counts them. */
  @RuleInfo(name = "Slow", severity = Severity.WARNING, summary = "takes its time")
  static final class Slow implements Rule {
    final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);

    @Override
    public void visit(MethodCallExpr call, RuleContext ctx) {
      calls.incrementAndGet();
      started.countDown();
      long until = System.nanoTime() + 1_000_000;
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
    }
  }

  /** The command's time limit interrupts the worker; the file stops there and the thread comes free. */
  @Test
  void anInterruptedAnalysisStopsAndSaysSo() throws Exception {
    int calls = 20_000; // 20 s of work if nothing stopped it
    String source = "class Big { void f() {\n" + "g();\n".repeat(calls) + "} void g() {} }";
    Slow slow = new Slow();
    FileResult[] result = new FileResult[1];
    Thread worker = new Thread(() -> result[0] = new Linter(List.of(slow), Config.defaults()).lint("Big.java", source));
    worker.start();
    slow.started.await();
    worker.interrupt();
    worker.join();
    assertTrue(slow.calls.get() < calls, "ran to the end: " + slow.calls.get());
    assertEquals(1, result[0].errors().size(), () -> result[0].errors().toString());
    assertTrue(result[0].errors().get(0).message().contains("interrupted"), () -> result[0].errors().toString());
  }

  @Test
  void parseErrorsAreInputErrorsWithAPosition() {
    FileResult r = new Linter(BuiltInRules.all(), Config.defaults()).lint("Bad.java", "class X {\n  void f( {\n}");
    assertEquals(1, r.errors().size());
    assertEquals(2, r.errors().get(0).line());
    assertTrue(r.errors().get(0).message().startsWith("cannot parse: "), r.errors().get(0).message());
    assertTrue(r.findings().isEmpty());
  }

  @Test
  void modernSyntaxParses() {
    String source = "record P(double p) { double f(Object o) { return switch (o) { case P q -> q.p(); default -> 0; }; } }";
    assertTrue(new Linter(BuiltInRules.all(), Config.defaults()).lint("P.java", source).errors().isEmpty());
  }

  /** JavaParser's RAW level cannot read {@code yield 1;} in a switch block; the Java 25 level can. */
  @Test
  void aYieldOfALiteralParses() {
    String source = "class Y { double f(int d, double[] p) {\n"
        + "  int k = switch (d) { case 1 -> 0; default -> { yield 1; } };\n"
        + "  return Math.log(p[k]);\n} }";
    FileResult r = new Linter(BuiltInRules.all(), Config.defaults()).lint("Y.java", source);
    assertTrue(r.errors().isEmpty(), r.errors()::toString);
    assertEquals(List.of("UnguardedLog"), r.findings().stream().map(Finding::rule).toList());
  }

  @Test
  void aThrowingRuleIsReportedAndTheOthersStillRun() {
    List<Rule> rules = new ArrayList<>(BuiltInRules.all());
    rules.add(0, new Crashes());
    FileResult r = new Linter(rules, Config.defaults()).lint("L.java", LOSS);
    assertEquals(1, r.errors().size());
    assertTrue(r.errors().get(0).message().contains("Crashes"), r.errors().get(0).message());
    assertEquals(1, r.findings().size());
    assertEquals("UnguardedLog", r.findings().get(0).rule());
  }

  @Test
  void configDisablesAndOverridesSeverity() throws ConfigException {
    Config severity = Config.parse("severity.UnguardedLog = error", "t.properties", BuiltInRules.all());
    String binaryCrossEntropy = "class L { double f(double y, double p) { return -(y * Math.log(p) + (1 - y) * Math.log(1 - p)); } }";
    FileResult r = new Linter(BuiltInRules.all(), severity).lint("L.java", binaryCrossEntropy);
    assertEquals(Severity.ERROR, r.findings().get(0).severity());
    Config disabled = Config.parse("severity.UnguardedLog = error\ndisable = UnguardedLog, NaNEquality", "t.properties",
        BuiltInRules.all());
    assertTrue(new Linter(BuiltInRules.all(), disabled).lint("L.java", LOSS).findings().isEmpty());
    assertThrows(IllegalArgumentException.class, () -> Severity.parse("fatal"));
  }

  @Test
  void deepExpressionsDoNotEscapeAsStackOverflow() {
    String deep = "class D { double f(double x) { return " + "(".repeat(5000) + "x" + ")".repeat(5000) + "; } }";
    FileResult r = new Linter(BuiltInRules.all(), Config.defaults()).lint("D.java", deep);
    assertTrue(r.findings().isEmpty());
    // on the caller's small stack this may be reported as too deep, but never thrown
    r.errors().forEach(e -> assertTrue(e.message().contains("too deep") || e.message().startsWith("cannot parse"), e.message()));
  }
}
