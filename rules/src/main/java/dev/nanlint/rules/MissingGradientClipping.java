package dev.nanlint.rules;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.nanlint.analysis.BuilderChains;
import dev.nanlint.analysis.BuilderChains.Call;
import dev.nanlint.analysis.BuilderChains.Layer;
import dev.nanlint.analysis.BuilderChains.Network;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flags recurrent layers (LSTM, GravesLSTM, SimpleRnn, Bidirectional...) trained with no gradient
 * normalization on the network or the layer. See docs/rules/MissingGradientClipping.md.
 */
@RuleInfo(name = "MissingGradientClipping", severity = Severity.WARNING,
    summary = "recurrent layers without gradientNormalization: one exploding gradient through time sends the weights to Infinity/NaN")
public final class MissingGradientClipping implements Rule {
  private static final String FIX = ".gradientNormalization(GradientNormalization.ClipElementWiseAbsoluteValue)"
      + ".gradientNormalizationThreshold(1.0) on the NeuralNetConfiguration.Builder";

  @Override
  public void visit(ObjectCreationExpr creation, RuleContext ctx) {
    if (!creation.getType().getNameAsString().equals("Builder")) {
      return;
    }
    BuilderChains chains = ctx.analysis().builderChains();
    Optional<Network> found = chains.network(creation);
    if (found.isEmpty() || found.get().kind() == BuilderChains.Kind.NONE || found.get().isOpen()) {
      return;
    }
    Network network = found.get();
    List<Layer> unclipped = new ArrayList<>();
    for (Layer layer : network.layers()) {
      if (layer.isRecurrent() && !layer.isOpen() && !clipped(layer, network, chains)) {
        unclipped.add(layer);
      }
    }
    if (unclipped.isEmpty()) {
      return;
    }
    Layer first = unclipped.get(0);
    String what = describe(first);
    String others = unclipped.size() > 1 ? " (and " + (unclipped.size() - 1) + " more recurrent "
        + (unclipped.size() == 2 ? "layer" : "layers") + ")" : "";
    String none = network.last("gradientNormalization").isPresent() || layerSetsNone(first)
        ? "gradientNormalization(GradientNormalization.None)" : "no gradientNormalization on the network or the layer";
    ctx.report(first.creation(), what + others + " trains with " + none + ": back-propagation through time "
        + "multiplies the gradient by the recurrent weights at every step, so over long sequences it can grow "
        + "exponentially and one exploding step sends the weights to Infinity/NaN", FIX);
  }

  /** The layer's own setting wins over the network default; GradientNormalization.None means no clipping. */
  private static boolean clipped(Layer layer, Network network, BuilderChains chains) {
    for (Layer l : layer.selfAndWrapped()) {
      Optional<Call> own = l.last("gradientNormalization");
      if (own.isPresent()) {
        return !isNone(own.get(), chains);
      }
    }
    return network.last("gradientNormalization").map(c -> !isNone(c, chains)).orElse(false);
  }

  private static boolean layerSetsNone(Layer layer) {
    return layer.selfAndWrapped().stream().anyMatch(l -> l.has("gradientNormalization"));
  }

  private static boolean isNone(Call call, BuilderChains chains) {
    Optional<Expression> arg = call.arg(0);
    return arg.isEmpty() || arg.get() instanceof NullLiteralExpr
        || chains.enumConstant(arg.get(), "GradientNormalization").filter("None"::equals).isPresent();
  }

  private static String describe(Layer layer) {
    if (layer.isWrapper()) {
      return layer.type() + layer.wrapped().map(w -> "(" + w.type() + ")").orElse("") + " layer";
    }
    return layer.type() + " layer";
  }
}
