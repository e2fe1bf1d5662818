package dev.nanlint.engine;

import dev.nanlint.rules.DegenerateWeightInit;
import dev.nanlint.rules.HalfPrecision;
import dev.nanlint.rules.HighLearningRate;
import dev.nanlint.rules.InverseTrigDomain;
import dev.nanlint.rules.LabelLossMismatch;
import dev.nanlint.rules.LabelOutOfRange;
import dev.nanlint.rules.LogOfSoftmax;
import dev.nanlint.rules.LossActivationMismatch;
import dev.nanlint.rules.MissingGradientClipping;
import dev.nanlint.rules.MissingInputNormalization;
import dev.nanlint.rules.MissingRegularization;
import dev.nanlint.rules.NaNEquality;
import dev.nanlint.rules.NegativeClassLabel;
import dev.nanlint.rules.PowDomain;
import dev.nanlint.rules.UncheckedTrainingLoss;
import dev.nanlint.rules.UnguardedDivision;
import dev.nanlint.rules.UnguardedLog;
import dev.nanlint.rules.UnguardedSqrt;
import dev.nanlint.rules.UnstableSoftmax;
import dev.nanlint.rules.ZeroEpsilon;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The rule catalogue: every built-in rule, listed once and explicitly (as Error Prone's
 * BuiltInCheckerSuppliers), plus rules users add through {@link ServiceLoader}.
 */
public final class BuiltInRules {
  private BuiltInRules() {}

  /** Fresh instances of the built-in rules, in catalogue order. */
  public static List<Rule> all() {
    return List.of(
        new UnguardedLog(),
        new UnguardedDivision(),
        new NaNEquality(),
        new UnguardedSqrt(),
        new UnstableSoftmax(),
        new LogOfSoftmax(),
        new PowDomain(),
        new InverseTrigDomain(),
        new HalfPrecision(),
        new MissingRegularization(),
        new MissingGradientClipping(),
        new LossActivationMismatch(),
        new DegenerateWeightInit(),
        new NegativeClassLabel(),
        new LabelOutOfRange(),
        new HighLearningRate(),
        new ZeroEpsilon(),
        new UncheckedTrainingLoss(),
        new LabelLossMismatch(),
        new MissingInputNormalization());
  }

  /** Built-ins followed by the rules found on {@code loader} under META-INF/services. */
  public static List<Rule> withServiceLoaded(ClassLoader loader) {
    List<Rule> rules = new ArrayList<>(all());
    List<String> known = new ArrayList<>(rules.stream().map(r -> r.info().name()).toList());
    for (Rule rule : ServiceLoader.load(Rule.class, loader)) {
      if (!known.contains(rule.info().name())) {
        known.add(rule.info().name());
        rules.add(rule);
      }
    }
    return List.copyOf(rules);
  }
}
