package dev.nanlint.analysis;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Optimiser settings as written in code: which optimiser (ND4J/DL4J updater or Tribuo
 * {@code StochasticGradientOptimiser}, told apart by the file's imports: both libraries have an
 * {@code Adam} and an {@code AdaGrad}), and which argument is the learning rate, the epsilon or the
 * regularisation strength. Positions come from the real constructor signatures of nd4j-api 1.0.0-M2.1 and
 * tribuo-math 4.3.2 (checked with javap); note that ND4J's one-argument {@code Nesterovs(double)} is the
 * <em>momentum</em>, not the learning rate.
 *
 * <p>Recognised forms: constructors ({@code new Adam(lr, b1, b2, eps)}), Lombok builders of the ND4J
 * updaters ({@code Adam.builder().learningRate(lr).epsilon(eps)}, {@code new Adam.Builder()}), Tribuo's
 * {@code SGD.getSimpleSGD(lr)} factories, and the legacy DL4J (0.x) {@code .learningRate(lr)} on a
 * {@code NeuralNetConfiguration} or layer builder, whose updater was chosen by {@code .updater(Updater.X)}.
 */
public final class Optimisers {
  public static final String ND4J = "org.nd4j.linalg.learning.config";
  public static final String TRIBUO = "org.tribuo.math.optimisers";
  private static final String DL4J_CONF = "org.deeplearning4j.nn.conf";
  private static final String DL4J_LAYERS = "org.deeplearning4j.nn.conf.layers";

  private Optimisers() {}

  /**
   * Optimisers that behave alike for the size of a safe learning rate, with the rate above which steps overshoot
   * in practice (NaN when the family has no rate to judge) and the usual starting rate, as written in messages.
   * docs/rules/HighLearningRate.md explains the numbers.
   */
  public enum Family {
    /** Adam, AdaMax, Nadam, AMSGrad, AdaBelief: the step per weight is about lr whatever the gradient's scale. */
    ADAM(0.1, "1e-3"),
    /** RMSProp: a normalised step like Adam's, without the bias-corrected momentum. */
    RMSPROP(0.1, "1e-3"),
    /** AdaGrad (and Tribuo's AdaGradRDA): steps shrink as squared gradients accumulate. */
    ADAGRAD(1.0, "0.1"),
    /** Plain SGD, with or without (Nesterov) momentum: the step is lr times the raw gradient. */
    SGD(1.0, "0.01"),
    /** AdaDelta: no learning rate at all. */
    ADADELTA(Double.NaN, null),
    /** Tribuo's Pegasos: the rate is baseRate / (lambda * t). */
    PEGASOS(Double.NaN, null);

    private final double highRate;
    private final String usualRate;

    Family(double highRate, String usualRate) {
      this.highRate = highRate;
      this.usualRate = usualRate;
    }

    /** The lower-case key used in configuration ({@code HighLearningRate.adam}). */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The learning rate above which this family's steps overshoot in practice, NaN when it has no rate to judge:
     * 0.1 for Adam and RMSProp (a hundred times their usual 1e-3; every weight moves by about lr per step),
     * 1.0 for AdaGrad (its steps shrink like lr/sqrt(t)) and for SGD (diverges on any curvature above 2).
     */
    public double highRate() {
      return highRate;
    }

    /** Does this family have a learning rate to judge (a {@link #highRate()})? AdaDelta and Pegasos do not. */
    public boolean judged() {
      return !Double.isNaN(highRate);
    }

    /** The usual starting learning rate ({@code "1e-3"} for Adam), null when the family has no rate. */
    public String usualRate() {
      return usualRate;
    }
  }

  /** PENALTY: an l1/l2 weight penalty (Tribuo AdaGradRDA); LAMBDA: Pegasos' regularisation strength. */
  public enum Param { LEARNING_RATE, EPSILON, LAMBDA, MOMENTUM, PENALTY, OTHER }

  /**
   * One setting: the optimiser's library and class ({@code "ND4J Adam"}), its family, which parameter,
   * the expression that sets it, and how the code set it (a constructor argument or a builder method).
   */
  public record Setting(String library, String type, Family family, Param param, Expression value, boolean builder) {
    public String display() {
      return library + " " + type;
    }
  }

  /** Argument roles per arity, for each recognised constructor. */
  private static final Map<String, Map<Integer, List<Param>>> ND4J_CTORS = Map.of(
      "Sgd", Map.of(1, List.of(Param.LEARNING_RATE)),
      "Adam", adamLike(), "AdaMax", adamLike(), "Nadam", adamLike(), "AMSGrad", adamLike(), "AdaBelief", adamLike(),
      "Nesterovs", Map.of(1, List.of(Param.MOMENTUM), 2, List.of(Param.LEARNING_RATE, Param.MOMENTUM)),
      "RmsProp", Map.of(1, List.of(Param.LEARNING_RATE), 3, List.of(Param.LEARNING_RATE, Param.OTHER, Param.EPSILON)),
      "AdaGrad", Map.of(1, List.of(Param.LEARNING_RATE), 2, List.of(Param.LEARNING_RATE, Param.EPSILON)),
      "AdaDelta", Map.of(2, List.of(Param.OTHER, Param.EPSILON)));

  private static final Map<String, Map<Integer, List<Param>>> TRIBUO_CTORS = Map.of(
      "AdaGrad", Map.of(1, List.of(Param.LEARNING_RATE), 2, List.of(Param.LEARNING_RATE, Param.EPSILON),
          3, List.of(Param.LEARNING_RATE, Param.EPSILON, Param.OTHER)),
      "AdaGradRDA", Map.of(2, List.of(Param.LEARNING_RATE, Param.EPSILON),
          5, List.of(Param.LEARNING_RATE, Param.EPSILON, Param.PENALTY, Param.PENALTY, Param.OTHER)),
      "Adam", Map.of(2, List.of(Param.LEARNING_RATE, Param.EPSILON),
          4, List.of(Param.LEARNING_RATE, Param.OTHER, Param.OTHER, Param.EPSILON)),
      "RMSProp", Map.of(2, List.of(Param.LEARNING_RATE, Param.OTHER),
          4, List.of(Param.LEARNING_RATE, Param.OTHER, Param.EPSILON, Param.OTHER)),
      "AdaDelta", Map.of(1, List.of(Param.EPSILON), 2, List.of(Param.OTHER, Param.EPSILON)),
      "Pegasos", Map.of(2, List.of(Param.OTHER, Param.LAMBDA)));

  /** ND4J's learning rate for a configuration built without one (the DEFAULT_* constants of nd4j-api 1.0.0-M2.1). */
  private static final Map<String, Double> ND4J_DEFAULT_RATES = Map.of("Sgd", 1e-3, "Adam", 1e-3, "AdaMax", 1e-3,
      "Nadam", 1e-3, "AMSGrad", 1e-3, "AdaBelief", 1e-3, "Nesterovs", 0.1, "RmsProp", 0.1, "AdaGrad", 0.1);

  private static final Set<String> TRIBUO_SGD_FACTORIES = Set.of("getSimpleSGD", "getLinearDecaySGD", "getSqrtDecaySGD");

  private static Map<Integer, List<Param>> adamLike() {
    return Map.of(1, List.of(Param.LEARNING_RATE),
        4, List.of(Param.LEARNING_RATE, Param.OTHER, Param.OTHER, Param.EPSILON));
  }

  private static Family family(String type) {
    return switch (type) {
      case "Adam", "AdaMax", "Nadam", "AMSGrad", "AdaBelief" -> Family.ADAM;
      case "RmsProp", "RMSProp" -> Family.RMSPROP;
      case "AdaGrad", "AdaGradRDA" -> Family.ADAGRAD;
      case "AdaDelta" -> Family.ADADELTA;
      case "Pegasos" -> Family.PEGASOS;
      default -> Family.SGD;
    };
  }

  /** The settings a constructor call makes: {@code new Adam(0.5)}, {@code new AdaGrad(0.1, 0.0)}. */
  public static List<Setting> of(ObjectCreationExpr creation, Imports imports) {
    String written = Imports.written(creation.getType());
    String simple = creation.getType().getNameAsString();
    if (written.contains(".") && !written.startsWith(ND4J + ".") && !written.startsWith(TRIBUO + ".")) {
      return List.of(); // Adam.Builder and friends: handled as builders
    }
    List<String> owners = new ArrayList<>();
    if (ND4J_CTORS.containsKey(simple)) {
      owners.add(ND4J);
    }
    if (TRIBUO_CTORS.containsKey(simple)) {
      owners.add(TRIBUO); // Adam, AdaGrad and AdaDelta exist in both: the imports must settle which
    }
    Optional<String> owner = owners.isEmpty() ? Optional.empty() : imports.packageOf(written, owners.toArray(String[]::new));
    if (owner.isEmpty()) {
      return List.of();
    }
    boolean nd4j = owner.get().equals(ND4J);
    List<Param> roles = (nd4j ? ND4J_CTORS : TRIBUO_CTORS).get(simple).get(creation.getArguments().size());
    if (roles == null) {
      return List.of();
    }
    List<Setting> out = new ArrayList<>();
    for (int i = 0; i < roles.size(); i++) {
      if (roles.get(i) != Param.OTHER) {
        out.add(new Setting(nd4j ? "ND4J" : "Tribuo", simple, family(simple), roles.get(i), creation.getArgument(i), false));
      }
    }
    return out;
  }

  /**
   * The learning rate ND4J gives an updater whose constructor sets none: {@code new Adam()} trains at 1e-3,
   * {@code new Nesterovs(0.9)} (its one argument is the momentum) at 0.1. Empty for other libraries' types and
   * for constructors that set the rate.
   */
  public static OptionalDouble defaultLearningRate(ObjectCreationExpr creation, Imports imports) {
    String simple = creation.getType().getNameAsString();
    Double rate = ND4J_DEFAULT_RATES.get(simple);
    if (rate == null || !imports.is(Imports.written(creation.getType()), ND4J, simple)
        || of(creation, imports).stream().anyMatch(s -> s.param() == Param.LEARNING_RATE)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(rate);
  }

  /**
   * The setting a method call makes: a builder method of an ND4J updater ({@code .learningRate(x)},
   * {@code .epsilon(x)}, {@code .momentum(x)}), a Tribuo SGD factory, or a legacy DL4J builder's
   * {@code .learningRate(x)}.
   */
  public static Optional<Setting> of(MethodCallExpr call, Imports imports) {
    String name = call.getNameAsString();
    if (TRIBUO_SGD_FACTORIES.contains(name) && call.getArguments().isNonEmpty()) {
      Optional<Expression> scope = call.getScope();
      if (scope.isPresent() && isTypeName(scope.get()) && imports.is(scope.get().toString(), TRIBUO, "SGD")) {
        return Optional.of(new Setting("Tribuo", "SGD", Family.SGD, Param.LEARNING_RATE, call.getArgument(0), false));
      }
      return Optional.empty();
    }
    Param param = switch (name) {
      case "learningRate" -> Param.LEARNING_RATE;
      case "epsilon" -> Param.EPSILON;
      case "momentum" -> Param.MOMENTUM;
      default -> null;
    };
    if (param == null || call.getArguments().size() != 1) {
      return Optional.empty();
    }
    Expression root = chainRoot(call);
    String updater = updaterOfBuilder(root, imports);
    if (updater != null) {
      return Optional.of(new Setting("ND4J", updater, family(updater), param, call.getArgument(0), true));
    }
    if (param == Param.LEARNING_RATE && isLegacyDl4jBuilder(root, imports)) {
      String legacy = legacyUpdater(call);
      return Optional.of(new Setting("DL4J", legacy, family(legacy), param, call.getArgument(0), true));
    }
    return Optional.empty();
  }

  /** {@code Adam.builder()} or {@code new Adam.Builder()} of an ND4J updater: its simple class name, else null. */
  private static String updaterOfBuilder(Expression root, Imports imports) {
    if (root instanceof MethodCallExpr m && m.getNameAsString().equals("builder") && m.getArguments().isEmpty()
        && m.getScope().isPresent() && isTypeName(m.getScope().get())) {
      String written = m.getScope().get().toString();
      String simple = written.substring(written.lastIndexOf('.') + 1);
      return ND4J_CTORS.containsKey(simple) && imports.is(written, ND4J, simple) ? simple : null;
    }
    if (root instanceof ObjectCreationExpr c && c.getType().getNameAsString().equals("Builder")
        && c.getType().getScope().isPresent()) {
      String outer = Imports.written(c.getType().getScope().get());
      String simple = outer.substring(outer.lastIndexOf('.') + 1);
      return ND4J_CTORS.containsKey(simple) && imports.is(outer, ND4J, simple) ? simple : null;
    }
    return null;
  }

  /** {@code new NeuralNetConfiguration.Builder()}, {@code new DenseLayer.Builder()}: DL4J configuration builders. */
  private static boolean isLegacyDl4jBuilder(Expression root, Imports imports) {
    if (!(root instanceof ObjectCreationExpr c) || !c.getType().getNameAsString().equals("Builder")
        || c.getType().getScope().isEmpty()) {
      return false;
    }
    String outer = Imports.written(c.getType().getScope().get());
    String simple = outer.substring(outer.lastIndexOf('.') + 1);
    return imports.is(outer, DL4J_CONF, simple) || imports.is(outer, DL4J_LAYERS, simple);
  }

  /** The legacy updater a DL4J 0.x chain selects with {@code .updater(Updater.ADAM)}; SGD when none. */
  private static String legacyUpdater(MethodCallExpr call) {
    for (MethodCallExpr c : chain(call)) {
      if (c.getNameAsString().equals("updater") && c.getArguments().size() == 1
          && c.getArgument(0) instanceof FieldAccessExpr f && f.getScope().toString().endsWith("Updater")) {
        return switch (f.getNameAsString()) {
          case "ADAM" -> "Adam";
          case "ADAMAX" -> "AdaMax";
          case "NADAM" -> "Nadam";
          case "AMSGRAD" -> "AMSGrad";
          case "RMSPROP" -> "RmsProp";
          case "ADAGRAD" -> "AdaGrad";
          case "ADADELTA" -> "AdaDelta";
          case "NESTEROVS" -> "Nesterovs";
          default -> "Sgd";
        };
      }
    }
    return "Sgd";
  }

  /** Constructors with a learning-rate argument in some arity (ND4J's and Tribuo's). */
  private static final Set<String> LEARNING_RATE_TYPES = Set.of("Sgd", "Adam", "AdaMax", "Nadam", "AMSGrad",
      "AdaBelief", "Nesterovs", "RmsProp", "AdaGrad", "RMSProp", "AdaGradRDA");

  /** The learning rate a constructor sets ({@code new Adam(0.5)}, {@code new Nesterovs(0.1, 0.9)}), if any. */
  public static List<Setting> learningRates(ObjectCreationExpr creation, Imports imports) {
    if (!LEARNING_RATE_TYPES.contains(creation.getType().getNameAsString()) || creation.getArguments().isEmpty()) {
      return List.of();
    }
    return of(creation, imports).stream().filter(s -> s.param() == Param.LEARNING_RATE).toList();
  }

  /** The learning rate a call sets: {@code .learningRate(x)} of an updater or legacy builder, Tribuo's SGD factories. */
  public static Optional<Setting> learningRate(MethodCallExpr call, Imports imports) {
    String name = call.getNameAsString();
    if (!name.equals("learningRate") && !TRIBUO_SGD_FACTORIES.contains(name) || call.getArguments().isEmpty()) {
      return Optional.empty();
    }
    return of(call, imports).filter(s -> s.param() == Param.LEARNING_RATE);
  }

  /**
   * Is this updater configuration handed straight to an updater ({@code new AdamUpdater(new Adam(2))},
   * {@code new Adam(2).instantiate(...)}) rather than to a network? Then it optimises whatever the code
   * applies it to (an image's pixels in style transfer), whose scale decides what a safe rate is.
   */
  public static boolean appliedByHand(ObjectCreationExpr creation) {
    return creation.getParentNode().map(p -> p instanceof ObjectCreationExpr outer
        && outer.getType().getNameAsString().endsWith("Updater") && !outer.getType().getNameAsString().equals("Updater")
        || p instanceof MethodCallExpr m && m.getNameAsString().equals("instantiate")
            && m.getScope().filter(sc -> sc == creation).isPresent()).orElse(false);
  }

  /**
   * The parameter a learning rate in [0.8, 1) was likely meant as: {@code "rmsDecay"} for RMSProp (a typical
   * decay), {@code "momentum"} for Nesterovs (a typical momentum, so rate and momentum may be swapped).
   */
  public static Optional<String> likelyMeantAs(Setting s, double learningRate) {
    if (learningRate < 0.8 || learningRate >= 1) {
      return Optional.empty();
    }
    return switch (s.family()) {
      case RMSPROP -> Optional.of("rmsDecay");
      case SGD -> s.type().equals("Nesterovs") ? Optional.of("momentum") : Optional.empty();
      default -> Optional.empty();
    };
  }

  /**
   * The momentum of {@code new Nesterovs(0.9, 0.01)} when the two arguments look swapped: a learning rate that
   * is a typical momentum (in [0.8, 1)) next to a momentum below 0.5, which no one chooses as a momentum but is
   * a usual learning rate. Then SGD steps at about 0.9 times the raw gradient, tens of times the rate meant.
   */
  public static Optional<Setting> swappedMomentum(ObjectCreationExpr creation, Imports imports, Constants constants) {
    List<Setting> settings = of(creation, imports);
    Optional<Setting> rate = settings.stream().filter(s -> s.param() == Param.LEARNING_RATE).findFirst();
    Optional<Setting> momentum = settings.stream().filter(s -> s.param() == Param.MOMENTUM).findFirst();
    if (rate.isEmpty() || momentum.isEmpty() || likelyMeantAs(rate.get(), constants.value(rate.get().value()))
        .filter("momentum"::equals).isEmpty()) {
      return Optional.empty();
    }
    double m = constants.value(momentum.get().value());
    return m > 0 && m < 0.5 ? momentum : Optional.empty();
  }

  /**
   * The expression a fluent chain starts from: {@code new X.Builder()} in {@code new X.Builder().a().b()},
   * the call {@code X.builder()} in {@code X.builder().a()}, or the variable a chain is called on.
   */
  public static Expression chainRoot(MethodCallExpr call) {
    MethodCallExpr m = call;
    while (true) {
      Optional<Expression> scope = m.getScope();
      if (scope.isEmpty()) {
        return m;
      }
      Expression s = scope.get();
      if (s instanceof MethodCallExpr inner) {
        m = inner;
      } else {
        return isTypeName(s) ? m : s;
      }
    }
  }

  /** Every call of the fluent chain {@code call} belongs to, from the root outwards. */
  public static List<MethodCallExpr> chain(MethodCallExpr call) {
    MethodCallExpr top = call;
    while (top.getParentNode().orElse(null) instanceof MethodCallExpr m
        && m.getScope().isPresent() && m.getScope().get() == top) {
      top = m;
    }
    List<MethodCallExpr> out = new ArrayList<>();
    Expression e = top;
    while (e instanceof MethodCallExpr m) {
      out.add(0, m);
      e = m.getScope().orElse(null);
    }
    return out;
  }

  /** {@code Adam} or {@code org.nd4j.linalg.learning.config.Adam} used as a type, not a variable. */
  private static boolean isTypeName(Expression e) {
    String last = e instanceof NameExpr n ? n.getNameAsString()
        : e instanceof FieldAccessExpr f ? f.getNameAsString() : "";
    return !last.isEmpty() && Character.isUpperCase(last.charAt(0));
  }
}
