package dev.nanlint.analysis;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ForStmt;
import dev.nanlint.analysis.BuilderChains.Network;
import dev.nanlint.analysis.Optimisers.Family;
import dev.nanlint.analysis.Optimisers.Param;
import dev.nanlint.analysis.Optimisers.Setting;
import dev.nanlint.engine.FileNodes;
import dev.nanlint.engine.Nodes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the code shows about how one DL4J network is trained, read once and shared by the configuration
 * rules so each can ask whether its divergence mechanism is present: the updater and the size of its step
 * (plain SGD moves a weight by lr times the raw gradient; Adam-type and RMSProp updaters by about lr,
 * whatever the gradient), the truncated-BPTT length that bounds how far gradients travel through time,
 * and whether this file trains or saves a model at all.
 */
public final class TrainingSetup {
  /** DL4J 1.0's {@code NeuralNetConfiguration.Builder} starts from {@code new Sgd()}: lr 1e-3. */
  private static final double DEFAULT_SGD_RATE = 1e-3;
  /** DL4J's trainable networks, the trainers that fit one, DL4J's {@code Model} interface, and SameDiff graphs. */
  private static final Set<String> NETWORK_TYPES = Set.of("MultiLayerNetwork", "ComputationGraph",
      "SparkDl4jMultiLayer", "SparkComputationGraph", "ParallelWrapper", "EarlyStoppingTrainer",
      "EarlyStoppingGraphTrainer", "Model", "SameDiff");

  /** What the code shows the receiver of {@code fit}/{@code save} is: the one place that decides it. */
  public enum Receiver {
    /** Declared or created as a network, a trainer of one, or a SameDiff graph. */
    NETWORK,
    /** No type this file shows: another object's field ({@code this.trainer.net}), a call's result ({@code getModel()}). */
    UNKNOWN,
    /**
     * A type that is not a network (a normalizer, a Tribuo or Smile model, the project's own class), or a name
     * this file does not declare ({@code Utils.save(...)}, an inherited field): not shown to be a network.
     */
    OTHER
  }

  /**
   * The updater: its family (null when it cannot be told), its learning rate (NaN when not a constant),
   * the expression that sets it (null for DL4J's default), and a short description for messages.
   */
  public record Updater(Family family, double learningRate, Expression written, String shown) {
    /** Adam-type, RMSProp, AdaGrad, AdaDelta: each step is bounded by about the learning rate. */
    public boolean adaptive() {
      return family != null && family != Family.SGD && family != Family.PEGASOS;
    }

    /** Plain SGD or (Nesterov) momentum: a step is lr times the raw gradient, however large. */
    public boolean plain() {
      return family == Family.SGD;
    }
  }

  /**
   * Builder methods only DL4J 0.x had ({@code .learningRate(x)} on configuration builders, {@code .iterations(n)},
   * {@code .regularization(true)}): code written for 0.x sets its updater per layer with {@code Updater.X} and its
   * rate network-wide, and ND4J 0.9's one-argument {@code RmsProp(x)} took the decay, not the rate.
   */
  private static final Set<String> LEGACY_SETTINGS = Set.of("learningRate", "iterations", "biasLearningRate",
      "learningRateDecayPolicy", "lrPolicyDecayRate", "learningRateSchedule");

  private final Updater updater;
  private final Function<Expression, Updater> resolver;
  private final boolean legacy;
  private final double tbpttLength;
  private final boolean trainedHere;
  private final Length length;
  private final Output output;
  private final double sequenceLength;

  /**
   * How long the file trains: the longest run of epochs its fit calls show ({@code fit(iter, 200)}, constant
   * {@code for} loops around {@code fit}, a {@code MultipleEpochsIterator(n, iter)}, an early-stopping
   * {@code MaxEpochsTerminationCondition(n)}), NaN when
   * no count is a constant; and whether early stopping ends training when the score stops improving.
   */
  public record Length(double epochs, boolean earlyStopping) {}

  /**
   * The output layer: its activation and loss as DL4J constants (null when not known), whether the file
   * scales the labels ({@code normalizer.fitLabel(true)}), and the largest label magnitude the code shows (the
   * literal values of the labels of a {@code new DataSet(features, labels)} built in the file), NaN when it
   * shows none.
   */
  public record Output(String activation, String loss, boolean labelsScaled, double labelScale) {
    private static final Set<String> UNBOUNDED = Set.of("IDENTITY", "RELU", "LEAKYRELU", "RELU6", "ELU", "SELU",
        "SOFTPLUS", "CUBE", "GELU", "SWISH", "MISH", "THRESHOLDEDRELU", "RRELU");
    private static final Set<String> SQUARED = Set.of("MSE", "L2", "SQUARED_LOSS");

    /** A regression head whose prediction and squared error grow without bound as the weights grow. */
    public boolean unboundedSquaredError() {
      return activation != null && UNBOUNDED.contains(activation) && loss != null && SQUARED.contains(loss);
    }
  }

  private TrainingSetup(Updater updater, Function<Expression, Updater> resolver, boolean legacy,
      double tbpttLength, boolean trainedHere, Length length, Output output, double sequenceLength) {
    this.updater = updater;
    this.resolver = resolver;
    this.legacy = legacy;
    this.tbpttLength = tbpttLength;
    this.trainedHere = trainedHere;
    this.length = length;
    this.output = output;
    this.sequenceLength = sequenceLength;
  }

  /** The setup of {@code network}, whose builders are in {@code unit}. */
  static TrainingSetup of(Network network, CompilationUnit unit, Declarations declarations, Types types,
      BuilderChains chains, Constants constants) {
    Imports imports = new Imports(unit);
    boolean legacy = network.anywhere(c -> LEGACY_SETTINGS.contains(c.name())
        || c.name().equals("regularization") && c.arg(0).filter(BooleanLiteralExpr.class::isInstance).isPresent());
    Function<Expression, Updater> resolver =
        e -> updater(e, imports, declarations, chains, constants, network);
    Updater updater = network.last("updater").flatMap(c -> c.arg(0)).map(resolver)
        .orElseGet(() -> legacy ? new Updater(Family.SGD, network.last("learningRate").flatMap(c -> c.arg(0))
            .map(constants::value).orElse(Double.NaN), null, "DL4J 0.x's default SGD")
            : new Updater(Family.SGD, DEFAULT_SGD_RATE, null, "DL4J's default Sgd(1e-3)"));
    double tbptt = network.lastStructural("tBPTTLength", "tBPTTForwardLength", "tbpttFwdLength")
        .flatMap(c -> c.arg(0)).map(constants::value).orElse(Double.NaN);
    if (network.lastStructural("backpropType").flatMap(c -> c.arg(0))
        .flatMap(e -> chains.enumConstant(e, "BackpropType")).filter("Standard"::equals).isPresent()) {
      tbptt = Double.NaN; // full BPTT: the sequence length is the data's
    }
    return new TrainingSetup(updater, resolver, legacy, tbptt, trains(unit, types),
        length(unit, declarations, types, constants), output(network, unit, chains, declarations, constants),
        declaredSequenceLength(network, constants).orElseGet(() -> sequenceLength(unit, types, constants)));
  }

  /** The network-wide updater (DL4J's default when none is set). */
  public Updater updater() {
    return updater;
  }

  /** The updater that trains {@code layer}: its own {@code .updater(...)} (DL4J 0.x set it per layer), else the network's. */
  public Updater updater(BuilderChains.Layer layer) {
    for (BuilderChains.Layer l : layer.selfAndWrapped()) {
      Optional<Expression> own = l.last("updater").flatMap(c -> c.arg(0));
      if (own.isPresent()) {
        return resolver.apply(own.get());
      }
    }
    return updater;
  }

  /** The configuration is written for DL4J 0.x (it calls builder methods 1.0 removed). */
  public boolean legacy() {
    return legacy;
  }

  /** The truncated-BPTT length when the configuration sets one to a constant, else NaN. */
  public double tbpttLength() {
    return tbpttLength;
  }

  /**
   * The number of time steps of the sequences the network is trained on, where the code shows it: the
   * {@code timeSeriesLength} the configuration declares ({@code .setInputType(InputType.recurrent(10, 50))}),
   * else, when every 3-D array the file makes with ND4J for training ({@code Nd4j.zeros(batch, features, 5)},
   * {@code Nd4j.create(data, new int[]{batch, features, 5})} reaching a {@code fit} or a {@code new DataSet})
   * has a constant last dimension, the longest of them; an array only predicted on does not count. NaN when
   * the code shows no length, one of unknown length ({@code InputType.recurrent(n, -1)}, a parameter), or uses
   * the time-major NWC layout for its arrays (then the time steps are not the last dimension).
   */
  public double sequenceLength() {
    return sequenceLength;
  }

  /**
   * The longest {@code timeSeriesLength} of the recurrent input types the configuration declares
   * ({@code setInputType(InputType.recurrent(size, length[, format]))}, {@code setInputTypes(...)} of a graph);
   * NaN when one of them has no constant positive length (DL4J reads -1 as "variable"); empty when it declares
   * none with a length.
   */
  private static Optional<Double> declaredSequenceLength(Network network, Constants constants) {
    Double longest = null;
    for (BuilderChains.Call call : network.structureCalls()) {
      if (!call.name().equals("setInputType") && !call.name().equals("setInputTypes")) {
        continue;
      }
      for (Expression arg : call.args()) {
        if (Flow.strip(arg) instanceof MethodCallExpr type && type.getNameAsString().equals("recurrent")
            && type.getArguments().size() >= 2
            && type.getScope().filter(s -> s.toString().endsWith("InputType")).isPresent()) {
          double steps = constants.value(type.getArgument(1));
          if (!(steps >= 1)) {
            return Optional.of(Double.NaN);
          }
          longest = longest == null ? steps : Math.max(longest, steps);
        }
      }
    }
    return Optional.ofNullable(longest);
  }

  private static final Set<String> ARRAY_FACTORIES = Set.of("create", "zeros", "ones", "rand", "randn",
      "valueArrayOf");

  private static double sequenceLength(CompilationUnit unit, Types types, Constants constants) {
    if (FileNodes.of(unit).first(NameExpr.class, n -> n.getNameAsString().equals("NWC")).isPresent()
        || FileNodes.of(unit).first(FieldAccessExpr.class, f -> f.getNameAsString().equals("NWC")).isPresent()) {
      return Double.NaN;
    }
    double longest = Double.NaN;
    for (MethodCallExpr call : FileNodes.of(unit).all(MethodCallExpr.class)) {
      if (!ARRAY_FACTORIES.contains(call.getNameAsString()) || call.getScope().isEmpty()
          || !call.getScope().get().toString().equals("Nd4j")) {
        continue;
      }
      List<Expression> shape = shape(call, types);
      if (shape.size() != 3 || !feedsTraining(call)) {
        continue; // not a sequence, or one only predicted on (a 1-step input for rnnTimeStep)
      }
      double steps = constants.value(shape.get(2));
      if (!(steps >= 1)) {
        return Double.NaN; // a sequence of a length the code does not fix
      }
      longest = Double.isNaN(longest) ? steps : Math.max(longest, steps);
    }
    return longest;
  }

  /**
   * Does this array reach training: it is (inside) an argument of a {@code fit} call or of a
   * {@code new DataSet(...)}/{@code new MultiDataSet(...)}, directly or through the local it initialises or is
   * assigned to ({@code INDArray input = Nd4j.create(...); ... return new DataSet(input, labels);})?
   */
  private static boolean feedsTraining(Expression array) {
    if (trainingArgument(array)) {
      return true;
    }
    Node parent = array.getParentNode().orElse(null);
    while (parent instanceof CastExpr || parent instanceof EnclosedExpr) {
      parent = parent.getParentNode().orElse(null);
    }
    String local = parent instanceof VariableDeclarator v ? v.getNameAsString()
        : parent instanceof AssignExpr a && a.getTarget() instanceof NameExpr n ? n.getNameAsString() : null;
    Optional<Node> body = Callables.methodOrLambda(array);
    return local != null && body.isPresent() && !Nodes.all(body.get(), NameExpr.class,
        n -> n.getNameAsString().equals(local) && trainingArgument(n)).isEmpty();
  }

  private static final Set<String> DATA_SETS = Set.of("DataSet", "MultiDataSet");

  /** {@code e} sits in the arguments of a {@code fit} call or a data-set constructor, within its statement. */
  private static boolean trainingArgument(Expression e) {
    Node child = e;
    for (Node p = e.getParentNode().orElse(null); p instanceof Expression; child = p, p = p.getParentNode().orElse(null)) {
      if (p instanceof MethodCallExpr m && m.getNameAsString().equals("fit") && m.getScope().orElse(null) != child) {
        return true;
      }
      if (p instanceof ObjectCreationExpr c && DATA_SETS.contains(c.getType().getNameAsString())) {
        return true;
      }
    }
    return false;
  }

  /** The dimensions an ND4J factory call is given: three integral arguments, or an {@code int[]/long[]} literal. */
  private static List<Expression> shape(MethodCallExpr call, Types types) {
    for (Expression arg : call.getArguments()) {
      if (arg instanceof ArrayCreationExpr array && array.getInitializer().isPresent()
          && Set.of("int", "long").contains(array.getElementType().asString())) {
        return array.getInitializer().get().getValues();
      }
    }
    List<Expression> args = call.getArguments();
    boolean dims = !args.isEmpty() && args.stream().allMatch(a -> types.isIntegral(a) || a.isIntegerLiteralExpr());
    return dims && !call.getNameAsString().equals("create") ? args : List.of();
  }

  /** How long the file trains (epochs, early stopping). */
  public Length length() {
    return length;
  }

  /** The output layer's activation and loss, and whether the labels are scaled. */
  public Output output() {
    return output;
  }

  /** This file calls {@code fit} on a network, or on a trainer of one. */
  public boolean trainedHere() {
    return trainedHere;
  }


  private static Updater updater(Expression written, Imports imports, Declarations declarations, BuilderChains chains,
      Constants constants, Network network) {
    Expression e = resolve(written, declarations);
    if (e instanceof ObjectCreationExpr creation && !creation.getType().getNameAsString().equals("Builder")) {
      List<Setting> settings = Optimisers.of(creation, imports);
      String type = creation.getType().getNameAsString();
      Family family = settings.isEmpty() ? familyOf(type) : settings.get(0).family();
      // a constructor of doubles that sets no rate trains at ND4J's default (new Nesterovs(0.9): momentum 0.9, rate 0.1)
      boolean numeric = creation.getArguments().stream().allMatch(a -> !Double.isNaN(constants.value(a)));
      double lr = settings.stream().filter(s -> s.param() == Param.LEARNING_RATE).findFirst()
          .map(s -> constants.value(s.value())).orElseGet(() -> numeric
              ? Optimisers.defaultLearningRate(creation, imports).orElse(Double.NaN) : Double.NaN);
      return new Updater(family, lr, written, type);
    }
    if (e instanceof MethodCallExpr call) {
      // Adam.builder().learningRate(lr).build(), new RmsProp.Builder().learningRate(lr).build()
      Family family = null;
      double lr = Double.NaN;
      String type = "updater";
      for (MethodCallExpr c : Optimisers.chain(call)) {
        Optional<Setting> s = Optimisers.of(c, imports);
        if (s.isPresent()) {
          family = s.get().family();
          type = s.get().type();
          if (s.get().param() == Param.LEARNING_RATE) {
            lr = constants.value(s.get().value());
          }
        }
      }
      return new Updater(family, lr, written, type);
    }
    if (e instanceof FieldAccessExpr f && f.getScope().toString().endsWith("Updater")) {
      // DL4J 0.x: .updater(Updater.NESTEROVS) with the rate in .learningRate(x)
      String type = f.getNameAsString();
      double lr = network.last("learningRate").flatMap(c -> c.arg(0)).map(constants::value).orElse(Double.NaN);
      return new Updater(familyOf(type), lr, written, "Updater." + type);
    }
    return new Updater(null, Double.NaN, written, written.toString());
  }

  /** A local or final field holding the updater: its initializer. */
  private static Expression resolve(Expression written, Declarations declarations) {
    Expression e = Flow.strip(written);
    if (e instanceof NameExpr n) {
      Optional<Declarations.Declaration> d = declarations.find(n, n.getNameAsString());
      if (d.isPresent() && (d.get().isFinal() || d.get().kind() == Declarations.Kind.LOCAL)
          && d.get().initializer().isPresent()) {
        return Flow.strip(d.get().initializer().get());
      }
    }
    return e;
  }

  private static Family familyOf(String type) {
    String t = type.toUpperCase(Locale.ROOT);
    if (t.startsWith("ADAM") || t.equals("NADAM") || t.equals("AMSGRAD") || t.equals("ADABELIEF")) {
      return Family.ADAM;
    }
    return switch (t) {
      case "RMSPROP" -> Family.RMSPROP;
      case "ADAGRAD" -> Family.ADAGRAD;
      case "ADADELTA" -> Family.ADADELTA;
      case "SGD", "NESTEROVS" -> Family.SGD;
      default -> null; // NoOp, custom updaters
    };
  }

  /** Does the file call {@code fit(data...)} on a network or a trainer of one (or on a receiver of unknown type)? */
  private static boolean trains(CompilationUnit unit, Types types) {
    return !FileNodes.of(unit).all(MethodCallExpr.class, m -> m.getNameAsString().equals("fit")
        && !m.getArguments().isEmpty() && m.getScope().isPresent()
        && receiver(m.getScope().get(), types) != Receiver.OTHER).isEmpty();
  }

  private static final Set<String> IMPROVEMENT_CONDITIONS = Set.of("ScoreImprovementEpochTerminationCondition",
      "BestScoreEpochTerminationCondition");

  private static Length length(CompilationUnit unit, Declarations declarations, Types types, Constants constants) {
    double longest = Double.NaN;
    for (MethodCallExpr fit : FileNodes.of(unit).all(MethodCallExpr.class, m -> m.getNameAsString().equals("fit")
        && !m.getArguments().isEmpty() && m.getScope().isPresent()
        && receiver(m.getScope().get(), types) != Receiver.OTHER)) {
      double epochs = (fit.getArguments().size() == 2 ? constants.value(fit.getArgument(1)) : 1)
          * repeats(fit.getArgument(0), declarations, constants);
      for (Node p = fit.getParentNode().orElse(null); p != null && !(p instanceof CallableDeclaration<?>)
          && !(p instanceof LambdaExpr); p = p.getParentNode().orElse(null)) {
        if (p instanceof ForStmt loop) {
          epochs *= loopCount(loop, constants);
        }
      }
      longest = Double.isNaN(longest) || epochs > longest ? epochs : longest;
    }
    boolean earlyStopping = false;
    for (ObjectCreationExpr c : FileNodes.of(unit).all(ObjectCreationExpr.class, c -> true)) {
      String type = c.getType().getNameAsString();
      earlyStopping |= IMPROVEMENT_CONDITIONS.contains(type);
      if (type.equals("MaxEpochsTerminationCondition") && c.getArguments().size() == 1) {
        double max = constants.value(c.getArgument(0));
        longest = Double.isNaN(longest) || max > longest ? max : longest;
      }
    }
    return new Length(longest, earlyStopping);
  }

  /** {@code new MultipleEpochsIterator(n, iter)} (inline or in a local) passes over its data n times; else 1. */
  private static double repeats(Expression data, Declarations declarations, Constants constants) {
    Expression x = Flow.strip(data);
    if (x instanceof NameExpr n) {
      x = declarations.find(n, n.getNameAsString()).filter(d -> d.kind() == Declarations.Kind.LOCAL)
          .flatMap(Declarations.Declaration::initializer).map(Flow::strip).orElse(x);
    }
    if (x instanceof ObjectCreationExpr c && c.getType().getNameAsString().equals("MultipleEpochsIterator")
        && c.getArguments().size() == 2 && !(Flow.strip(c.getArgument(0)) instanceof ObjectCreationExpr)) {
      return constants.value(c.getArgument(0));
    }
    return 1;
  }

  /** {@code for (int e = 0; e < 200; e++)}: 200; NaN when the count is not a constant. */
  public static double loopCount(ForStmt loop, Constants constants) {
    if (loop.getCompare().isEmpty() || !(loop.getCompare().get() instanceof BinaryExpr compare)) {
      return Double.NaN;
    }
    double bound = constants.value(compare.getRight());
    double start = loop.getInitialization().size() == 1
        && loop.getInitialization().get(0) instanceof VariableDeclarationExpr v && v.getVariables().size() == 1
        ? v.getVariable(0).getInitializer().map(constants::value).orElse(Double.NaN) : Double.NaN;
    return switch (compare.getOperator()) {
      case LESS -> bound - start;
      case LESS_EQUALS -> bound - start + 1;
      default -> Double.NaN;
    };
  }

  /** The last layer when it is an output layer: its activation (own, else the network's) and loss. */
  private static Output output(Network network, CompilationUnit unit, BuilderChains chains, Declarations declarations,
      Constants constants) {
    boolean labelsScaled = FileNodes.of(unit).first(MethodCallExpr.class, m -> m.getNameAsString().equals("fitLabel")
        && !(m.getArguments().size() == 1 && m.getArgument(0) instanceof BooleanLiteralExpr b && !b.getValue()))
        .isPresent();
    List<BuilderChains.Layer> layers = network.layers();
    if (layers.isEmpty() || !layers.get(layers.size() - 1).isOutputLayer()) {
      return new Output(null, null, labelsScaled, Double.NaN);
    }
    BuilderChains.Layer out = layers.get(layers.size() - 1);
    Optional<Expression> lossExpr = out.last("lossFunction").flatMap(c -> c.arg(0))
        .or(() -> out.constructorArgs().stream().findFirst());
    String loss = lossExpr.flatMap(chains::loss).orElse(null);
    String activation = out.last("activation").or(() -> network.last("activation")).flatMap(c -> c.arg(0))
        .flatMap(chains::activation).orElse(null);
    return new Output(activation, loss, labelsScaled, labelScale(unit, declarations, constants));
  }

  /** The largest literal label of a {@code new DataSet(features, labels)} of the file, NaN when none is literal. */
  private static double labelScale(CompilationUnit unit, Declarations declarations, Constants constants) {
    double max = Double.NaN;
    for (ObjectCreationExpr ds : FileNodes.of(unit).all(ObjectCreationExpr.class,
        c -> c.getType().getNameAsString().equals("DataSet") && c.getArguments().size() == 2)) {
      Expression labels = Flow.strip(ds.getArgument(1));
      if (labels instanceof NameExpr n) {
        Optional<Declarations.Declaration> d = declarations.find(n, n.getNameAsString());
        labels = d.filter(x -> x.kind() == Declarations.Kind.LOCAL || x.isFinal()).flatMap(Declarations.Declaration::initializer)
            .orElse(labels);
      }
      for (Expression v : Nodes.all(labels, Expression.class, v -> v instanceof IntegerLiteralExpr
          || v instanceof DoubleLiteralExpr)) {
        double c = Math.abs(constants.value(v));
        max = Double.isNaN(max) || c > max ? c : max;
      }
    }
    return max;
  }

  /**
   * What {@code scope} is, from its declared or created type: a name or {@code this.f} declared in the file
   * ({@code var} included, through its initializer), or an object creation.
   */
  public static Receiver receiver(Expression scope, Types types) {
    Expression e = Flow.strip(scope);
    String type = types.typeOf(e);
    if (type.isEmpty() && (e instanceof NameExpr || e instanceof ObjectCreationExpr)) {
      return Receiver.OTHER;
    }
    int generic = type.indexOf('<');
    String raw = generic < 0 ? type : type.substring(0, generic);
    String simple = raw.substring(raw.lastIndexOf('.') + 1);
    if (simple.isEmpty()) {
      return Receiver.UNKNOWN;
    }
    return NETWORK_TYPES.contains(simple) ? Receiver.NETWORK : Receiver.OTHER;
  }

  /** {@code receiver(scope) == NETWORK}. */
  public static boolean isNetwork(Expression scope, Types types) {
    return receiver(scope, types) == Receiver.NETWORK;
  }

  /** The file writes a model to disk: {@code ModelSerializer.writeModel(...)}, {@code net.save(file)}. */
  public static boolean savesModel(CompilationUnit unit, Types types) {
    return !FileNodes.of(unit).all(MethodCallExpr.class, m -> m.getScope().isPresent() && !m.getArguments().isEmpty()
        && (m.getNameAsString().equals("writeModel") && m.getScope().get().toString().endsWith("ModelSerializer")
            || m.getNameAsString().equals("save") && receiver(m.getScope().get(), types) != Receiver.OTHER)).isEmpty();
  }

  /** For messages: {@code Nesterovs (learning rate 0.1)}. */
  public static String describe(Updater u) {
    return Double.isNaN(u.learningRate()) ? u.shown() : u.shown() + " (learning rate " + trim(u.learningRate()) + ")";
  }

  private static String trim(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e6 ? String.valueOf((long) v) : String.valueOf(v);
  }

}
