package dev.nanlint.rules;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.BuilderChains;
import dev.nanlint.analysis.BuilderChains.Network;
import dev.nanlint.analysis.Optimisers.Setting;
import dev.nanlint.analysis.Regularization;
import dev.nanlint.analysis.TrainingSetup;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.List;
import java.util.Optional;

/**
 * Flags a DL4J network configuration with no regularization at all, network-wide or on any layer.
 * See docs/rules/MissingRegularization.md.
 */
@RuleInfo(name = "MissingRegularization", severity = Severity.WARNING,
    summary = "a DL4J network with no regularization lets its weights grow and overfit (a note); on a long plain-SGD run of an unbounded regression head the weights can grow into overflow; regularization(false) silently drops the configured l1/l2")
public final class MissingRegularization implements Rule {
  private static final String FIX = ".l2(1e-4) on the NeuralNetConfiguration.Builder (or .weightDecay(1e-4), or .dropOut(0.5))";

  @Override
  public void visit(ObjectCreationExpr creation, RuleContext ctx) {
    if (creation.getType().getNameAsString().equals("AdaGradRDA")) {
      checkTribuoRda(creation, ctx);
      return;
    }
    if (!creation.getType().getNameAsString().equals("Builder")) {
      return;
    }
    Analysis a = Analysis.of(ctx);
    Optional<Network> found = a.builderChains().network(creation);
    if (found.isEmpty()) {
      return;
    }
    Network network = found.get();
    if (network.kind() == BuilderChains.Kind.NONE || !network.isComplete()) {
      return; // a single-layer builder, or settings may be added where we cannot see them
    }
    Regularization regularization = new Regularization(a);
    if (regularization.otherRegularizer(network)) {
      return;
    }
    boolean penalties = regularization.penalised(network);
    Optional<Expression> legacyOff = Regularization.legacySwitchOff(network);
    if (penalties && legacyOff.isEmpty()) {
      return;
    }
    if (penalties) {
      ctx.report(legacyOff.get(), "regularization(false) switches l1/l2 off in DL4J 0.x: the l1/l2 values of this "
          + "network are ignored and nothing keeps its weights from growing until the loss overflows to Infinity/NaN",
          ".regularization(true) (DL4J 0.x), or upgrade to 1.0 where .l2(1e-4) applies by itself");
      return;
    }
    String kind = network.kind() == BuilderChains.Kind.GRAPH ? "computation graph" : "network";
    TrainingSetup setup = a.trainingSetup(network);
    if (Regularization.weightsCanOverflow(setup)) {
      TrainingSetup.Output out = setup.output();
      ctx.report(creation, "this " + kind + " has no regularization and nothing else holds its weights back: its output"
          + " is unbounded (" + out.activation() + " with " + out.loss() + "), the labels reach "
          + (long) out.labelScale() + " and are not scaled, "
          + TrainingSetup.describe(setup.updater()) + " steps by the learning rate times the raw gradient, and it trains"
          + " for " + (long) setup.length().epochs() + " epochs without early stopping: on an unscaled regression target"
          + " the squared error and its gradient grow with the weights, and the weights can grow until the output and"
          + " loss overflow to Infinity/NaN", FIX + "; and scale the target (normalizer.fitLabel(true))");
      return;
    }
    // otherwise a note: a missing penalty alone is not what makes training NaN. An MSE loss has a finite
    // minimum, and DL4J's softmax subtracts the row max and its cross-entropy clips probabilities; divergence
    // comes from the step size and the data's scale, which HighLearningRate and MissingInputNormalization look at
    ctx.reportWeaker(creation, "this " + kind + " has no regularization (no l1/l2/weightDecay/dropOut/weightNoise on"
        + " the builder or on any of its layers): its weights are free to grow and it can overfit; this alone does"
        + " not make training NaN", FIX);
  }

  /**
   * Tribuo's AdaGradRDA is the one Tribuo optimiser with weight penalties (l1, l2): the two-argument
   * constructor sets both to 0, and so does {@code new AdaGradRDA(lr, eps, 0, 0, n)}. (Pegasos' lambda of 0
   * is a division by zero and belongs to ZeroEpsilon; KernelSVMTrainer's lambda is never read in 4.3.)
   */
  private static void checkTribuoRda(ObjectCreationExpr creation, RuleContext ctx) {
    Analysis a = Analysis.of(ctx);
    Optional<List<Setting>> off = new Regularization(a).tribuoRdaWithoutPenalty(creation, a.imports());
    if (off.isEmpty()) {
      return;
    }
    List<Setting> penalties = off.get();
    String written = penalties.isEmpty() ? "the two-argument constructor sets l1 and l2 to 0"
        : "l1 = " + penalties.get(0).value() + " and l2 = " + penalties.get(1).value();
    String lr = ctx.source(creation.getArgument(0));
    String eps = ctx.source(creation.getArgument(1));
    ctx.reportWeaker(creation, "Tribuo AdaGradRDA without regularization (" + written + "): RDA's weight penalties"
        + " are off, so on (nearly) separable data the linear model's weights keep growing and it overfits; AdaGrad"
        + " bounds each step, so this alone does not make the loss NaN",
        "new AdaGradRDA(" + lr + ", " + eps + ", 0.0, 1e-4, numFeatures) (an l2 penalty), or l1 > 0 for sparse weights");
  }
}
