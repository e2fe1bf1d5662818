package dev.nanlint.rules;

import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.GradientSteps;
import dev.nanlint.analysis.Optimisers.Family;
import dev.nanlint.analysis.Optimisers.Setting;
import dev.nanlint.analysis.Optimisers;
import dev.nanlint.engine.Config;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Flags constant learning rates above what each optimiser family tolerates in practice (thresholds are
 * configurable: {@code HighLearningRate.adam = 0.1}), and hand-written gradient descent whose step, times the
 * squared scale of the raw data it multiplies, exceeds 2. See docs/rules/HighLearningRate.md.
 */
@RuleInfo(name = "HighLearningRate", severity = Severity.WARNING,
    summary = "a learning rate far above what the optimiser tolerates makes every step overshoot until the loss is Infinity or NaN")
public final class HighLearningRate implements Rule {
  /** Default thresholds: a learning rate strictly above them is reported. */
  public static final Map<Family, Double> DEFAULTS = Map.of(
      Family.ADAM, 0.1,
      Family.RMSPROP, 0.1,
      Family.ADAGRAD, 1.0,
      Family.SGD, 1.0);

  @Override
  public void visit(ObjectCreationExpr creation, RuleContext ctx) {
    Analysis a = Analysis.of(ctx);
    List<Setting> rates = Optimisers.learningRates(creation, a.imports());
    if (rates.isEmpty()) {
      return;
    }
    if (creation.getType().getNameAsString().equals("RmsProp") && creation.getArguments().size() == 1
        && a.builderChains().networks().stream().anyMatch(n -> a.trainingSetup(n).legacy())) {
      return; // ND4J 0.9's one-argument RmsProp(x) took the decay, not the learning rate
    }
    Optional<Setting> swapped = Optimisers.swappedMomentum(creation, a.imports(), a.constants());
    if (swapped.isPresent()) {
      reportSwapped(rates.get(0), swapped.get(), Optimisers.appliedByHand(creation), ctx);
      return;
    }
    check(rates, Optimisers.appliedByHand(creation), ctx);
  }

  /** {@code new Nesterovs(0.9, 0.01)}: reported whatever the threshold, since the step is tens of times the one meant. */
  private static void reportSwapped(Setting rate, Setting momentum, boolean drivenByHand, RuleContext ctx) {
    double lr = Analysis.of(ctx).constants().value(rate.value());
    double m = Analysis.of(ctx).constants().value(momentum.value());
    String message = "learning rate " + Shown.constant(rate.value(), lr) + " and momentum " + Shown.constant(momentum.value(), m)
        + " for " + rate.display() + " look swapped: " + Shown.number(lr) + " is a typical momentum and "
        + Shown.number(m) + " a typical learning rate; as written every step is " + Shown.number(lr) + " times the raw"
        + " gradient, about " + Math.round(lr / Math.max(m, 1e-3)) + " times the rate meant, which overshoots on any"
        + " curvature above " + Shown.number(2 / lr) + " until the loss grows to Infinity, then NaN";
    String fix = "new Nesterovs(" + momentum.value() + ", " + rate.value() + ") (the learning rate comes first)";
    if (drivenByHand) {
      ctx.reportWeaker(rate.value(), message + "; this updater is applied by hand, not to a network", fix);
    } else {
      ctx.report(rate.value(), message, fix);
    }
  }

  /** Beyond this, lr times the data's squared scale makes each least-squares step overshoot by more than the last. */
  private static final double STABLE_STEP = 2;

  @Override
  public void visit(AssignExpr assign, RuleContext ctx) {
    Analysis.of(ctx).gradientSteps().of(assign).filter(s -> s.stepTimesCurvature() > STABLE_STEP)
        .ifPresent(s -> reportStep(s, ctx));
  }

  private static void reportStep(GradientSteps.Step s, RuleContext ctx) {
    String rate = Shown.constant(s.rateExpr(), Analysis.of(ctx).constants().value(s.rateExpr()));
    String step = "this gradient-descent update steps by " + rate
        + (s.rate() != Analysis.of(ctx).constants().value(s.rateExpr()) ? " (" + Shown.number(s.rate()) + " with its other constant factors)" : "")
        + " times a gradient that multiplies " + ctx.source(s.data()) + ", raw data of magnitude up to " + Shown.number(s.scale())
        + " (" + s.scaleShownBy() + "): learning rate x magnitude² = " + Shown.number(s.stepTimesCurvature()) + " > 2";
    String fix = "scale the features to unit range first (subtract the mean, divide by the standard deviation), or use a"
        + " learning rate below 2 / " + Shown.number(s.scale()) + "² = " + Shown.number(STABLE_STEP / (s.scale() * s.scale()));
    if (s.squashedOutput()) {
      ctx.reportWeaker(s.rateExpr(), step + "; this class also squashes its output (exp/tanh), so if the error in the"
          + " gradient is bounded the weights grow by a bounded amount per step rather than geometrically", fix);
    } else {
      ctx.report(s.rateExpr(), step + ", so with a least-squares error each step overshoots the minimum along that"
          + " feature by more than the last: the error and the weights grow geometrically to Infinity, then NaN", fix);
    }
  }

  @Override
  public void visit(MethodCallExpr call, RuleContext ctx) {
    check(Optimisers.learningRate(call, Analysis.of(ctx).imports()).stream().toList(), false, ctx);
  }

  private static void check(List<Setting> settings, boolean drivenByHand, RuleContext ctx) {
    for (Setting s : settings) {
      if (!DEFAULTS.containsKey(s.family())) {
        continue;
      }
      double lr = Analysis.of(ctx).constants().value(s.value());
      double limit = threshold(ctx.config(), s.family());
      if (Double.isNaN(lr) || !(lr > limit)) {
        continue;
      }
      String shown = Shown.constant(s.value(), lr);
      String message = "learning rate " + shown + " for " + s.display() + " is above " + Shown.number(limit) + ": "
          + why(s.family()) + misplaced(s, lr);
      if (drivenByHand) {
        ctx.reportWeaker(s.value(), message + "; this updater is applied by hand, not to a network, so whether the"
            + " step is too large depends on the scale of what it optimises", fix(s));
      } else {
        ctx.report(s.value(), message, fix(s));
      }
    }
  }

  @Override
  public Set<String> configKeys() {
    return DEFAULTS.keySet().stream().map(HighLearningRate::configKey).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public String checkConfig(String key, String value) {
    try {
      double v = Double.parseDouble(value.trim());
      if (v > 0 && !Double.isInfinite(v)) {
        return null;
      }
    } catch (NumberFormatException e) {
      // not a number: say so below
    }
    return "'" + value.trim() + "' is not a learning rate (expected a positive number such as 0.01)";
  }

  private static String configKey(Family family) {
    return "HighLearningRate." + family.key();
  }

  /** The configured threshold of a family ({@code HighLearningRate.adam}), or its default. */
  static double threshold(Config config, Family family) {
    String configured = config.property(configKey(family), null);
    // the configuration checked the value (checkConfig): a positive finite number
    return configured != null ? Double.parseDouble(configured.trim()) : DEFAULTS.get(family);
  }

  /** A rate in [0.8, 1) is what RMSProp's decay or a momentum usually is: likely a value in the wrong place. */
  private static String misplaced(Setting s, double lr) {
    return Optimisers.likelyMeantAs(s, lr).map(meant -> meant.equals("rmsDecay")
        ? "; " + Shown.number(lr) + " is a typical RMSProp decay (rmsDecay), not a learning rate: was it meant as the decay?"
        : "; " + Shown.number(lr) + " is a typical momentum: are the learning rate and the momentum swapped?").orElse("");
  }

  private static String why(Family family) {
    return switch (family) {
      case ADAM -> "Adam-type updaters move every weight by about the learning rate per step whatever the gradient's size,"
          + " so steps this large overshoot, the loss climbs and activations overflow to Infinity, then NaN";
      case RMSPROP -> "RMSProp divides each gradient by its running RMS, so every weight moves by about the learning rate"
          + " per step; steps this large overshoot and the loss diverges to Infinity, then NaN";
      case ADAGRAD -> "AdaGrad's first steps move each weight by about the learning rate (the squared-gradient sum is"
          + " still small); steps this large throw the weights far out, and the loss overflows to Infinity, then NaN";
      default -> "an SGD step is the learning rate times the raw gradient; once it exceeds 2 / curvature every step"
          + " overshoots by more than the last and the loss grows geometrically to Infinity, then NaN";
    };
  }

  private static String fix(Setting s) {
    String typical = switch (s.family()) {
      case ADAM, RMSPROP -> "1e-3";
      case ADAGRAD -> "0.1";
      default -> "0.01";
    };
    return "use a smaller learning rate (" + typical + " is the usual start for " + s.type()
        + "), or a schedule that decays it (ISchedule, Tribuo's linear/sqrt decay SGD)";
  }
}
