package dev.nanlint.rules;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.Consequences;
import dev.nanlint.analysis.Exponents;
import dev.nanlint.analysis.Printed;
import dev.nanlint.analysis.Value;
import dev.nanlint.analysis.ZeroMechanisms;
import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.analysis.facts.Squares;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.Optional;

/**
 * Flags {@code pow} outside its real domain: a fractional exponent of a base that can be negative
 * (NaN), and a negative exponent of a base that can be 0 (Infinity). See docs/rules/PowDomain.md.
 */
@RuleInfo(name = "PowDomain", severity = Severity.WARNING,
    summary = "pow(b, e) is NaN for b < 0 and a fractional e, and Infinity for b = 0 and a negative e")
public final class PowDomain implements Levels.ShapeOnlyLevel {
  /**
   * How a pow is reported when no mechanism makes its base negative (a variance by subtraction) or 0 (see
   * {@link ZeroMechanisms}), only its unknown sign or its shape: {@code note} (the default) or {@code warning}.
   */
  static final String SHAPE_ONLY = "PowDomain.shapeOnly";

  @Override
  public void visit(MethodCallExpr call, RuleContext ctx) {
    Analysis a = Analysis.of(ctx);
    boolean nd4j = a.api().isTransforms(call, "pow");
    if (!(nd4j || a.api().isMath(call, "pow")) || call.getArguments().size() < 2) {
      return;
    }
    Expression base = call.getArgument(0);
    Expression exponent = call.getArgument(1);
    Value b = a.values().of(base); // the evidence; the flow facts withdraw what they disprove where pow runs
    boolean isFloat = a.types().isFloat(base);
    String callee = call.getScope().map(s -> s + ".").orElse("") + call.getNameAsString();
    boolean shapesWarn = Levels.isWarning(ctx.config(), SHAPE_ONLY);
    if (b.risk() == null) {
      return; // both findings need the value's evidence: no flow analysis of the method for a safe base
    }
    NumFact fact = a.facts().at(base);
    if (b.canBeNegative() && b.risk() != null && Exponents.canBeFractional(exponent, a) && fact.canBeNegative()) {
      // a variance by subtraction goes negative by rounding: a mechanism; an unknown sign alone is a note
      boolean cancels = fact.has(NumFact.Tag.CANCELLATION);
      // a negative exponent also makes Infinity at 0, which a guard like `if (r > 0)` lets through
      ValueFindings.report(ctx, call, call + " is NaN when " + base + " is negative: the exponent " + exponent
          + " can be fractional, and nothing keeps " + base + " non-negative"
          + Squares.cancellation(fact, Printed.of(base)).map(why -> ": " + why).orElse(difference(base)),
          nanFix(a, callee, base, exponent, nd4j), null, !(cancels || shapesWarn),
          Exponents.canBeNegative(exponent, a) ? Consequences.NonFinite.ANY : Consequences.NonFinite.NAN);
      return;
    }
    if (b.canBeZero() && b.risk() != null && Exponents.canBeNegative(exponent, a) && fact.canBeZero()) {
      String eps = Fixes.epsilon(call, isFloat);
      String fix = nd4j
          ? callee + "(Transforms.max(" + base + ", " + eps + "), " + exponent + ")"
          : callee + "(Math.max(" + base + ", " + eps + "), " + exponent + ")";
      boolean mechanism = ZeroMechanisms.shown(base, fact, b, Optional.empty(), a) || shapesWarn;
      ValueFindings.report(ctx, call, call + " is Infinity when " + base + " is 0, because the exponent " + exponent
          + " can be negative: " + b.risk(), fix, null, !mechanism, Consequences.NonFinite.ANY);
    }
  }

  @Override
  public String shapeOnlyKey() {
    return SHAPE_ONLY;
  }

  private static String difference(Expression base) {
    Expression x = base;
    while (x instanceof EnclosedExpr en) {
      x = en.getInner();
    }
    return x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MINUS ? " (it is a difference)" : "";
  }

  private static String nanFix(Analysis a, String callee, Expression base, Expression exponent, boolean nd4j) {
    if (nd4j) {
      return callee + "(Transforms.max(" + base + ", 0.0), " + exponent + ")";
    }
    double k = a.constants().value(exponent);
    if (k == 0.5) {
      return "Math.sqrt(Math.max(" + base + ", 0.0))";
    }
    if (Math.abs(k - 1.0 / 3) < 1e-12) {
      return "Math.cbrt(" + base + ") (defined for negative values)";
    }
    return callee + "(Math.max(" + base + ", 0.0), " + exponent + "), or Math.signum(" + base + ") * "
        + callee + "(Math.abs(" + base + "), " + exponent + ") to keep the sign";
  }
}
