package org.example.nanlint;

import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;

/**
 * {@code Math.exp(800.0)}: exp of a literal above ln(Double.MAX_VALUE) = 709.78 is Infinity, and
 * Infinity soon becomes NaN (Infinity - Infinity, 0 * Infinity). Registered for nanlint in
 * META-INF/services/dev.nanlint.engine.Rule.
 */
@RuleInfo(name = "ExpOfLargeLiteral", severity = Severity.WARNING,
    summary = "Math.exp of a literal above 709.78 is Infinity in double")
public final class ExpOfLargeLiteral implements Rule {
  /** ln(Double.MAX_VALUE): exp of anything larger overflows to Infinity. */
  private static final double LIMIT = Math.log(Double.MAX_VALUE);

  @Override
  public void visit(MethodCallExpr call, RuleContext ctx) {
    if (!call.getNameAsString().equals("exp") || call.getArguments().size() != 1
        || call.getScope().map(s -> !s.toString().equals("Math") && !s.toString().equals("StrictMath")).orElse(true)) {
      return;
    }
    Expression argument = call.getArgument(0);
    double value;
    if (argument instanceof DoubleLiteralExpr d) {
      value = d.asDouble();
    } else if (argument instanceof IntegerLiteralExpr i) {
      value = i.asNumber().doubleValue();
    } else if (argument instanceof LongLiteralExpr l) {
      value = l.asNumber().doubleValue();
    } else {
      return;
    }
    if (value > LIMIT) {
      ctx.report(call, ctx.source(call) + " is Infinity: exp overflows double above " + String.format("%.2f", LIMIT),
          "work in log space (keep " + ctx.source(argument) + " as a log-value), or rescale the argument");
    }
  }
}
