package dev.nanlint.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.Flow;
import dev.nanlint.analysis.ZeroDivisors;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.Optional;
import java.util.Set;

/**
 * Flags floating division by a value that can be 0 (a sum, count, size, norm, std or difference) in
 * loss, gradient, normalisation and metric code. See docs/rules/UnguardedDivision.md.
 */
@RuleInfo(name = "UnguardedDivision", severity = Severity.WARNING,
    summary = "floating division by a sum, count, norm or difference that can be 0 yields NaN/Infinity silently")
public final class UnguardedDivision implements Levels.ShapeOnlyLevel {
  /**
   * How a division by the length or size of an input that only a caller could pass empty is reported:
   * {@code note} (the default: a contract) or {@code warning} (the strict reading).
   */
  static final String EMPTY_INPUTS = "UnguardedDivision.emptyInputs";
  /**
   * How a division is reported when all that shows its divisor can be 0 is its shape (a difference, a sum, a
   * size, a count): {@code note} (the default) or {@code warning}. Two strict reviews of code nobody here had
   * tuned on found 3 true of 86 such warnings (docs/rules/UnguardedDivision.md, "Levels").
   */
  static final String SHAPE_ONLY = "UnguardedDivision.shapeOnly";

  @Override
  public void visit(BinaryExpr binary, RuleContext ctx) {
    if (binary.getOperator() != BinaryExpr.Operator.DIVIDE) {
      return;
    }
    Analysis a = Analysis.of(ctx);
    if (a.types().isFloating(binary.getLeft()) || a.types().isFloating(binary.getRight())) {
      check(binary, binary.getLeft(), binary.getRight(), ctx);
    }
  }

  @Override
  public void visit(AssignExpr assign, RuleContext ctx) {
    if (assign.getOperator() == AssignExpr.Operator.DIVIDE && Analysis.of(ctx).types().isFloating(assign.getTarget())) {
      check(assign, assign.getTarget(), assign.getValue(), ctx);
    }
  }

  /** The INDArray methods handled below: the name is checked before the receiver's type, which costs more. */
  private static final Set<String> DIVISIONS = Set.of("div", "divi", "divRowVector",
      "diviRowVector", "divColumnVector", "diviColumnVector", "rdiv", "rdivi", "rdivRowVector", "rdiviRowVector",
      "rdivColumnVector", "rdiviColumnVector");

  @Override
  public void visit(MethodCallExpr call, RuleContext ctx) {
    String name = call.getNameAsString();
    if (!DIVISIONS.contains(name) || call.getArguments().isEmpty() || call.getScope().isEmpty()) {
      return;
    }
    if (name.equals("div") && call.getArguments().size() == 1 && isSdVariable(call.getScope().get(), ctx)) {
      checkSameDiff(call, call.getScope().get(), call.getArgument(0), ctx);
      return;
    }
    if (!Analysis.of(ctx).types().isIndArray(call.getScope().get())) {
      return;
    }
    Expression receiver = call.getScope().get();
    if (name.startsWith("rdiv")) { // the argument divided by the receiver
      check(call, call.getArgument(0), receiver, ctx);
    } else {
      check(call, receiver, call.getArgument(0), ctx);
    }
  }

  private static void check(Node division, Expression numerator, Expression denominator, RuleContext ctx) {
    Optional<ZeroDivisors.Divisor> zero = ZeroDivisors.of(division, denominator, Analysis.of(ctx));
    if (zero.isEmpty()) {
      return;
    }
    ZeroDivisors.Divisor d = zero.get();
    Fixes.Suggestion suggestion = Fixes.division(division, numerator, denominator, d.nonNegative(), ctx);
    String fix = suggestion.fix();
    String replacement = suggestion.replacement();
    if (!d.isContract()) {
      String message = "dividing by " + denominator + " gives NaN or Infinity when it is 0: " + d.shown();
      if (d.mechanism() || !d.unnamed() && Levels.isWarning(ctx.config(), SHAPE_ONLY)) {
        ValueFindings.report(ctx, (Expression) division, message, fix, replacement);
      } else {
        ValueFindings.note(ctx, (Expression) division, message, fix, replacement);
      }
    } else {
      String message = "dividing by " + denominator + " gives NaN or Infinity " + d.when();
      if (d.isAboutSize() && Levels.isWarning(ctx.config(), EMPTY_INPUTS) && !d.unnamed()) {
        ValueFindings.report(ctx, (Expression) division, message, fix, replacement);
      } else {
        ctx.reportWeaker(division, message, fix); // a contract: a note, not a warning (issue 15 item 5)
      }
    }
  }

  @Override
  public String shapeOnlyKey() {
    return SHAPE_ONLY;
  }

  @Override
  public Set<String> configKeys() {
    return Set.of(EMPTY_INPUTS, SHAPE_ONLY); // both are levels: Levels.check reads either
  }

  private static boolean isSdVariable(Expression e, RuleContext ctx) {
    return Analysis.of(ctx).types().typeOf(Flow.strip(e)).equals("SDVariable");
  }

  /**
   * {@code a.div(b)} on SameDiff variables: the facts (SameDiffHandler) say what {@code b} holds when the graph
   * runs; a norm, a sum of non-negatives, a difference or a spread that can be 0 makes the quotient NaN/Infinity.
   */
  private static void checkSameDiff(MethodCallExpr call, Expression numerator, Expression denominator, RuleContext ctx) {
    ZeroDivisors.ofSameDiff(denominator, Analysis.of(ctx)).ifPresent(why -> ctx.report(call, "dividing by "
        + denominator + " gives NaN or Infinity when it is 0: " + why,
        numerator + ".div(sd.math().max(" + denominator + ", sd.constant(1e-8)))"));
  }
}
