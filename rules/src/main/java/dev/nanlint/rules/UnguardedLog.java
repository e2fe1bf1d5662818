package dev.nanlint.rules;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.Consequences;
import dev.nanlint.analysis.Flow;
import dev.nanlint.analysis.Value;
import dev.nanlint.analysis.ZeroLogs;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.Optional;

/** Flags log of a value that can reach 0. See docs/rules/UnguardedLog.md. */
@RuleInfo(name = "UnguardedLog", severity = Severity.WARNING,
    summary = "log of a value that can reach 0 returns -Infinity and turns the loss into NaN")
public final class UnguardedLog implements Levels.ShapeOnlyLevel {
  /**
   * How a log is reported when all that shows its argument can be 0 is its shape (a difference, a sum, a
   * value that is decreased), not a probability, a count per class or code that empties the input:
   * {@code note} (the default) or {@code warning} (docs/rules/UnguardedLog.md, "Levels").
   */
  static final String SHAPE_ONLY = "UnguardedLog.shapeOnly";
  /** A log of 0 is -Infinity, of a negative NaN: never +Infinity, so {@code if (logp > c)} keeps both out. */
  private static final Consequences.NonFinite LOG = Consequences.NonFinite.NAN_OR_MINUS_INFINITY;

  @Override
  public void visit(MethodCallExpr call, RuleContext ctx) {
    Analysis a = Analysis.of(ctx);
    boolean javaLog = a.api().isMath(call, "log", "log10");
    boolean nd4jLog = a.api().isTransforms(call, "log");
    boolean log1p = a.api().isMath(call, "log1p");
    if (!(javaLog || nd4jLog || log1p) || call.getArguments().isEmpty()) {
      if (call.getNameAsString().equals("log") && call.getArguments().size() == 1 && a.types().isSameDiffMath(call)) {
        checkSameDiff(call, call.getArgument(0), ctx);
      }
      return;
    }
    Expression arg = call.getArgument(0);
    if (log1p) {
      checkLog1p(call, arg, ctx);
      return;
    }
    // an integer quotient (hits / total) truncates to 0 whenever the numerator is smaller
    Optional<String> truncated = ZeroLogs.truncatedQuotient(arg, a);
    if (truncated.isPresent()) {
      String floating = Flow.strip(arg) instanceof BinaryExpr d && d.getOperator() == BinaryExpr.Operator.DIVIDE
          ? "(double) " + d.getLeft() + " / " + d.getRight() : "a floating quotient (one operand cast to double)";
      ValueFindings.report(ctx, call, call + " is -Infinity when " + arg + " is 0: " + truncated.get(),
          call.getScope().map(sc -> sc + ".").orElse("") + call.getNameAsString() + "(" + floating + ")", null,
          false, LOG);
      return;
    }
    Optional<ZeroLogs.Argument> zero = ZeroLogs.of(call, arg, nd4jLog, a);
    if (zero.isEmpty()) {
      return;
    }
    String eps = Fixes.epsilon(call, a.types().isFloat(arg));
    String callee = call.getScope().map(s -> s + ".").orElse("") + call.getNameAsString();
    String fix = nd4jLog
        ? callee + "(Transforms.max(" + arg + ", " + eps + "))"
        : callee + "(Math.max(" + arg + ", " + eps + ")), or compute the loss from logits (log-softmax)";
    if (zero.get().isContract()) {
      ctx.reportWeaker(call, call + " is -Infinity " + zero.get().when(), fix); // a contract: a note
      return;
    }
    // the clamp keeps every result where the argument is at least eps; an argument that can be negative
    // (a difference) gets no edit: below 0 it is a bug the clamp would hide behind log(eps)
    String replacement = zero.get().canBeNegative() ? null : nd4jLog ? Fixes.nd4jClamp(call, arg, eps, ctx)
        : ctx.sourceReplacing(call, arg, "Math.max(" + ctx.source(arg) + ", " + eps + ")");
    String message = call + " is -Infinity when " + arg + " is 0 and NaN below: " + zero.get().reason();
    // a difference, a sum: the shape alone is a note unless the user asks for warnings
    boolean weak = !zero.get().mechanism() && !Levels.isWarning(ctx.config(), SHAPE_ONLY);
    ValueFindings.report(ctx, call, message, fix, replacement, weak, LOG);
  }

  @Override
  public String shapeOnlyKey() {
    return SHAPE_ONLY;
  }

  /**
   * The facts (SameDiffHandler) say what the SDVariable holds when the graph runs: a probability that reaches 0,
   * a difference, a norm or a sum that can be 0 makes the log -Infinity.
   */
  private static void checkSameDiff(MethodCallExpr call, Expression arg, RuleContext ctx) {
    ZeroLogs.ofSameDiff(arg, Analysis.of(ctx)).ifPresent(why -> ctx.report(call, call + " is -Infinity when " + arg
        + " is 0 and NaN below: " + why,
        "sd.math().log(sd.math().max(" + arg + ", sd.constant(1e-8))), or compute the loss from logits (log-softmax)"));
  }

  /** log1p(x) is -Infinity at x = -1: {@code log1p(-p)} for a probability p that reaches 1. */
  private static void checkLog1p(MethodCallExpr call, Expression arg, RuleContext ctx) {
    if (arg instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
      if (Analysis.of(ctx).consequences().cappedBelowOne(u.getExpression())) {
        return;
      }
      Value inner = Analysis.of(ctx).values().of(u.getExpression());
      if (inner.probability() && inner.risk() != null) {
        String p = u.getExpression().toString();
        String eps = Fixes.epsilonBelowOne(call, Analysis.of(ctx).types().isFloat(arg));
        String replacement = ctx.sourceReplacing(call, u.getExpression(),
            "Math.min(" + ctx.source(u.getExpression()) + ", 1 - " + eps + ")");
        ValueFindings.report(ctx, call, call + " is -Infinity when " + p + " reaches 1: " + p
            + " is a probability", call.getScope().map(s -> s + ".").orElse("") + "log1p(-Math.min(" + p
            + ", 1 - " + eps + "))", replacement, false, LOG);
      }
    }
  }
}
