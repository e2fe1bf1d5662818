package dev.nanlint.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.Scope;
import dev.nanlint.analysis.ZeroContracts;
import dev.nanlint.analysis.ZeroMechanisms;
import dev.nanlint.analysis.Flow;
import dev.nanlint.analysis.Value;
import dev.nanlint.analysis.facts.Degenerate;
import dev.nanlint.analysis.facts.NumFact;
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
    Analysis a = Analysis.of(ctx);
    Scope.Division where = Scope.ofDivision(division, denominator, a);
    if (where == Scope.Division.OUTSIDE) {
      return;
    }
    boolean named = where == Scope.Division.NAMED;
    // known as numeric code by its imports or by what it computes, not by its names: at most a note
    boolean unnamed = where == Scope.Division.ML_LIBRARY_USER || where == Scope.Division.DATA_REDUCTION;
    boolean integral = a.types().isIntegral(Flow.strip(denominator)); // a counter, or an integer quotient
    Value value = a.values().of(denominator);
    boolean risky = value.canBeZero() && value.hasRisk();
    // an element of an array field filled elsewhere in the file: its fact comes from those writes
    boolean summarised = !risky && a.facts().isSummarisedElement(Flow.strip(denominator));
    if (!risky && !(integral && a.facts().mayCountOrTruncate(Flow.strip(denominator)))
        && !ZeroContracts.mayMeasure(denominator, a) && !summarised) {
      return; // nothing says it can be 0: no need to run the flow analysis of the method
    }
    NumFact fact = a.facts().at(denominator);
    if (!named && !unnamed && !fact.has(NumFact.Tag.COUNT)) {
      return;
    }
    if (!fact.canBeZero() || a.values().guards().repairedAfterwards(division)
        || a.values().guards().zeroCaseConsidered(denominator)) {
      return; // the flow proves it non-zero here, or the code handles the zero case
    }
    // a count the flow shows can stay 0 (incremented only under a condition) is a risk in its own words
    String risk = fact.has(NumFact.Tag.TRUNCATED_QUOTIENT) ? fact.reasons() : risky ? value.risk()
        : (fact.has(NumFact.Tag.CONDITIONAL_COUNT) || summarised && Degenerate.isZeroOnDegenerateData(fact))
        && !fact.evidence().isEmpty() ? fact.reasons() : null;
    Optional<ZeroContracts.Reading> reading = Optional.empty();
    if (risk == null) {
      // the facts alone may still see a zero: a counter stepped once per element, a sum of two lengths,
      // integers read from an input
      reading = ZeroContracts.ofFactsAlone(division, denominator, fact, a);
      if (reading.isEmpty()) {
        return;
      }
      risk = reading.get().isContract() ? reading.get().when() : reading.get().shown();
    }
    String den = denominator.toString();
    Fixes.Suggestion suggestion = Fixes.division(division, numerator, denominator, value.isNonNegative(), ctx);
    String fix = suggestion.fix();
    String replacement = suggestion.replacement();
    if (reading.isEmpty()) {
      reading = ZeroContracts.of(division, denominator, fact, a);
      if (reading.isPresent() && ZeroContracts.ruledOut(reading.get(), division, a)) {
        return; // an emptiness check the flow could not follow keeps the division from an empty input
      }
    }
    boolean mechanism = !unnamed && (ZeroMechanisms.shown(denominator, fact, value, reading, a)
        || Levels.isWarning(ctx.config(), SHAPE_ONLY));
    if (reading.isEmpty() || !reading.get().isContract()) {
      String message = "dividing by " + den + " gives NaN or Infinity when it is 0: "
          + (reading.isEmpty() ? risk : reading.get().shown());
      if (mechanism) {
        ValueFindings.report(ctx, (Expression) division, message, fix, replacement);
      } else {
        ValueFindings.note(ctx, (Expression) division, message, fix, replacement);
      }
    } else {
      String message = "dividing by " + den + " gives NaN or Infinity " + reading.get().when();
      if (reading.get().isAboutSize() && Levels.isWarning(ctx.config(), EMPTY_INPUTS) && !unnamed) {
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

  /** Provenance that makes a zero divisor a real case rather than a coincidence. */
  private static final Set<NumFact.Tag> ZERO_PRONE = Set.of(NumFact.Tag.NORM, NumFact.Tag.SUM_OF_NONNEGATIVES,
      NumFact.Tag.DIFFERENCE, NumFact.Tag.SPREAD, NumFact.Tag.TRUNCATED_QUOTIENT, NumFact.Tag.COUNT);

  private static boolean isSdVariable(Expression e, RuleContext ctx) {
    return Analysis.of(ctx).types().typeOf(Flow.strip(e)).equals("SDVariable");
  }

  /**
   * {@code a.div(b)} on SameDiff variables: the facts (SameDiffHandler) say what {@code b} holds when the graph
   * runs; a norm, a sum of non-negatives, a difference or a spread that can be 0 makes the quotient NaN/Infinity.
   */
  private static void checkSameDiff(MethodCallExpr call, Expression numerator, Expression denominator, RuleContext ctx) {
    NumFact fact = Analysis.of(ctx).facts().at(denominator);
    // a product of norms keeps their evidence but not their tag: either says where the 0 comes from
    if (!fact.canBeZero() || fact.evidence().isEmpty() && fact.tags().stream().noneMatch(ZERO_PRONE::contains)) {
      return;
    }
    ctx.report(call, "dividing by " + denominator + " gives NaN or Infinity when it is 0: " + fact.reasons(),
        numerator + ".div(sd.math().max(" + denominator + ", sd.constant(1e-8)))");
  }

}
