package dev.nanlint.rules;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.BuilderChains.Call;
import dev.nanlint.analysis.BuilderChains.Layer;
import dev.nanlint.analysis.BuilderChains.Network;
import dev.nanlint.analysis.BuilderChains;
import dev.nanlint.analysis.Declarations;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Flags weight initialisations that break training: zero, ones or constant weights on hidden layers
 * (or as the network default), and distributions with a standard deviation above 1.
 * See docs/rules/DegenerateWeightInit.md.
 */
@RuleInfo(name = "DegenerateWeightInit", severity = Severity.WARNING,
    summary = "zero/constant weights on hidden layers never break symmetry, and huge-variance init overflows activations to Infinity")
public final class DegenerateWeightInit implements Rule {
  private static final Set<String> NORMALS = Set.of("NormalDistribution", "GaussianDistribution",
      "TruncatedNormalDistribution");
  private static final String FIX = ".weightInit(WeightInit.XAVIER) (WeightInit.RELU for ReLU layers)";

  /** What an initialisation argument amounts to. */
  private enum Kind { FINE, CONSTANT, HUGE }

  private record Verdict(Kind kind, String why, boolean zero) {
    static final Verdict FINE = new Verdict(Kind.FINE, "", false);
  }

  @Override
  public void visit(ObjectCreationExpr creation, RuleContext ctx) {
    String name = creation.getType().getNameAsString();
    if (!name.equals("Builder")) {
      return;
    }
    Analysis a = Analysis.of(ctx);
    BuilderChains chains = a.builderChains();
    Optional<Network> network = chains.network(creation);
    if (network.isPresent()) {
      checkNetwork(network.get(), ctx, a, chains);
      return;
    }
    Optional<Layer> layer = chains.layer(creation);
    if (layer.isEmpty()) {
      return;
    }
    Optional<Call> init = layer.get().last("weightInit", "dist");
    Optional<Expression> arg = init.flatMap(c -> c.arg(0));
    if (arg.isEmpty()) {
      return;
    }
    Verdict v = classify(arg.get(), a, chains, Collections.newSetFromMap(new IdentityHashMap<>()));
    if (v.kind() == Kind.CONSTANT && layer.get().isHiddenWithWeights()) {
      ctx.report(arg.get(), v.why() + " on a hidden " + layer.get().type() + ": every unit starts identical and "
          + "computes the same output" + constantConsequence(v), FIX);
    } else if (v.kind() == Kind.HUGE && (layer.get().isHiddenWithWeights() || layer.get().isOutputLayer())) {
      ctx.report(arg.get(), v.why() + " on " + layer.get().type() + ": " + hugeConsequence(), FIX
          + ", or a distribution with std around sqrt(2 / nIn)");
    }
  }

  private void checkNetwork(Network network, RuleContext ctx, Analysis a, BuilderChains chains) {
    Optional<Expression> arg = network.last("weightInit", "dist").flatMap(c -> c.arg(0));
    if (arg.isEmpty()) {
      return;
    }
    Verdict v = classify(arg.get(), a, chains, Collections.newSetFromMap(new IdentityHashMap<>()));
    if (v.kind() == Kind.FINE) {
      return;
    }
    List<Layer> inheriting = network.allLayers().stream()
        .filter(l -> !l.isWrapper() && !l.has("weightInit", "dist"))
        .filter(l -> v.kind() == Kind.CONSTANT ? l.isHiddenWithWeights() : l.isHiddenWithWeights() || l.isOutputLayer())
        .toList();
    // silent only when every layer is visible and each one that would inherit it sets its own
    if (inheriting.isEmpty() && network.isComplete() && !network.layers().isEmpty()) {
      return;
    }
    String layers = inheriting.isEmpty() ? "its layers"
        : inheriting.size() == 1 ? "the " + inheriting.get(0).type() + " layer"
        : inheriting.size() + " layers (" + String.join(", ", inheriting.stream().map(Layer::type).toList()) + ")";
    if (v.kind() == Kind.CONSTANT) {
      ctx.report(arg.get(), v.why() + " as the network default reaches " + layers + ": every hidden unit starts "
          + "identical and, with constant weights everywhere, receives the identical gradient, so the units never "
          + "become different" + constantConsequence(v), FIX);
    } else {
      ctx.report(arg.get(), v.why() + " as the network default reaches " + layers + ": " + hugeConsequence(),
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

  /** WeightInit.ZERO/ONES, constant and wide distributions, through WeightInitDistribution and locals. */
  private Verdict classify(Expression e, Analysis a, BuilderChains chains, Set<Expression> visited) {
    if (!visited.add(e)) {
      return Verdict.FINE;
    }
    Optional<String> constant = chains.enumConstant(e, "WeightInit");
    if (constant.isPresent()) {
      String text = e instanceof NameExpr ? e + " (WeightInit." + constant.get() + ")" : e.toString();
      return switch (constant.get()) {
        case "ZERO" -> new Verdict(Kind.CONSTANT, text, true);
        case "ONES" -> new Verdict(Kind.CONSTANT, text, false);
        default -> Verdict.FINE;
      };
    }
    if (e instanceof NameExpr n) {
      return a.declarations().find(n, n.getNameAsString())
          .filter(d -> d.kind() == Declarations.Kind.LOCAL || d.isFinal())
          .flatMap(Declarations.Declaration::initializer)
          .map(init -> classify(init, a, chains, visited))
          .map(v -> v.kind() == Kind.FINE || v.why().startsWith(n + " ") ? v
              : new Verdict(v.kind(), n + " (" + v.why() + ")", v.zero()))
          .orElse(Verdict.FINE);
    }
    if (!(e instanceof ObjectCreationExpr creation)) {
      return Verdict.FINE;
    }
    String type = creation.getType().getNameAsString();
    List<Expression> args = creation.getArguments();
    if (type.equals("WeightInitDistribution") && args.size() == 1) {
      return classify(args.get(0), a, chains, visited);
    }
    if ((type.equals("ConstantDistribution") || type.equals("WeightInitConstant")) && args.size() == 1) {
      return new Verdict(Kind.CONSTANT, e.toString(), a.constants().value(args.get(0)) == 0.0);
    }
    if (NORMALS.contains(type) && args.size() == 2) {
      double std = a.constants().value(args.get(1));
      if (!Double.isNaN(std) && Math.abs(std) > 1) {
        return new Verdict(Kind.HUGE, e + " (standard deviation " + format(Math.abs(std)) + ")", false);
      }
    }
    if (type.equals("UniformDistribution") && args.size() == 2) {
      double lower = a.constants().value(args.get(0));
      double upper = a.constants().value(args.get(1));
      double std = (upper - lower) / Math.sqrt(12);
      if (!Double.isNaN(std) && std > 1) {
        return new Verdict(Kind.HUGE, e + " (standard deviation " + format(std) + ")", false);
      }
    }
    return Verdict.FINE;
  }

  private static String format(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.format(java.util.Locale.ROOT, "%.2f", d);
  }
}
