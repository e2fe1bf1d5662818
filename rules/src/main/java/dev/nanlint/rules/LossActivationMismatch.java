package dev.nanlint.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.BuilderChains.Call;
import dev.nanlint.analysis.BuilderChains.Layer;
import dev.nanlint.analysis.OutputLayers;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.Optional;
import java.util.Set;

/**
 * Flags DL4J output and loss layers whose loss function expects another activation: MCXENT/NLL
 * without softmax, binary XENT without sigmoid, softmax over a single output.
 * See docs/rules/LossActivationMismatch.md.
 */
@RuleInfo(name = "LossActivationMismatch", severity = Severity.WARNING,
    summary = "a loss that expects probabilities (MCXENT, NLL, XENT) fed by an activation that does not produce them takes log of 0 or of negatives")
public final class LossActivationMismatch implements Rule {
  private static final Set<String> OUTPUT_LAYERS = Set.of("OutputLayer", "RnnOutputLayer", "CenterLossOutputLayer");
  private static final Set<String> LOSS_LAYERS = Set.of("LossLayer", "RnnLossLayer");
  /** Losses computing log(output) of a distribution over classes: they need softmax. */
  private static final Set<String> SOFTMAX_LOSSES = Set.of("MCXENT", "SPARSE_MCXENT", "NEGATIVELOGLIKELIHOOD");
  /** Binary cross-entropy: log(p) and log(1 - p) of each output, which must lie in (0, 1). */
  private static final Set<String> SIGMOID_ACTIVATIONS = Set.of("SIGMOID", "HARDSIGMOID");
  /** Activations that reach 0 or go negative: log of their output is -Infinity or NaN. */
  private static final Set<String> NON_POSITIVE = Set.of("RELU", "RELU6", "LEAKYRELU", "RRELU", "ELU", "SELU",
      "TANH", "HARDTANH", "RATIONALTANH", "RECTIFIEDTANH", "IDENTITY", "CUBE", "SOFTSIGN", "THRESHOLDEDRELU",
      "SWISH", "GELU", "MISH");

  @Override
  public void visit(ObjectCreationExpr creation, RuleContext ctx) {
    ClassOrInterfaceType type = creation.getType();
    if (!type.getNameAsString().equals("Builder") || type.getScope().isEmpty()) {
      return;
    }
    String owner = type.getScope().get().getNameAsString();
    if (!OUTPUT_LAYERS.contains(owner) && !LOSS_LAYERS.contains(owner)) {
      return;
    }
    OutputLayers outputs = Analysis.of(ctx).outputLayers();
    Optional<Layer> found = Analysis.of(ctx).builderChains().layer(creation);
    if (found.isEmpty() || found.get().isOpen()) {
      return;
    }
    Layer layer = found.get();
    boolean lossLayer = LOSS_LAYERS.contains(layer.type());
    Optional<OutputLayers.LayerLoss> loss = outputs.loss(layer);
    if (loss.isEmpty()) {
      return;
    }
    Expression lossExpr = loss.get().written();

    // the activation: explicit, else the builder's own default or the network's
    Optional<Expression> activationExpr = layer.last("activation").flatMap(c -> c.arg(0));
    Optional<String> named = activationExpr.isPresent() ? Analysis.of(ctx).builderChains().activation(activationExpr.get())
        : outputs.defaultActivation(layer);
    if (named.isEmpty()) {
      return;
    }
    String activation = named.get();
    String origin = activationExpr.isPresent() ? "its activation is " + activation
        : activation.equals("SOFTMAX") || layer.type().equals("LossLayer")
            ? layer.type() + ".Builder's default activation is " + activation
            : "it sets no activation and inherits " + activation + " from the network";

    Node at = activationExpr.map(Node.class::cast).orElse(lossExpr != null ? lossExpr : creation);
    String lossName = loss.get().name();
    String lossText = lossExpr == null ? "the default loss MCXENT" : lossExpr.toString();

    if (!lossLayer && activation.equals("SOFTMAX")) {
      Optional<Call> nOut = layer.last("nOut", "units");
      Optional<Expression> nOutArg = nOut.flatMap(c -> c.arg(0));
      if (nOutArg.isPresent() && Analysis.of(ctx).constants().value(nOutArg.get()) == 1.0) {
        Node where = activationExpr.map(Node.class::cast).orElse(at); // inherited: where the loss is chosen
        ctx.report(where, "softmax over nOut(1) is always exactly 1.0: the output ignores the input, and "
            + lossText + " sees p = 1 for every example (log(1 - p) = log(0) = -Infinity for a binary loss)",
            "for two classes use nOut(2) with SOFTMAX and MCXENT, or nOut(1) with .activation(Activation.SIGMOID) "
                + "and LossFunction.XENT");
        return;
      }
    }
    if (SOFTMAX_LOSSES.contains(lossName) && !activation.equals("SOFTMAX")
        && !(lossLayer && activation.equals("IDENTITY"))) {
      ctx.report(at, lossText + " expects a probability distribution from SOFTMAX, but " + origin + ": "
          + consequence(activation, "log(output) of each class"),
          ".activation(Activation.SOFTMAX), or LossFunction.XENT with SIGMOID for independent (multi-label) outputs");
      return;
    }
    if (lossName.equals("XENT") && !SIGMOID_ACTIVATIONS.contains(activation)
        && !(lossLayer && activation.equals("IDENTITY"))) {
      String what = activation.equals("SOFTMAX")
          ? "softmax couples the outputs (they sum to 1), so binary cross-entropy per output trains the wrong model"
              + " and with one output p is always 1 and log(1 - p) = -Infinity"
          : consequence(activation, "log(p) and log(1 - p) of each output");
      ctx.report(at, lossText + " (binary cross-entropy) expects each output in (0, 1) from SIGMOID, but " + origin
          + ": " + what, ".activation(Activation.SIGMOID), or LossFunction.MCXENT with SOFTMAX for one-of-k classes");
    }
  }

  private static String consequence(String activation, String logs) {
    if (NON_POSITIVE.contains(activation)) {
      return activation + " outputs reach 0 or go negative, and " + logs + " is then -Infinity or NaN";
    }
    return activation + " outputs are not the probabilities the loss assumes, so " + logs
        + " optimises the wrong objective and saturates towards log(0) = -Infinity";
  }
}
