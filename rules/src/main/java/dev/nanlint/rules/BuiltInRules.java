package dev.nanlint.rules;

import com.github.javaparser.ast.Node;
import dev.nanlint.engine.Rule;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
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

  /**
   * Built-ins followed by the rules found on {@code loader} under META-INF/services (docs/custom-rules.md).
   *
   * @throws IllegalStateException when a listed rule cannot be loaded (the command exits 2; the processor
   *     and plugin report a javac error), rather than running without it unnoticed
   */
  public static List<Rule> withServiceLoaded(ClassLoader loader) {
    List<Rule> rules = new ArrayList<>(all());
    List<String> known = new ArrayList<>(rules.stream().map(r -> r.info().name()).toList());
    Iterator<Rule> found = ServiceLoader.load(Rule.class, loader).iterator();
    while (true) {
      Rule rule;
      try {
        if (!found.hasNext()) {
          break;
        }
        rule = found.next();
      } catch (ServiceConfigurationError | LinkageError e) {
        throw new IllegalStateException(cannotLoad(e), e);
      }
      if (!known.contains(rule.info().name())) {
        known.add(rule.info().name());
        rules.add(rule);
      }
    }
    return List.copyOf(rules);
  }

  /**
   * Why a listed rule cannot be loaded. The usual reason is a jar built for the other JavaParser: the
   * processor carries it relocated, the command does not (docs/custom-rules.md). Both package names are
   * computed, not written, since the processor's build would relocate a written one.
   */
  private static String cannotLoad(Throwable e) {
    String message = "cannot load a custom rule: " + e.getMessage();
    String ours = Node.class.getPackageName().substring(0, Node.class.getPackageName().lastIndexOf('.'));
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      String missing = cause instanceof NoClassDefFoundError && cause.getMessage() != null
          ? cause.getMessage().replace('/', '.') : "";
      int javaparser = missing.indexOf(".javaparser.");
      if (javaparser > 0 && !missing.startsWith(ours + ".")) {
        return message + " (it refers to JavaParser as " + missing.substring(0, javaparser + ".javaparser".length())
            + ", but this nanlint carries it as " + ours + ": use the rule's jar built for it, see"
            + " docs/custom-rules.md)";
      }
    }
    return message + (e.getCause() == null ? "" : " (" + e.getCause() + ")");
  }
}
