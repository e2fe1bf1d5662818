package dev.nanlint.rules;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.BuilderChains;
import dev.nanlint.analysis.BuilderChains.Layer;
import dev.nanlint.analysis.BuilderChains.Network;
import dev.nanlint.analysis.WeightInits;
import dev.nanlint.analysis.WeightInits.Kind;
import dev.nanlint.analysis.WeightInits.Verdict;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.List;
import java.util.Optional;

/**
 * Flags weight initialisations that break training: zero, ones or constant weights on hidden layers
 * (or as the network default), and distributions with a standard deviation above 1.
 * See docs/rules/DegenerateWeightInit.md.
 */
@RuleInfo(name = "DegenerateWeightInit", severity = Severity.WARNING,
    summary = "zero/constant weights on hidden layers never break symmetry, and huge-variance init overflows activations to Infinity")
public final class DegenerateWeightInit implements Rule {
  private static final String FIX = ".weightInit(WeightInit.XAVIER) (WeightInit.RELU for ReLU layers)";

  @Override
  public void visit(ObjectCreationExpr creation, RuleContext ctx) {
    if (!creation.getType().getNameAsString().equals("Builder")) {
      return;
    }
    Analysis a = Analysis.of(ctx);
    BuilderChains chains = a.builderChains();
    Optional<Network> network = chains.network(creation);
    if (network.isPresent()) {
      checkNetwork(network.get(), a.weightInits(), ctx);
      return;
    }
    Optional<Layer> layer = chains.layer(creation);
    Optional<Expression> arg = layer.flatMap(l -> l.last("weightInit", "dist")).flatMap(c -> c.arg(0));
    if (arg.isEmpty()) {
      return;
    }
    Verdict v = a.weightInits().classify(arg.get());
    if (v.kind() == Kind.CONSTANT && layer.get().isHiddenWithWeights()) {
      ctx.report(arg.get(), v.shown() + " on a hidden " + layer.get().type() + ": every unit starts identical and "
          + "computes the same output" + constantConsequence(v), FIX);
    } else if (v.kind() == Kind.HUGE && (layer.get().isHiddenWithWeights() || layer.get().isOutputLayer())) {
      ctx.report(arg.get(), v.shown() + " on " + layer.get().type() + ": " + hugeConsequence(), FIX
          + ", or a distribution with std around sqrt(2 / nIn)");
    }
  }

  private static void checkNetwork(Network network, WeightInits weightInits, RuleContext ctx) {
    Optional<Expression> arg = network.last("weightInit", "dist").flatMap(c -> c.arg(0));
    if (arg.isEmpty()) {
      return;
    }
    Verdict v = weightInits.classify(arg.get());
    if (v.kind() == Kind.FINE) {
      return;
    }
    List<Layer> inheriting = WeightInits.inheriting(network, v.kind());
    // silent only when every layer is visible and each one that would inherit it sets its own
    if (inheriting.isEmpty() && network.isComplete() && !network.layers().isEmpty()) {
      return;
    }
    String layers = inheriting.isEmpty() ? "its layers"
        : inheriting.size() == 1 ? "the " + inheriting.get(0).type() + " layer"
        : inheriting.size() + " layers (" + String.join(", ", inheriting.stream().map(Layer::type).toList()) + ")";
    if (v.kind() == Kind.CONSTANT) {
      ctx.report(arg.get(), v.shown() + " as the network default reaches " + layers + ": every hidden unit starts "
          + "identical and, with constant weights everywhere, receives the identical gradient, so the units never "
          + "become different" + constantConsequence(v), FIX);
    } else {
      ctx.report(arg.get(), v.shown() + " as the network default reaches " + layers + ": " + hugeConsequence(),
          FIX + ", or a distribution with std around sqrt(2 / nIn)");
    }
  }

  private static String constantConsequence(Verdict v) {
    return v.zero()
        ? "; with ReLU a zero pre-activation has zero gradient, so the layer never leaves zero"
        : "; constant non-zero weights add up every input, so activations grow by a factor of about c * nIn per "
            + "layer and a few layers (or the first updates) overflow to Infinity, then NaN";
  }

  private static String hugeConsequence() {
    return "each layer multiplies the scale of its input by about std * sqrt(nIn) (≈ 280 for std 10 and 784 inputs), "
        + "so a few layers reach 1e10 and beyond, exp overflows past 709 to Infinity, and the loss and gradients "
        + "become NaN";
  }
}
