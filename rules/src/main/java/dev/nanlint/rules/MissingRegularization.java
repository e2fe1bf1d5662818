package dev.nanlint.rules;

import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.BuilderChains;
import dev.nanlint.analysis.BuilderChains.Call;
import dev.nanlint.analysis.BuilderChains.Network;
import dev.nanlint.analysis.Constants;
import dev.nanlint.analysis.Imports;
import dev.nanlint.analysis.Optimisers;
import dev.nanlint.analysis.Optimisers.Param;
import dev.nanlint.analysis.Optimisers.Setting;
import dev.nanlint.analysis.TrainingSetup;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Flags a DL4J network configuration with no regularization at all, network-wide or on any layer.
 * See docs/rules/MissingRegularization.md.
 */
@RuleInfo(name = "MissingRegularization", severity = Severity.WARNING,
    summary = "a DL4J network with no regularization lets its weights grow and overfit (a note); on a long plain-SGD run of an unbounded regression head the weights can grow into overflow; regularization(false) silently drops the configured l1/l2")
public final class MissingRegularization implements Rule {
  /** Penalties on the weights; 0 means "off" (DL4J adds no regularizer for l2(0)). */
  private static final Set<String> PENALTIES = Set.of("l1", "l2", "l1Bias", "l2Bias", "weightDecay",
      "weightDecayBias");
  private static final Set<String> WEIGHT_CONSTRAINTS = Set.of("constrainWeights", "constrainAllParameters");
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
    BuilderChains chains = a.builderChains();
    Optional<Network> found = chains.network(creation);
    if (found.isEmpty()) {
      return;
    }
    Network network = found.get();
    if (network.kind() == BuilderChains.Kind.NONE || !network.isComplete()) {
      return; // a single-layer builder, or settings may be added where we cannot see them
    }
    if (network.anywhere(c -> isOtherRegularizer(c, a))
        || network.allLayers().stream().anyMatch(l -> l.type().equals("DropoutLayer"))) {
      return;
    }
    boolean penalties = network.anywhere(c -> PENALTIES.contains(c.name()) && isPositive(c, a));
    // DL4J 0.x applied l1/l2 only after .regularization(true); in 1.0 the boolean method is gone
    Optional<Expression> legacySwitch = network.last("regularization")
        .flatMap(c -> c.arg(0))
        .filter(BooleanLiteralExpr.class::isInstance);
    boolean legacyOff = legacySwitch.map(e -> !((BooleanLiteralExpr) e).getValue()).orElse(false);
    if (penalties && !legacyOff) {
      return;
    }
    if (penalties) {
      ctx.report(legacySwitch.get(), "regularization(false) switches l1/l2 off in DL4J 0.x: the l1/l2 values of this "
          + "network are ignored and nothing keeps its weights from growing until the loss overflows to Infinity/NaN",
          ".regularization(true) (DL4J 0.x), or upgrade to 1.0 where .l2(1e-4) applies by itself");
      return;
    }
    String kind = network.kind() == BuilderChains.Kind.GRAPH ? "computation graph" : "network";
    TrainingSetup setup = a.trainingSetup(network);
    if (weightsCanOverflow(setup)) {
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

  /** A regression target this large (raw prices, counts in the thousands) is far from the unit scale SGD expects. */
  private static final double LARGE_TARGET = 1000;
  /** Epochs beyond which unchecked weight growth is a real risk rather than a short experiment. */
  private static final double LONG_TRAINING = 100;

  /**
   * The mechanism by which a missing penalty can end in Infinity: an unbounded regression head with a squared
   * error, labels the code shows in the thousands and nobody scales, a plain SGD/momentum step, and a long run
   * with no early stopping. Without the labels' scale in the code it stays a note (the official regression
   * examples fit sin(x) and sums of two numbers in [0, 1] this way, and converge).
   */
  private static boolean weightsCanOverflow(TrainingSetup setup) {
    return setup.trainedHere() && setup.output().unboundedSquaredError() && !setup.output().labelsScaled()
        && setup.output().labelScale() >= LARGE_TARGET
        && setup.updater().plain() && setup.length().epochs() >= LONG_TRAINING && !setup.length().earlyStopping();
  }

  /**
   * Tribuo's AdaGradRDA is the one Tribuo optimiser with weight penalties (l1, l2): the two-argument
   * constructor sets both to 0, and so does {@code new AdaGradRDA(lr, eps, 0, 0, n)}. (Pegasos' lambda of 0
   * is a division by zero and belongs to ZeroEpsilon; KernelSVMTrainer's lambda is never read in 4.3.)
   */
  private static void checkTribuoRda(ObjectCreationExpr creation, RuleContext ctx) {
    Imports imports = Imports.of(creation).orElse(null);
    if (imports == null) {
      return;
    }
    List<Setting> settings = Optimisers.of(creation, imports);
    if (settings.isEmpty() || !settings.get(0).library().equals("Tribuo")) {
      return; // not Tribuo's, or an arity we do not know
    }
    Constants constants = Analysis.of(ctx).constants();
    List<Setting> penalties = settings.stream().filter(s -> s.param() == Param.PENALTY).toList();
    if (!penalties.stream().allMatch(s -> constants.value(s.value()) == 0)) {
      return; // a positive or unknown penalty
    }
    String written = penalties.isEmpty() ? "the two-argument constructor sets l1 and l2 to 0"
        : "l1 = " + penalties.get(0).value() + " and l2 = " + penalties.get(1).value();
    String lr = ctx.source(creation.getArgument(0));
    String eps = ctx.source(creation.getArgument(1));
    ctx.reportWeaker(creation, "Tribuo AdaGradRDA without regularization (" + written + "): RDA's weight penalties"
        + " are off, so on (nearly) separable data the linear model's weights keep growing and it overfits; AdaGrad"
        + " bounds each step, so this alone does not make the loss NaN",
        "new AdaGradRDA(" + lr + ", " + eps + ", 0.0, 1e-4, numFeatures) (an l2 penalty), or l1 > 0 for sparse weights");
  }

  /** l2(1e-4), l2(lambda): on; l2(0): off. */
  private static boolean isPositive(Call call, Analysis a) {
    Optional<Expression> arg = call.arg(0);
    if (arg.isEmpty()) {
      return false;
    }
    double c = a.constants().value(arg.get());
    return Double.isNaN(c) || c > 0;
  }

  /** dropOut (retain probability strictly between 0 and 1, or an IDropout), weight noise, regularizer lists, max-norm constraints. */
  private static boolean isOtherRegularizer(Call call, Analysis a) {
    Optional<Expression> arg = call.arg(0);
    if (arg.isEmpty() || arg.get() instanceof NullLiteralExpr) {
      return false;
    }
    switch (call.name()) {
      case "dropOut" -> {
        double c = a.constants().value(arg.get());
        return Double.isNaN(c) || (c > 0 && c < 1); // an IDropout object or a variable counts
      }
      case "weightNoise" -> {
        return true;
      }
      case "regularization", "regularizationBias" -> {
        if (arg.get() instanceof BooleanLiteralExpr) {
          return false;
        }
        String type = a.types().typeOf(arg.get());
        return !type.equals("boolean") && !type.equals("Boolean");
      }
      default -> {
        return WEIGHT_CONSTRAINTS.contains(call.name());
      }
    }
  }
}
