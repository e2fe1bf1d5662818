package dev.nanlint.rules;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.Optional;

/**
 * Flags {@code acos}/{@code asin} of a computed cosine or ratio that is not clamped to [-1, 1]:
 * rounding pushes such values just past 1 and the result is NaN. See docs/rules/InverseTrigDomain.md.
 */
@RuleInfo(name = "InverseTrigDomain", severity = Severity.WARNING,
    summary = "acos/asin of a computed cosine or ratio is NaN when rounding pushes it past ±1")
public final class InverseTrigDomain implements Rule {

  @Override
  public void visit(MethodCallExpr call, RuleContext ctx) {
    Analysis a = Analysis.of(ctx);
    boolean nd4j = a.api().isTransforms(call, "acos", "asin");
    if (!(nd4j || a.api().isMath(call, "acos", "asin")) || call.getArguments().isEmpty()) {
      return;
    }
    Expression arg = call.getArgument(0);
    Optional<String> computed = a.origins().cosineOrRatio(arg);
    if (computed.isEmpty()) {
      return;
    }
    // A bound at the top is enough: that is where rounding overshoots (a vector compared with itself or a
    // duplicate gives 1.0000000000000002); a one-sided Math.min(1.0, c) shows the domain was handled. The
    // flow facts see clamps, the branches of checks and assignments that cap the value on every path.
    if (a.facts().at(arg).hi() <= 1.0) {
      return;
    }
    String callee = call.getScope().map(s -> s + ".").orElse("") + call.getNameAsString();
    String fix = nd4j
        ? callee + "(Transforms.min(Transforms.max(" + arg + ", -1.0), 1.0))"
        : callee + "(Math.max(-1.0, Math.min(1.0, " + arg + ")))";
    ctx.report(call, call + " is NaN when " + arg + " rounds past ±1 (1.0000000000000002 is enough): "
        + computed.get() + ", not clamped to [-1, 1]", fix);
  }
}
