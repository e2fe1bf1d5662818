package dev.nanlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.rules.BuiltInRules;
import dev.nanlint.engine.Config;
import dev.nanlint.engine.FileResult;
import dev.nanlint.engine.Finding;
import dev.nanlint.engine.Linter;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One finding per expression: rules flagging the same range are reported once, with every reason. */
class SameExpressionTest {
  /** UnguardedLog (warning: a sigmoid kept in float is 0 from a logit of about -104) and LogOfSoftmax (note) flag line 3. */
  private static final String LOG_OF_SIGMOID = """
      class L {
        static float sigmoid(float z) { return (float) (1 / (1 + Math.exp(-z))); }
        double loss(float z) { return Math.log(sigmoid(z)); }%s
      }
      """;

  private static List<Finding> lint(String source, Config config) {
    FileResult r = new Linter(BuiltInRules.all(), config).lint("L.java", source);
    assertTrue(r.errors().isEmpty(), () -> r.errors().toString());
    return r.findings();
  }

  private static List<Finding> lint(String source) {
    return lint(source, Config.defaults());
  }

  @Test
  void theWarningCarriesTheNotesReason() {
    List<Finding> findings = lint(LOG_OF_SIGMOID.formatted(""));
    assertEquals(1, findings.size(), findings::toString);
    Finding f = findings.get(0);
    assertEquals("UnguardedLog", f.rule());
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(List.of("UnguardedLog", "LogOfSoftmax"), f.rules());
    assertEquals(List.of("LogOfSoftmax"), f.also().stream().map(Finding::rule).toList());
    Finding note = f.also().get(0);
    assertEquals(Severity.NOTE, note.severity());
    assertTrue(f.message().startsWith("Math.log(sigmoid(z)) is -Infinity"), f.message());
    assertTrue(f.message().endsWith("; also [LogOfSoftmax] " + note.message()), f.message());
    assertTrue(f.fix().endsWith("; also [LogOfSoftmax] " + note.fix()), f.fix());
    assertEquals("Math.log(Math.max(sigmoid(z), 1e-7f))", f.edit().replacement());
  }

  @Test
  void theMostSevereLeadsAsConfigured() {
    Config noteIsError = Config.defaults().withSeverity("LogOfSoftmax", Severity.ERROR);
    Finding f = lint(LOG_OF_SIGMOID.formatted(""), noteIsError).get(0);
    assertEquals(List.of("LogOfSoftmax", "UnguardedLog"), f.rules());
    assertEquals(Severity.ERROR, f.severity());
    // the edit is the leading rule's: UnguardedLog's clamp is what LogOfSoftmax advises against
    assertNull(f.edit());
    assertTrue(f.fix().contains("; also [UnguardedLog] Math.log(Math.max(sigmoid(z), 1e-7f))"), f.fix());
  }

  @Test
  void suppressingOneRuleRemovesOnlyItsReason() {
    Finding warning = lint(LOG_OF_SIGMOID.formatted(" // nanlint:ignore LogOfSoftmax")).get(0);
    assertEquals(List.of("UnguardedLog"), warning.rules());
    assertTrue(!warning.message().contains("also"), warning.message());

    Finding note = lint(LOG_OF_SIGMOID.formatted(" // nanlint:ignore UnguardedLog")).get(0);
    assertEquals(List.of("LogOfSoftmax"), note.rules());
    assertEquals(Severity.NOTE, note.severity());
    assertNull(note.edit());

    assertEquals(List.of(), lint(LOG_OF_SIGMOID.formatted(" // nanlint:ignore UnguardedLog, LogOfSoftmax")));
    assertEquals(List.of(), lint(LOG_OF_SIGMOID.formatted(" // nanlint:ignore")));
    assertEquals(List.of(), lint(LOG_OF_SIGMOID.formatted("").replace("double loss",
        "@SuppressWarnings({\"nanlint:UnguardedLog\", \"nanlint:LogOfSoftmax\"}) double loss")));
  }

  @RuleInfo(name = "OnCall", severity = Severity.NOTE, summary = "flags log calls")
  static final class OnCall implements Rule {
    @Override
    public void visit(MethodCallExpr call, RuleContext ctx) {
      if (call.getNameAsString().equals("log")) {
        ctx.report(call, "the call", "fix the call");
      }
    }
  }

  @RuleInfo(name = "OnArgument", severity = Severity.WARNING, summary = "flags a log's argument")
  static final class OnArgument implements Rule {
    @Override
    public void visit(MethodCallExpr call, RuleContext ctx) {
      if (call.getNameAsString().equals("log")) {
        ctx.report(call.getArgument(0), "the argument", "fix the argument");
      }
    }
  }

  @RuleInfo(name = "AlsoOnCall", severity = Severity.NOTE, summary = "flags log calls too")
  static final class AlsoOnCall implements Rule {
    @Override
    public void visit(MethodCallExpr call, RuleContext ctx) {
      if (call.getNameAsString().equals("log")) {
        ctx.report(call, "the call again", "fix the call");
      }
    }
  }

  @Test
  void nestedExpressionsStaySeparateAndEqualSeveritiesFollowTheCatalogue() {
    String source = "class L { double f(double a, double b) { return Math.log(a / b); } }";
    List<Finding> findings = new Linter(List.of(new OnCall(), new OnArgument(), new AlsoOnCall()), Config.defaults())
        .lint("L.java", source).findings();
    assertEquals(2, findings.size(), findings::toString);
    Finding call = findings.get(0);
    assertEquals(List.of("OnCall", "AlsoOnCall"), call.rules());
    assertEquals("the call; also [AlsoOnCall] the call again", call.message());
    assertEquals("fix the call", call.fix(), "an identical fix is not repeated");
    assertEquals(List.of("OnArgument"), findings.get(1).rules());
    assertEquals("the argument", findings.get(1).message());
  }
}
