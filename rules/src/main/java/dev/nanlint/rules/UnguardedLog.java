package dev.nanlint.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.Consequences;
import dev.nanlint.analysis.ZeroContracts;
import dev.nanlint.analysis.ZeroMechanisms;
import dev.nanlint.analysis.Flow;
import dev.nanlint.analysis.Labels;
import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.analysis.Value;
import dev.nanlint.engine.Nodes;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.Optional;
import java.util.Set;

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
      if (call.getNameAsString().equals("log") && call.getArguments().size() == 1 && isSameDiffMath(call, a)) {
        checkSameDiff(call, call.getArgument(0), ctx);
      }
      return;
    }
    Expression arg = call.getArgument(0);
    if (log1p) {
      checkLog1p(call, arg, ctx);
      return;
    }
    // an integer quotient (hits / total) truncates to 0 whenever the numerator is smaller: the facts tag it
    NumFact truncated = a.types().isIntegral(Flow.strip(arg)) && a.facts().mayCountOrTruncate(Flow.strip(arg))
        ? a.facts().at(arg) : NumFact.top();
    if (truncated.has(NumFact.Tag.TRUNCATED_QUOTIENT) && truncated.canBeZero()) {
      String floating = Flow.strip(arg) instanceof BinaryExpr d && d.getOperator() == BinaryExpr.Operator.DIVIDE
          ? "(double) " + d.getLeft() + " / " + d.getRight() : "a floating quotient (one operand cast to double)";
      ValueFindings.report(ctx, call, call + " is -Infinity when " + arg + " is 0: " + truncated.reasons(),
          call.getScope().map(sc -> sc + ".").orElse("") + call.getNameAsString() + "(" + floating + ")", null,
          false, LOG);
      return;
    }
    Value value = a.values().of(arg);
    if (!value.canBeZero() && !value.canBeNegative()) {
      return;
    }
    // labels.mul(log(p)): the variable p is the prediction of a cross-entropy, a probability whatever its name
    // (a computed argument, such as the ratio of a KL divergence, is not the prediction itself)
    boolean crossEntropy = nd4jLog && !value.hasStrongRisk() && isVariable(arg) && a.scope().isLossCode(call)
        && multipliedByLabels(call);
    if (!(value.hasStrongRisk() || crossEntropy) || isClippedBelow(call, a) || inLogProbabilityFunction(call)
        || a.values().guards().repairedAfterwards(call) || !a.facts().at(arg).canBeNonPositive()) {
      return; // ... or the flow proves the argument positive where the log is taken
    }
    // y * log(p) + (1 - y) * log(1 - p): the structure, not the name, says p is a predicted probability
    Optional<MethodCallExpr> partner = a.origins().crossEntropyPartner(call, a.origins().logsAround(call));
    boolean binaryCrossEntropy = partner.isPresent();
    String reason = crossEntropy ? arg + " is the prediction this cross-entropy multiplies by the labels, a probability"
        + " that reaches 0 when the model saturates"
        : binaryCrossEntropy && value.named() && isVariable(arg) ? arg + " is the prediction of a binary"
            + " cross-entropy (with " + partner.get() + "), a probability that reaches 0 when the model saturates"
        : ZeroMechanisms.isDoubleSigmoid(arg, a) ? value.risk() + "; as a sigmoid in double precision it is 0 only"
            + " once the exp inside it overflows (a logit beyond 709.78 in size)"
        : value.risk();
    boolean isFloat = a.types().isFloat(arg);
    String eps = Fixes.epsilon(call, isFloat);
    String callee = call.getScope().map(s -> s + ".").orElse("") + call.getNameAsString();
    String fix = nd4jLog
        ? callee + "(Transforms.max(" + arg + ", " + eps + "))"
        : callee + "(Math.max(" + arg + ", " + eps + ")), or compute the loss from logits (log-softmax)";
    // the clamp keeps every result where the argument is at least eps; an argument that can be negative
    // (a difference) gets no edit: below 0 it is a bug the clamp would hide behind log(eps)
    String replacement = value.canBeNegative() ? null : nd4jLog ? Fixes.nd4jClamp(call, arg, eps, ctx)
        : ctx.sourceReplacing(call, arg, "Math.max(" + ctx.source(arg) + ", " + eps + ")");
    NumFact fact = a.facts().at(arg);
    Optional<ZeroContracts.Reading> reading = ZeroContracts.of(call, arg, fact, a);
    if (reading.isPresent() && reading.get().isContract()) {
      ctx.reportWeaker(call, call + " is -Infinity " + reading.get().when(), fix); // a contract: a note
      return;
    }
    String message = call + " is -Infinity when " + arg + " is 0 and NaN below: " + reason;
    if (crossEntropy || binaryCrossEntropy && !ZeroMechanisms.isDoubleSigmoid(arg, a)
        || ZeroMechanisms.shown(arg, fact, value, reading, a) || Levels.isWarning(ctx.config(), SHAPE_ONLY)) {
      ValueFindings.report(ctx, call, message, fix, replacement, false, LOG);
    } else {
      ValueFindings.report(ctx, call, message, fix, replacement, true, LOG); // a difference, a sum: the shape alone
    }
  }

  @Override
  public String shapeOnlyKey() {
    return SHAPE_ONLY;
  }

  private static boolean isVariable(Expression e) {
    Expression x = Flow.strip(e);
    return x instanceof NameExpr || x instanceof com.github.javaparser.ast.expr.FieldAccessExpr;
  }

  private static final Set<String> PRODUCTS = Set.of("mul", "muli");

  /**
   * The log's result is multiplied by the labels: {@code labels.mul(log(z))}, {@code log(z).muli(labels)}, or
   * through a local ({@code logZ = log(z); ... labels.mul(logZ)}) in the same method.
   */
  private static boolean multipliedByLabels(MethodCallExpr log) {
    if (productWithLabels(log)) {
      return true;
    }
    Optional<String> local = log.getParentNode().filter(VariableDeclarator.class::isInstance)
        .map(v -> ((VariableDeclarator) v).getNameAsString());
    Optional<MethodDeclaration> method = log.findAncestor(MethodDeclaration.class);
    if (local.isEmpty() || method.isEmpty()) {
      return false;
    }
    return Nodes.any(method.get(), NameExpr.class, n -> n.getNameAsString().equals(local.get()) && productWithLabels(n));
  }

  /** {@code e} is the receiver or the argument of {@code mul}/{@code muli} whose other side is named for labels. */
  private static boolean productWithLabels(Expression e) {
    Optional<Node> parent = e.getParentNode();
    if (parent.isEmpty() || !(parent.get() instanceof MethodCallExpr m) || !PRODUCTS.contains(m.getNameAsString())
        || m.getArguments().size() != 1 || m.getScope().isEmpty()) {
      return false;
    }
    Expression other = m.getScope().get() == e ? m.getArgument(0) : m.getArgument(0) == e ? m.getScope().get() : null;
    return other != null && Labels.isLabelName(Labels.baseName(other));
  }

  /** {@code sd.math().log(x)} (or {@code sd.math.log(x)}) on a SameDiff instance. */
  private static boolean isSameDiffMath(MethodCallExpr call, Analysis a) {
    Expression scope = call.getScope().orElse(null);
    Expression owner = scope instanceof MethodCallExpr m && m.getNameAsString().equals("math") && m.getArguments().isEmpty()
        ? m.getScope().orElse(null)
        : scope instanceof com.github.javaparser.ast.expr.FieldAccessExpr f && f.getNameAsString().equals("math")
            ? f.getScope() : null;
    return owner != null && a.types().typeOf(owner).equals("SameDiff");
  }

  /**
   * The facts (SameDiffHandler) say what the SDVariable holds when the graph runs: a probability that reaches 0,
   * a difference, a norm or a sum that can be 0 makes the log -Infinity.
   */
  private static void checkSameDiff(MethodCallExpr call, Expression arg, RuleContext ctx) {
    NumFact fact = Analysis.of(ctx).facts().at(arg);
    if (!fact.canBeNonPositive() || fact.evidence().isEmpty() || fact.tags().isEmpty()) {
      return;
    }
    ctx.report(call, call + " is -Infinity when " + arg + " is 0 and NaN below: " + fact.reasons(),
        "sd.math().log(sd.math().max(" + arg + ", sd.constant(1e-8))), or compute the loss from logits (log-softmax)");
  }

  /**
   * Inside {@code logProbability(x)}, {@code logDensity(x)}, {@code logPmf(x)}: a distribution's log
   * probability, whose contract is -Infinity for an impossible outcome. (A loss or log-likelihood is not
   * such a function: there -Infinity is the bug.)
   */
  private static boolean inLogProbabilityFunction(MethodCallExpr call) {
    return call.findAncestor(MethodDeclaration.class).map(m -> {
      String name = m.getNameAsString();
      return name.startsWith("log") && (name.contains("Probability") || name.contains("Density")
          || name.endsWith("Pdf") || name.endsWith("Pmf"));
    }).orElse(false);
  }

  /** {@code Math.max(-10, Math.log(x))}: the caller already clips the -Infinity away. */
  private static boolean isClippedBelow(MethodCallExpr log, Analysis a) {
    return log.getParentNode().filter(MethodCallExpr.class::isInstance).map(MethodCallExpr.class::cast)
        .filter(outer -> a.api().isMath(outer, "max") && outer.getArguments().size() == 2)
        .map(outer -> outer.getArguments().stream().anyMatch(arg -> arg != log && !Double.isNaN(a.constants().value(arg))))
        .orElse(false);
  }

  /** {@code Math.min(p, 1 - EPS)}: one bound is a constant below 1, so {@code -min} stays above -1. */
  private static boolean cappedBelowOne(Expression e, Analysis a) {
    while (e instanceof EnclosedExpr enclosed) {
      e = enclosed.getInner();
    }
    return e instanceof MethodCallExpr min && a.api().isMath(min, "min") && min.getArguments().size() == 2
        && min.getArguments().stream().anyMatch(bound -> a.constants().value(bound) < 1);
  }

  /** log1p(x) is -Infinity at x = -1: {@code log1p(-p)} for a probability p that reaches 1. */
  private static void checkLog1p(MethodCallExpr call, Expression arg, RuleContext ctx) {
    if (arg instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
      if (cappedBelowOne(u.getExpression(), Analysis.of(ctx))) {
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
