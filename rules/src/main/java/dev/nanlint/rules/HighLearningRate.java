package dev.nanlint.rules;

import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.GradientSteps.Step;
import dev.nanlint.analysis.LearningRates;
import dev.nanlint.analysis.LearningRates.Rate;
import dev.nanlint.analysis.LearningRates.Swapped;
import dev.nanlint.analysis.Optimisers.Family;
import dev.nanlint.analysis.Optimisers.Setting;
import dev.nanlint.engine.Config;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.Arrays;
import java.util.List;
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
  @Override
  public void visit(ObjectCreationExpr creation, RuleContext ctx) {
    LearningRates rates = new LearningRates(Analysis.of(ctx));
    rates.swapped(creation).ifPresentOrElse(swapped -> reportSwapped(swapped, ctx),
        () -> check(rates.of(creation), ctx));
  }

  @Override
  public void visit(MethodCallExpr call, RuleContext ctx) {
    check(new LearningRates(Analysis.of(ctx)).of(call), ctx);
  }

  /** {@code new Nesterovs(0.9, 0.01)}: reported whatever the threshold, since the step is tens of times the one meant. */
  private static void reportSwapped(Swapped swapped, RuleContext ctx) {
    Setting rate = swapped.rate().setting();
    Setting momentum = swapped.momentum();
    double lr = swapped.rate().value();
    String message = "learning rate " + Shown.constant(rate.value(), lr) + " and momentum "
        + Shown.constant(momentum.value(), swapped.momentumValue()) + " for " + rate.display() + " look swapped: "
        + Shown.number(lr) + " is a typical momentum and " + Shown.number(swapped.momentumValue())
        + " a typical learning rate; as written every step is " + Shown.number(lr) + " times the raw gradient, about "
        + swapped.timesMeant() + " times the rate meant, which overshoots on any curvature above "
        + Shown.number(swapped.overshootsAbove()) + " until the loss grows to Infinity, then NaN";
    String fix = "new Nesterovs(" + momentum.value() + ", " + rate.value() + ") (the learning rate comes first)";
    if (swapped.rate().appliedByHand()) {
      ctx.reportWeaker(rate.value(), message + "; this updater is applied by hand, not to a network", fix);
    } else {
      ctx.report(rate.value(), message, fix);
    }
  }

  private static void check(List<Rate> rates, RuleContext ctx) {
    for (Rate rate : rates) {
      Setting s = rate.setting();
      double limit = threshold(ctx.config(), s.family());
      if (!(rate.value() > limit)) {
        continue;
      }
      String message = "learning rate " + Shown.constant(s.value(), rate.value()) + " for " + s.display()
          + " is above " + Shown.number(limit) + ": " + why(s.family()) + misplaced(rate);
      if (rate.appliedByHand()) {
        ctx.reportWeaker(s.value(), message + "; this updater is applied by hand, not to a network, so whether the"
            + " step is too large depends on the scale of what it optimises", fix(s));
      } else {
        ctx.report(s.value(), message, fix(s));
      }
    }
  }

  @Override
  public void visit(AssignExpr assign, RuleContext ctx) {
    Analysis.of(ctx).gradientSteps().of(assign).filter(Step::overshoots).ifPresent(s -> reportStep(s, ctx));
  }

  private static void reportStep(Step s, RuleContext ctx) {
    String step = "this gradient-descent update steps by " + Shown.constant(s.rateExpr(), s.writtenRate())
        + (s.otherConstantFactors() ? " (" + Shown.number(s.rate()) + " with its other constant factors)" : "")
        + " times a gradient that multiplies " + ctx.source(s.data()) + ", raw data of magnitude up to "
        + Shown.number(s.scale()) + " (" + s.scaleShownBy() + "): learning rate x magnitude² = "
        + Shown.number(s.stepTimesCurvature()) + " > 2";
    String fix = "scale the features to unit range first (subtract the mean, divide by the standard deviation), or use a"
        + " learning rate below 2 / " + Shown.number(s.scale()) + "² = " + Shown.number(s.stableRate());
    if (s.squashedOutput()) {
      ctx.reportWeaker(s.rateExpr(), step + "; this class also squashes its output (exp/tanh), so if the error in the"
          + " gradient is bounded the weights grow by a bounded amount per step rather than geometrically", fix);
    } else {
      ctx.report(s.rateExpr(), step + ", so with a least-squares error each step overshoots the minimum along that"
          + " feature by more than the last: the error and the weights grow geometrically to Infinity, then NaN", fix);
    }
  }

  @Override
  public Set<String> configKeys() {
    return Arrays.stream(Family.values()).filter(Family::judged).map(HighLearningRate::configKey)
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public String checkConfig(String key, String value) {
    return Levels.checkPositive(value, "a learning rate", "0.01");
  }

  private static String configKey(Family family) {
    return "HighLearningRate." + family.key();
  }

  /** The configured threshold of a family ({@code HighLearningRate.adam}), or its default. */
  static double threshold(Config config, Family family) {
    String configured = config.property(configKey(family), null);
    // the configuration checked the value (checkConfig): a positive finite number
    return configured != null ? Double.parseDouble(configured.trim()) : family.highRate();
  }

  /** A rate in [0.8, 1) is what RMSProp's decay or a momentum usually is: likely a value in the wrong place. */
  private static String misplaced(Rate rate) {
    String lr = Shown.number(rate.value());
    return rate.likelyMeantAs().map(meant -> meant.equals("rmsDecay")
        ? "; " + lr + " is a typical RMSProp decay (rmsDecay), not a learning rate: was it meant as the decay?"
        : "; " + lr + " is a typical momentum: are the learning rate and the momentum swapped?").orElse("");
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
    return "use a smaller learning rate (" + s.family().usualRate() + " is the usual start for " + s.type()
        + "), or a schedule that decays it (ISchedule, Tribuo's linear/sqrt decay SGD)";
  }
}
