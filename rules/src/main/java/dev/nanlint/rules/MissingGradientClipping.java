package dev.nanlint.rules;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.BuilderChains.Call;
import dev.nanlint.analysis.BuilderChains.Layer;
import dev.nanlint.analysis.BuilderChains.Network;
import dev.nanlint.analysis.BuilderChains;
import dev.nanlint.analysis.TrainingSetup;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flags recurrent layers (LSTM, GravesLSTM, SimpleRnn, Bidirectional...) trained with no gradient
 * normalization on the network or the layer: a warning when plain SGD/momentum trains them over sequences the
 * code shows are long (truncated BPTT, a declared recurrent input length, arrays it builds), a note otherwise.
 * See docs/rules/MissingGradientClipping.md.
 */
@RuleInfo(name = "MissingGradientClipping", severity = Severity.WARNING,
    summary = "recurrent layers without gradientNormalization, trained by plain SGD/momentum over long sequences: one exploding gradient sends the weights to Infinity/NaN")
public final class MissingGradientClipping implements Rule {
  private static final String FIX = ".gradientNormalization(GradientNormalization.ClipElementWiseAbsoluteValue)"
      + ".gradientNormalizationThreshold(1.0) on the NeuralNetConfiguration.Builder";
  /** Truncated BPTT over at most this many steps keeps products of recurrent Jacobians small. */
  private static final double SHORT_SEQUENCE = 10;

  @Override
  public void visit(ObjectCreationExpr creation, RuleContext ctx) {
    if (!creation.getType().getNameAsString().equals("Builder")) {
      return;
    }
    BuilderChains chains = Analysis.of(ctx).builderChains();
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
    TrainingSetup setup = Analysis.of(ctx).trainingSetup(network);
    TrainingSetup.Updater updater = setup.updater(unclipped.get(0));
    double tbptt = setup.tbpttLength();
    double steps = Double.isNaN(tbptt) ? setup.sequenceLength() : tbptt;
    if (steps <= SHORT_SEQUENCE) {
      return; // gradients travel back at most a few steps: too few products to explode
    }
    Layer first = unclipped.get(0);
    String what = describe(first);
    String others = unclipped.size() > 1 ? " (and " + (unclipped.size() - 1) + " more recurrent "
        + (unclipped.size() == 2 ? "layer" : "layers") + ")" : "";
    String none = network.last("gradientNormalization").isPresent() || layerSetsNone(first)
        ? "gradientNormalization(GradientNormalization.None)" : "no gradientNormalization on the network or the layer";
    String layers = what + others + " trains with " + none;
    String window = !Double.isNaN(tbptt) ? "over " + (long) tbptt + "-step truncated BPTT"
        : Double.isNaN(steps) ? "over the whole sequence" : "over the whole " + (long) steps + "-step sequence";
    if (setup.trainedHere() && updater.plain() && !Double.isNaN(steps)) {
      ctx.report(first.creation(), layers + " and " + TrainingSetup.describe(updater) + ", whose step is the learning rate"
          + " times the raw gradient: back-propagation " + window + " multiplies the gradient by the recurrent"
          + " weights at every step, so it can grow exponentially and one exploding step sends the weights to"
          + " Infinity/NaN", FIX);
    } else if (setup.trainedHere() && updater.plain()) {
      // the mechanism needs long sequences, and nothing here says how long they are (5 steps cannot explode)
      ctx.reportWeaker(first.creation(), layers + " and " + TrainingSetup.describe(updater) + ", whose step is the"
          + " learning rate times the raw gradient, but the code does not show how long the sequences are (no"
          + " tBPTTLength, no InputType.recurrent(size, length), no arrays of a fixed length): over tens of steps or"
          + " more, back-propagation through time can make the gradient grow exponentially and one exploding step"
          + " sends the weights to Infinity/NaN; over a few steps it cannot", FIX);
    } else if (updater.adaptive()) {
      ctx.reportWeaker(first.creation(), layers + ": gradients through time can still explode, but "
          + TrainingSetup.describe(updater) + " bounds each step to about the learning rate, so the weights do not jump"
          + " to Infinity in one update; clipping keeps such steps from derailing training", FIX);
    } else {
      String why = setup.trainedHere() ? "an updater nanlint cannot identify (" + updater.shown() + ")"
          : "no training in this file, so the updater that will train it is not known";
      ctx.reportWeaker(first.creation(), layers + " and " + why + ": with a step of the learning rate times the raw"
          + " gradient, a gradient exploding " + window + " moves the weights to Infinity/NaN in one step", FIX);
    }
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
