package dev.nanlint.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.Consequences;
import dev.nanlint.analysis.Printed;
import dev.nanlint.analysis.Roots;
import dev.nanlint.analysis.Value;
import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.analysis.facts.Squares;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.Optional;
import java.util.Set;

/**
 * Flags sqrt of a value that can be negative (a difference; a variance computed as E[x²] - E[x]²), and
 * division by the sqrt of an optimiser's second moment that is still 0. Division by a sqrt whose
 * argument {@link dev.nanlint.analysis.Values} already knows can be 0 belongs to UnguardedDivision and
 * is not reported twice. See docs/rules/UnguardedSqrt.md.
 */
@RuleInfo(name = "UnguardedSqrt", severity = Severity.WARNING,
    summary = "sqrt of a difference or variance that rounding pushes below 0 is NaN; x / sqrt(v) with v still 0 is Infinity/NaN")
public final class UnguardedSqrt implements Rule {
  private static final Set<String> DIVIDE_METHODS = Set.of("div", "divi", "divRowVector", "diviRowVector",
      "divColumnVector", "diviColumnVector");

  @Override
  public void visit(MethodCallExpr call, RuleContext ctx) {
    Analysis a = Analysis.of(ctx);
    Roots roots = a.roots();
    if (roots.isSqrt(call)) {
      Negative negative = negativeArgument(call, a);
      if (negative != null) {
        Expression arg = call.getArgument(0);
        boolean nd4j = a.api().isTransforms(call, "sqrt");
        String clamp = nd4j ? "Transforms.sqrt(Transforms.max(" + arg + ", 0.0))" : callee(call) + "(Math.max(" + arg + ", 0.0))";
        String better = negative.variance()
            ? (nd4j ? ", or let ND4J compute the variance from centred values: x.var(false, dim)"
                : ", or compute the variance from centred values (two passes, or Welford's update)")
            : "";
        String replacement = nd4j ? Fixes.nd4jClamp(call, arg, "0.0", ctx)
            : ctx.sourceReplacing(call, arg, "Math.max(" + ctx.source(arg) + ", 0.0)");
        ValueFindings.report(ctx, call, call + " is NaN when " + arg + " is below 0: " + negative.reason(), clamp + better,
            replacement, false, Consequences.NonFinite.NAN);
      }
      return;
    }
    String name = call.getNameAsString();
    if (call.getScope().isEmpty() || call.getArguments().isEmpty()) {
      return;
    }
    Expression receiver = call.getScope().get();
    if (DIVIDE_METHODS.contains(name)) {
      checkDivisor(call, receiver, call.getArgument(0), true, ctx);
    } else if (name.equals("rdiv") || name.equals("rdivi")) {
      checkDivisor(call, call.getArgument(0), receiver, true, ctx);
    }
  }

  @Override
  public void visit(BinaryExpr binary, RuleContext ctx) {
    if (binary.getOperator() == BinaryExpr.Operator.DIVIDE) {
      checkDivisor(binary, binary.getLeft(), binary.getRight(), false, ctx);
    }
  }

  @Override
  public void visit(AssignExpr assign, RuleContext ctx) {
    if (assign.getOperator() == AssignExpr.Operator.DIVIDE) {
      checkDivisor(assign, assign.getTarget(), assign.getValue(), false, ctx);
    }
  }

  /**
   * {@code x / sqrt(v)}: reported here only when the evidence that v can be 0 is the sqrt-specific kind
   * (v accumulates squares from 0). When the divisor's own value already says it can be 0 (a sum of
   * squares, a norm, a count), the division is UnguardedDivision's finding, and this rule stays silent
   * even where that rule's scope (numeric code) keeps it quiet: one owner per division.
   */
  private static void checkDivisor(Node division, Expression numerator, Expression divisor, boolean nd4jCall,
      RuleContext ctx) {
    Analysis a = Analysis.of(ctx);
    MethodCallExpr sqrt = a.roots().sqrtDivisor(divisor);
    if (sqrt == null || negativeArgument(sqrt, a) != null) {
      return; // not a root, or already reported on the sqrt itself
    }
    Value value = a.values().of(divisor);
    if (!value.canBeZero() || !a.facts().at(divisor).canBeZero()) {
      return; // an epsilon, a clamp or a guard, or the flow proves it non-zero here
    }
    if (value.hasRisk()) {
      return; // the divisor's own value says it can be 0: UnguardedDivision's finding, within that rule's scope
    }
    Expression arg = sqrt.getArgument(0);
    String reason = a.roots().zeroMoment(arg);
    if (reason == null) {
      return;
    }
    // a root is never negative, so Math.max(sqrt, eps) keeps every result where the root is at least eps
    Fixes.Guard guard = nd4jCall ? null : Fixes.divisionGuard(division, divisor, ctx);
    String eps = Fixes.epsilon(division, a.types().isFloat(arg));
    String fix = nd4jCall
        ? numerator + "." + ((MethodCallExpr) division).getNameAsString() + "(" + divisor + ".add(" + eps + "))"
        : numerator + " / " + (guard != null ? guard.divisor() : "Math.max(" + divisor + ", " + eps + ")");
    String replacement = guard == null ? null : guard.replacement();
    ValueFindings.report(ctx, (Expression) division, "dividing by " + divisor + " gives Infinity, or NaN (0 / 0), while " + arg + " is 0: "
        + reason, fix, replacement);
  }

  /** Why a root's argument can be negative, for a message, and whether it is a variance by subtraction. */
  private record Negative(String reason, boolean variance) {}

  /**
   * Why the argument of {@code sqrt} can be below 0 where the root is taken, or null. The flow facts
   * decide: a difference that cancels a square (a variance by subtraction, also through the locals
   * holding it), unless a check or clamp on the way keeps it non-negative; an expanded square
   * ({@code |a|² + |b|² - 2a·b}) is still recognised by its shape ({@link Roots}).
   */
  private static Negative negativeArgument(MethodCallExpr sqrt, Analysis a) {
    if (!a.facts().maySubtract(sqrt.getArgument(0))) {
      return null; // nothing in or behind the argument subtracts: no cancellation, no expanded square
    }
    NumFact fact = a.facts().at(sqrt.getArgument(0));
    if (!fact.canBeNegative()) {
      return null;
    }
    Optional<String> cancels = Squares.cancellation(fact, Printed.of(sqrt.getArgument(0)));
    if (cancels.isPresent()) {
      return new Negative(cancels.get(), true);
    }
    String expanded = a.roots().expandedSquare(sqrt);
    return expanded == null ? null : new Negative(expanded, false);
  }

  private static String callee(MethodCallExpr call) {
    return call.getScope().map(s -> s + ".").orElse("") + call.getNameAsString();
  }
}
