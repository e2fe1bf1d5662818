package dev.nanlint.rules;

import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.Names;
import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.Optional;
import java.util.Set;

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
    // A bound at the top is enough: that is where rounding overshoots (a vector compared with itself or a
    // duplicate gives 1.0000000000000002); a one-sided Math.min(1.0, c) shows the domain was handled. The
    // flow facts see clamps, the branches of checks and assignments that cap the value on every path.
    if (a.facts().at(arg).hi() <= 1.0) {
      return;
    }
    Optional<String> computed = computed(arg, a, 0);
    if (computed.isEmpty()) {
      return;
    }
    String callee = call.getScope().map(s -> s + ".").orElse("") + call.getNameAsString();
    String fix = nd4j
        ? callee + "(Transforms.min(Transforms.max(" + arg + ", -1.0), 1.0))"
        : callee + "(Math.max(-1.0, Math.min(1.0, " + arg + ")))";
    ctx.report(call, call + " is NaN when " + arg + " rounds past ±1 (1.0000000000000002 is enough): "
        + computed.get(), fix);
  }

  /** Calls that return the value (or the elements) of their receiver: the name that counts is the receiver's. */
  private static final Set<String> SAME_VALUE = Set.of("dup", "detach", "castTo", "reshape", "ravel",
      "doubleValue", "floatValue", "getDouble", "getFloat", "getScalar", "getRow", "getRows", "getColumn",
      "getColumns", "get", "slice", "tensorAlongDimension");

  /**
   * Why {@code arg} is computed rather than given, with the end of the message: the facts say it is a
   * quotient of computed values (a cosine is a dot product over norms), or, where they know nothing more,
   * it is named as a cosine or a similarity ({@code cosineSimilarity(a, b)}, {@code corr}, {@code sims[i]},
   * a local holding one). Looks through a one-sided clamp ({@code Math.max(-1, c)} still overshoots at the
   * top) and calls that return their receiver's value. A plain parameter is the caller's contract.
   */
  private static Optional<String> computed(Expression arg, Analysis a, int depth) {
    Expression x = arg;
    while (x instanceof EnclosedExpr || x instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
      x = x instanceof EnclosedExpr e ? e.getInner() : ((UnaryExpr) x).getExpression();
    }
    if (depth > 4) {
      return Optional.empty();
    }
    // a division written here is a ratio even where the facts know nothing (a field initializer)
    boolean division = x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.DIVIDE;
    if (division || a.facts().at(x).has(NumFact.Tag.QUOTIENT)) {
      return Optional.of(x + " is a ratio, not clamped to [-1, 1]");
    }
    if (x instanceof MethodCallExpr m) {
      boolean clamp = (a.api().isMath(m, "min", "max") || a.api().isTransforms(m, "min", "max"))
          && m.getArguments().size() == 2;
      if (clamp) {
        Optional<String> first = computed(m.getArgument(0), a, depth + 1);
        return first.isPresent() ? first : computed(m.getArgument(1), a, depth + 1);
      }
      if (SAME_VALUE.contains(m.getNameAsString()) && m.getScope().isPresent()) {
        return computed(m.getScope().get(), a, depth + 1);
      }
      return Names.isCosine(m.getNameAsString()) ? named(x, "a computed similarity") : Optional.empty();
    }
    if (x instanceof NameExpr n) {
      if (Names.isCosine(n.getNameAsString())) {
        return named(x, "a computed cosine");
      }
      Optional<Expression> definition = a.flow().definition(n);
      return definition.isPresent() ? computed(definition.get(), a, depth + 1).map(r -> n + " = " + r)
          : Optional.empty();
    }
    Expression container = x instanceof ArrayAccessExpr e ? e.getName() : x;
    String name = container instanceof NameExpr n ? n.getNameAsString()
        : container instanceof FieldAccessExpr f ? f.getNameAsString() : "";
    return Names.isCosine(name) ? named(x, "a computed cosine") : Optional.empty();
  }

  private static Optional<String> named(Expression x, String what) {
    return Optional.of(x + " is " + what + ", not clamped to [-1, 1] (so its name says)");
  }
}
