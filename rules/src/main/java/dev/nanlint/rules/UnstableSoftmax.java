package dev.nanlint.rules;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.Consequences;
import dev.nanlint.analysis.Exponentials;
import dev.nanlint.engine.Nodes;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.Optional;

/**
 * Flags exp of unbounded logits in a hand-written softmax, log-sum-exp or ratio of exponentials, where
 * the max is not subtracted first. See docs/rules/UnstableSoftmax.md.
 */
@RuleInfo(name = "UnstableSoftmax", severity = Severity.WARNING,
    summary = "softmax or log-sum-exp without subtracting the max: exp overflows to Infinity above 709 and Infinity / Infinity is NaN")
public final class UnstableSoftmax implements Levels.ShapeOnlyLevel {
  /** exp overflows float above this (and double above 709.78): a smaller bound on the exponent is safe in both. */
  private static final double FLOAT_EXP_OVERFLOW = 88.7;
  private static final String SHAPE_ONLY = "UnstableSoftmax.shapeOnly";

  @Override
  public void visit(MethodCallExpr call, RuleContext ctx) {
    Analysis a = Analysis.of(ctx);
    Exponentials exps = a.exponentials();
    if (!exps.isExp(call)) {
      return;
    }
    Expression arg = call.getArgument(0);
    if (exps.isBoundedAbove(arg)) {
      return;
    }
    Exponentials.Normalisation use = exps.normalisation(call);
    if (use == null || boundedByFlow(arg, a)) {
      return; // ... or the flow bounds the exponent: exp of a probability, of a clamped or shifted value
    }
    if (a.consequences().of(call, Consequences.NonFinite.INFINITY).fate() == Consequences.Fate.GUARDED) {
      return; // the overflow is caught where it is stored: if (Double.isInfinite(e)) e = Double.MAX_VALUE;
    }
    if (use.inline() != null) {
      // one finding per expression: exp(a) / (exp(a) + exp(b)) or log(exp(a) + exp(b)) is one mistake, reported
      // on its first exp that nothing bounds (by its shape or by the flow)
      Optional<MethodCallExpr> first = Nodes.first(use.inline(), MethodCallExpr.class,
          c -> exps.isExp(c) && !exps.isBoundedAbove(c.getArgument(0)) && !boundedByFlow(c.getArgument(0), a));
      if (first.isPresent() && first.get() != call) {
        return;
      }
    }
    boolean nd4j = a.api().isTransforms(call, "exp");
    Optional<Exponentials.Overflow> mechanism = exps.overflowMechanism(call);
    String effect = use.log()
        ? "the log becomes Infinity"
        : "the normalisation becomes Infinity / Infinity = NaN";
    // the float limit says why itself; a linear score is named after how the exp is used
    String message = call + " overflows to Infinity once " + arg + " exceeds "
        + mechanism.map(Exponentials.Overflow::limit).orElse("709.78") + ", and " + effect + ": " + use.how()
        + mechanism.filter(m -> !m.inFloat()).map(m -> "; " + m.reason()).orElse("");
    String shifted = (isSimple(arg) ? arg.toString() : "(" + arg + ")");
    String fix;
    if (nd4j) {
      fix = "Transforms.softmax(" + arg + "), or Transforms.exp(" + shifted + ".subColumnVector(" + shifted
          + ".max(1))); or Activation.SOFTMAX / LossMCXENT on the logits";
    } else {
      String callee = call.getScope().map(s -> s + ".").orElse("") + call.getNameAsString();
      fix = callee + "(" + arg + " - max) with max the largest exponent of the sum, the same shift in every exp"
          + (use.log() ? ", and max added back: max + Math.log(sum)" : "");
    }
    if (mechanism.isPresent() || Levels.isWarning(ctx.config(), SHAPE_ONLY)) {
      ctx.report(call, message, fix);
    } else {
      // an exponent from a caller, a field or another method: bounded log-probabilities as often as raw scores
      ctx.reportWeaker(call, message + "; nothing here shows how large " + arg + " gets", fix);
    }
  }

  @Override
  public String shapeOnlyKey() {
    return SHAPE_ONLY;
  }

  /** The flow keeps the exponent below where exp overflows in float (and so in double). */
  private static boolean boundedByFlow(Expression exponent, Analysis a) {
    return a.facts().at(exponent).hi() < FLOAT_EXP_OVERFLOW;
  }

  private static boolean isSimple(Expression e) {
    return !(e instanceof BinaryExpr);
  }
}
