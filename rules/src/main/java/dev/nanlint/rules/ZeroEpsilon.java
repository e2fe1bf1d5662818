package dev.nanlint.rules;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.Imports;
import dev.nanlint.analysis.Optimisers.Param;
import dev.nanlint.analysis.Optimisers.Setting;
import dev.nanlint.analysis.Optimisers;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.List;
import java.util.Set;

/**
 * Flags an epsilon (or Pegasos lambda) of 0 or less where it guards a denominator: optimiser updates
 * {@code g / (sqrt(v) + eps)} and batch normalisation {@code (x - mean) / sqrt(var + eps)}.
 * See docs/rules/ZeroEpsilon.md.
 */
@RuleInfo(name = "ZeroEpsilon", severity = Severity.WARNING,
    summary = "an epsilon of 0 leaves a denominator that reaches 0: the first all-zero gradient or constant channel gives 0 / 0 = NaN")
public final class ZeroEpsilon implements Rule {
  private static final Set<String> TYPES = Set.of("Adam", "AdaMax", "Nadam", "AMSGrad", "AdaBelief", "RmsProp",
      "AdaGrad", "AdaDelta", "RMSProp", "AdaGradRDA", "Pegasos");

  @Override
  public void visit(ObjectCreationExpr creation, RuleContext ctx) {
    if (!TYPES.contains(creation.getType().getNameAsString()) || creation.getArguments().size() < 1) {
      return;
    }
    Imports.of(creation).ifPresent(imports -> check(Optimisers.of(creation, imports), ctx));
  }

  @Override
  public void visit(MethodCallExpr call, RuleContext ctx) {
    String name = call.getNameAsString();
    if (call.getArguments().size() != 1 || !(name.equals("epsilon") || name.equals("eps"))) {
      return;
    }
    Imports imports = Imports.of(call).orElse(null);
    if (imports == null) {
      return;
    }
    if (name.equals("epsilon")) {
      check(Optimisers.of(call, imports).stream().toList(), ctx);
    } else if (isBatchNormBuilder(call, imports)) {
      Expression eps = call.getArgument(0);
      double v = Analysis.of(ctx).constants().value(eps);
      if (!Double.isNaN(v) && v <= 0) {
        ctx.report(eps, "BatchNormalization gets eps " + shown(eps, v) + (v < 0 ? ", a negative value" : "")
            + ": it computes (x - mean) / sqrt(var + eps), and a channel that is constant over a"
            + " minibatch (padding, a dead ReLU, batch size 1) has var = 0, so its output is 0 / 0 = NaN"
            + (v < 0 ? " (and sqrt of a negative variance estimate is NaN too)" : ""),
            "eps(1e-5) (the DL4J default), or leave eps unset");
      }
    }
  }

  /** {@code new BatchNormalization.Builder()...eps(x)} of DL4J. */
  private static boolean isBatchNormBuilder(MethodCallExpr call, Imports imports) {
    Expression root = Optimisers.chainRoot(call);
    if (!(root instanceof ObjectCreationExpr c) || !c.getType().getNameAsString().equals("Builder")
        || c.getType().getScope().isEmpty()) {
      return false;
    }
    String outer = Imports.written(c.getType().getScope().get());
    return imports.is(outer, "org.deeplearning4j.nn.conf.layers", "BatchNormalization");
  }

  private static void check(List<Setting> settings, RuleContext ctx) {
    for (Setting s : settings) {
      if (s.param() != Param.EPSILON && s.param() != Param.LAMBDA) {
        continue;
      }
      double v = Analysis.of(ctx).constants().value(s.value());
      if (Double.isNaN(v) || v > 0) {
        continue;
      }
      if (s.param() == Param.LAMBDA) {
        ctx.report(s.value(), "Tribuo Pegasos gets lambda " + shown(s.value(), v) + (v < 0 ? ", a negative value" : "")
            + ": Pegasos uses the step size baseRate / (lambda * t), which is Infinity at lambda = 0,"
            + " and the weight shrinkage 1 - lambda * rate becomes 0 * Infinity = NaN on the first update",
            "a positive lambda such as 1e-4 (it is the regularisation strength), or another optimiser (AdaGrad)");
        continue;
      }
      ctx.report(s.value(), s.display() + " gets epsilon " + shown(s.value(), v) + (v < 0 ? ", a negative value" : "")
          + ": " + denominator(s) + ", so a weight whose gradient has been 0 so far (a dead ReLU unit, an unused"
          + " embedding row, an absent feature) gets 0 / 0 = NaN, and NaN spreads to every weight it touches"
          + (v < 0 ? "; a negative epsilon also cancels the root exactly when they are equal, a division by 0" : ""),
          (s.builder() ? "epsilon(" : "") + defaultEpsilon(s) + (s.builder() ? ")" : "")
          + " (the library default), or a constructor without the epsilon");
    }
  }

  private static String denominator(Setting s) {
    return switch (s.type()) {
      case "AdaMax" -> "AdaMax divides by max(beta2 * u, |g|) + eps";
      case "AdaDelta" -> "AdaDelta divides by sqrt(E[g^2] + eps) (and with eps = 0 its numerator sqrt(E[dx^2] + eps) starts at 0)";
      case "RmsProp", "RMSProp" -> "RMSProp divides by sqrt(E[g^2]) + eps";
      case "AdaGrad", "AdaGradRDA" -> "AdaGrad divides by sqrt(sum of g^2) + eps";
      default -> s.type() + " divides by sqrt(v) + eps";
    };
  }

  private static String defaultEpsilon(Setting s) {
    if (s.library().equals("Tribuo")) {
      return s.type().equals("RMSProp") ? "1e-8" : "1e-6";
    }
    return switch (s.type()) {
      case "AdaGrad", "AdaDelta" -> "1e-6";
      case "AdaBelief" -> "1e-14";
      default -> "1e-8";
    };
  }

  private static String shown(Expression e, double v) {
    return Shown.constant(e, v);
  }

}
