package dev.nanlint.analysis;

import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.nanlint.analysis.Optimisers.Setting;
import java.util.List;
import java.util.Optional;

/**
 * The constant learning rates a file gives its optimisers (which argument is the rate comes from
 * {@link Optimisers}; its value from the constants: a literal, a {@code static final}, a local never
 * reassigned), for the families that have a rate to judge ({@link Optimisers.Family#judged()}), with what the
 * code shows around each: whether the updater is applied by hand rather than to a network, and whether the rate
 * and the momentum of {@code new Nesterovs(0.9, 0.01)} look swapped.
 */
public final class LearningRates {
  /** Below this a momentum counts as 0.001 when telling how far a swapped rate is from the one meant. */
  private static final double SMALLEST_MOMENTUM = 1e-3;

  private final Analysis analysis;

  public LearningRates(Analysis analysis) {
    this.analysis = analysis;
  }

  /**
   * A learning rate set to a constant: the setting, its value, and whether its updater optimises whatever the
   * code applies it to ({@link Optimisers#appliedByHand}), whose scale decides what a safe rate is.
   */
  public record Rate(Setting setting, double value, boolean appliedByHand) {
    /** What a value in [0.8, 1) was likely meant as ({@code "rmsDecay"}, {@code "momentum"}), if anything. */
    public Optional<String> likelyMeantAs() {
      return Optimisers.likelyMeantAs(setting, value);
    }
  }

  /**
   * {@code new Nesterovs(0.9, 0.01)}: a rate that is a typical momentum next to a momentum that is a typical
   * rate ({@link Optimisers#swappedMomentum}).
   */
  public record Swapped(Rate rate, Setting momentum, double momentumValue) {
    /** About how many times the rate meant each step is, as written. */
    public long timesMeant() {
      return Math.round(rate.value() / Math.max(momentumValue, SMALLEST_MOMENTUM));
    }

    /** The curvature above which SGD at the rate as written overshoots by more than it corrects: 2 / lr. */
    public double overshootsAbove() {
      return 2 / rate.value();
    }
  }

  /**
   * The constant learning rates a constructor sets ({@code new Adam(0.5)}). None for the one-argument
   * {@code RmsProp(x)} of a file written for DL4J 0.x, where ND4J 0.9 read that argument as the decay.
   */
  public List<Rate> of(ObjectCreationExpr creation) {
    List<Setting> rates = Optimisers.learningRates(creation, analysis.imports());
    if (rates.isEmpty() || legacyRmsPropDecay(creation)) {
      return List.of();
    }
    return judged(rates, Optimisers.appliedByHand(creation));
  }

  /**
   * The constant learning rate a call sets: {@code .learningRate(x)} of an updater or legacy builder, Tribuo's SGD
   * factories.
   */
  public List<Rate> of(MethodCallExpr call) {
    return judged(Optimisers.learningRate(call, analysis.imports()).stream().toList(), false);
  }

  /** The rate and momentum of {@code new Nesterovs(0.9, 0.01)} when they look swapped. */
  public Optional<Swapped> swapped(ObjectCreationExpr creation) {
    Constants constants = analysis.constants();
    Optional<Setting> momentum = Optimisers.swappedMomentum(creation, analysis.imports(), constants);
    if (momentum.isEmpty()) {
      return Optional.empty();
    }
    Setting rate = Optimisers.learningRates(creation, analysis.imports()).get(0); // swappedMomentum found one
    return Optional.of(new Swapped(new Rate(rate, constants.value(rate.value()), Optimisers.appliedByHand(creation)),
        momentum.get(), constants.value(momentum.get().value())));
  }

  private boolean legacyRmsPropDecay(ObjectCreationExpr creation) {
    return creation.getType().getNameAsString().equals("RmsProp") && creation.getArguments().size() == 1
        && analysis.builderChains().networks().stream().anyMatch(n -> analysis.trainingSetup(n).legacy());
  }

  /** The settings of a family with a rate to judge whose value is a constant. */
  private List<Rate> judged(List<Setting> settings, boolean appliedByHand) {
    return settings.stream().filter(s -> s.family().judged())
        .map(s -> new Rate(s, analysis.constants().value(s.value()), appliedByHand))
        .filter(r -> !Double.isNaN(r.value())).toList();
  }
}
