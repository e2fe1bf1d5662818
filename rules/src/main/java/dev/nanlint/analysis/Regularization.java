package dev.nanlint.analysis;

import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What holds a model's weights back: a DL4J network's weight penalties (l1/l2/weight decay), its other
 * regularizers (dropout, weight noise, regularizer lists, constraints, dropout layers), DL4J 0.x's
 * {@code regularization(false)} switch, and Tribuo AdaGradRDA's penalties; and whether, with none of them, the
 * weights of an unscaled regression can grow until they overflow.
 */
public final class Regularization {
  /** Penalties on the weights; 0 means "off" (DL4J adds no regularizer for l2(0)). */
  private static final Set<String> PENALTIES = Set.of("l1", "l2", "l1Bias", "l2Bias", "weightDecay",
      "weightDecayBias");
  private static final Set<String> WEIGHT_CONSTRAINTS = Set.of("constrainWeights", "constrainAllParameters");
  /** A regression target this large (raw prices, counts in the thousands) is far from the unit scale SGD expects. */
  private static final double LARGE_TARGET = 1000;
  /** Epochs beyond which unchecked weight growth is a real risk rather than a short experiment. */
  private static final double LONG_TRAINING = 100;

  private final Constants constants;
  private final Types types;

  public Regularization(Analysis analysis) {
    this.constants = analysis.constants();
    this.types = analysis.types();
  }

  /** Does the network regularise by anything but a weight penalty (dropout, weight noise, constraints, a DropoutLayer)? */
  public boolean otherRegularizer(BuilderChains.Network network) {
    return network.anywhere(this::isOtherRegularizer)
        || network.allLayers().stream().anyMatch(l -> l.type().equals("DropoutLayer"));
  }

  /** Does the network or one of its layers set a weight penalty that is not 0 (an unknown value counts)? */
  public boolean penalised(BuilderChains.Network network) {
    return network.anywhere(c -> PENALTIES.contains(c.name()) && isPositive(c));
  }

  /** DL4J 0.x's {@code .regularization(false)}, which switches l1/l2 off (1.0 has no such method). */
  public static Optional<Expression> legacySwitchOff(BuilderChains.Network network) {
    return network.last("regularization").flatMap(c -> c.arg(0))
        .filter(e -> e instanceof BooleanLiteralExpr b && !b.getValue());
  }

  /**
   * The mechanism by which a missing penalty can end in Infinity: an unbounded regression head with a squared
   * error, labels the code shows in the thousands and nobody scales, a plain SGD/momentum step, and a long run
   * with no early stopping. Without the labels' scale in the code it is not claimed (the official regression
   * examples fit sin(x) and sums of two numbers in [0, 1] this way, and converge).
   */
  public static boolean weightsCanOverflow(TrainingSetup setup) {
    return setup.trainedHere() && setup.output().unboundedSquaredError() && !setup.output().labelsScaled()
        && setup.output().labelScale() >= LARGE_TARGET
        && setup.updater().plain() && setup.length().epochs() >= LONG_TRAINING && !setup.length().earlyStopping();
  }

  /**
   * The l1/l2 settings of a Tribuo {@code AdaGradRDA} whose penalties are all 0 (an empty list for the
   * two-argument constructor, which sets both to 0); empty when it is not Tribuo's, has an arity nanlint does
   * not know, or a penalty is positive or unknown.
   */
  public Optional<List<Optimisers.Setting>> tribuoRdaWithoutPenalty(ObjectCreationExpr creation, Imports imports) {
    List<Optimisers.Setting> settings = Optimisers.of(creation, imports);
    if (settings.isEmpty() || !settings.get(0).library().equals("Tribuo")) {
      return Optional.empty();
    }
    List<Optimisers.Setting> penalties = settings.stream().filter(s -> s.param() == Optimisers.Param.PENALTY).toList();
    if (!penalties.stream().allMatch(s -> constants.value(s.value()) == 0)) {
      return Optional.empty();
    }
    return Optional.of(penalties);
  }

  /** l2(1e-4), l2(lambda): on; l2(0): off. */
  private boolean isPositive(BuilderChains.Call call) {
    Optional<Expression> arg = call.arg(0);
    if (arg.isEmpty()) {
      return false;
    }
    double c = constants.value(arg.get());
    return Double.isNaN(c) || c > 0;
  }

  /** dropOut (retain probability strictly between 0 and 1, or an IDropout), weight noise, regularizer lists, max-norm constraints. */
  private boolean isOtherRegularizer(BuilderChains.Call call) {
    Optional<Expression> arg = call.arg(0);
    if (arg.isEmpty() || arg.get() instanceof NullLiteralExpr) {
      return false;
    }
    switch (call.name()) {
      case "dropOut" -> {
        double c = constants.value(arg.get());
        return Double.isNaN(c) || (c > 0 && c < 1); // an IDropout object or a variable counts
      }
      case "weightNoise" -> {
        return true;
      }
      case "regularization", "regularizationBias" -> {
        if (arg.get() instanceof BooleanLiteralExpr) {
          return false;
        }
        String type = types.typeOf(arg.get());
        return !type.equals("boolean") && !type.equals("Boolean");
      }
      default -> {
        return WEIGHT_CONSTRAINTS.contains(call.name());
      }
    }
  }
}
