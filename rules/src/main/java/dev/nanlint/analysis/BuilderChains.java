package dev.nanlint.analysis;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.nanlint.engine.FileNodes;
import dev.nanlint.engine.Nodes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * DL4J fluent configurations as data: which settings a network and each of its layers receive.
 *
 * <p>Follows {@code new NeuralNetConfiguration.Builder()...list().layer(...).build()} and
 * {@code ...graphBuilder().addLayer(name, layer, inputs)...build()}, per-layer builders
 * ({@code new DenseLayer.Builder()...build()}, {@code new OutputLayer.Builder(LossFunction.MCXENT)}),
 * wrappers ({@code new Bidirectional(lstm)}, {@code new LastTimeStep(lstm)}), and chains split across
 * local variables of one method ({@code Builder b = new ...; b.l2(1e-4); ListBuilder list = b.list();
 * list.layer(...)}). Where a builder leaves the method (returned, passed to a helper, stored in a field)
 * the configuration is marked {@linkplain Network#isOpen() open}: settings may be added where we cannot
 * see them, so rules asking "is X set anywhere?" stay silent on it.
 *
 * <p>Import-aware and solver-free: only files importing {@code org.deeplearning4j} (or naming its classes
 * fully qualified) are read as DL4J.
 */
public final class BuilderChains {
  /** Where a value flowing through a chain stands. */
  private enum Stage { NETWORK, LIST, GRAPH, LAYER, DONE }

  /** What a network builder became. */
  public enum Kind {
    /** {@code .list()}: a MultiLayerConfiguration. */
    MULTI_LAYER,
    /** {@code .graphBuilder()}: a ComputationGraphConfiguration. */
    GRAPH,
    /** Neither is visible: a builder used for a single layer, or handed elsewhere. */
    NONE
  }

  private static final String NETWORK_BUILDER = "NeuralNetConfiguration";
  private static final Set<String> WRAPPERS = Set.of("Bidirectional", "LastTimeStep", "MaskZeroLayer",
      "TimeDistributed", "FrozenLayer", "FrozenLayerWithBackprop");
  private static final Set<String> RECURRENT = Set.of("LSTM", "GravesLSTM", "GravesBidirectionalLSTM",
      "SimpleRnn", "Bidirectional");
  private static final Set<String> OUTPUT = Set.of("OutputLayer", "RnnOutputLayer", "CenterLossOutputLayer",
      "LossLayer", "RnnLossLayer", "CnnLossLayer", "Cnn3DLossLayer", "Yolo2OutputLayer", "OCNNOutputLayer");
  /** Layers without trainable weights: weight initialisation and weight regularisation do not apply. */
  private static final Set<String> WEIGHTLESS = Set.of("SubsamplingLayer", "Subsampling1DLayer",
      "Subsampling3DLayer", "Pooling1D", "Pooling2D", "GlobalPoolingLayer", "DropoutLayer", "ActivationLayer",
      "LocalResponseNormalization", "ZeroPaddingLayer", "ZeroPadding1DLayer", "ZeroPadding3DLayer",
      "Upsampling1D", "Upsampling2D", "Upsampling3D", "SpaceToBatchLayer", "SpaceToDepthLayer", "Cropping1D",
      "Cropping2D", "Cropping3D", "BatchNormalization", "LossLayer", "RnnLossLayer", "CnnLossLayer",
      "Cnn3DLossLayer", "Yolo2OutputLayer", "MaskLayer", "RepeatVector");

  /** One method call applied to a builder: its name, its arguments and where it is written. */
  public record Call(String name, List<Expression> args, MethodCallExpr node) {
    public Optional<Expression> arg(int i) {
      return i < args.size() ? Optional.of(args.get(i)) : Optional.empty();
    }
  }

  /** A layer: its DL4J class, the builder calls applied to it, and the layer it wraps (if a wrapper). */
  public static final class Layer {
    private final String type;
    private final ObjectCreationExpr creation;
    private final List<Call> calls = new ArrayList<>();
    private Layer wrapped;
    private boolean wrappedUnknown;
    private boolean open;
    private Network network;

    Layer(String type, ObjectCreationExpr creation) {
      this.type = type;
      this.creation = creation;
    }

    /** Simple class name: {@code DenseLayer}, {@code OutputLayer}, {@code LSTM}, {@code Bidirectional}. */
    public String type() {
      return type;
    }

    /** {@code new DenseLayer.Builder(...)} or {@code new Bidirectional(...)}: where the layer is born. */
    public ObjectCreationExpr creation() {
      return creation;
    }

    public List<Expression> constructorArgs() {
      return creation.getArguments();
    }

    /** Builder calls in evaluation order; the last call of a name is the one that wins. */
    public List<Call> calls() {
      return Collections.unmodifiableList(calls);
    }

    public boolean has(String... names) {
      return last(names).isPresent();
    }

    /** Setting name to the arguments of its last call ({@code "l2" -> [1e-4]}), in first-call order. */
    public Map<String, List<Expression>> settings() {
      return settingsOf(calls);
    }

    /** The last call with one of these names. */
    public Optional<Call> last(String... names) {
      return lastOf(calls, names);
    }

    /** The layer inside a wrapper ({@code Bidirectional}, {@code LastTimeStep}...), when known. */
    public Optional<Layer> wrapped() {
      return Optional.ofNullable(wrapped);
    }

    public boolean isWrapper() {
      return WRAPPERS.contains(type);
    }

    /** The builder left the method, or a wrapper's inner layer is not visible: calls may be missing. */
    public boolean isOpen() {
      return open || wrappedUnknown || (wrapped != null && wrapped.isOpen());
    }

    /** The network this layer was added to, when visible. */
    public Optional<Network> network() {
      return Optional.ofNullable(network);
    }

    public boolean isOutputLayer() {
      return OUTPUT.contains(type);
    }

    /** LSTM, GravesLSTM, GravesBidirectionalLSTM, SimpleRnn, Bidirectional, or a wrapper around one. */
    public boolean isRecurrent() {
      return RECURRENT.contains(type) || (wrapped != null && isWrapper() && wrapped.isRecurrent());
    }

    /** A layer with trainable weights that is not the output layer. */
    public boolean isHiddenWithWeights() {
      if (isWrapper()) {
        return wrapped != null && wrapped.isHiddenWithWeights();
      }
      return !OUTPUT.contains(type) && !WEIGHTLESS.contains(type);
    }

    /** This layer, then the layers it wraps. */
    public List<Layer> selfAndWrapped() {
      List<Layer> out = new ArrayList<>();
      for (Layer l = this; l != null && !out.contains(l); l = l.wrapped) {
        out.add(l);
      }
      return out;
    }

    @Override
    public String toString() {
      return type + calls.stream().map(Call::name).toList();
    }
  }

  /** A network configuration: the network-wide builder calls, and its layers in order. */
  public static final class Network {
    private final ObjectCreationExpr creation;
    private Kind kind = Kind.NONE;
    private final List<Call> calls = new ArrayList<>();
    private final List<Call> structureCalls = new ArrayList<>();
    private final List<Layer> layers = new ArrayList<>();
    private int unknownLayers;
    private boolean open;

    Network(ObjectCreationExpr creation) {
      this.creation = creation;
    }

    /** {@code new NeuralNetConfiguration.Builder()}. */
    public ObjectCreationExpr creation() {
      return creation;
    }

    public Kind kind() {
      return kind;
    }

    /** Calls on the NeuralNetConfiguration.Builder: the defaults every layer inherits. */
    public List<Call> calls() {
      return Collections.unmodifiableList(calls);
    }

    /** Calls on the ListBuilder / GraphBuilder other than adding layers ({@code backpropType}, {@code setOutputs}). */
    public List<Call> structureCalls() {
      return Collections.unmodifiableList(structureCalls);
    }

    /** The layers whose builders are visible, in the order they were added. */
    public List<Layer> layers() {
      return Collections.unmodifiableList(layers);
    }

    /** Layers added from expressions we cannot follow ({@code .layer(helper())}, a field, a parameter). */
    public int unknownLayers() {
      return unknownLayers;
    }

    /** A builder of this configuration left the method: settings may be added where we cannot see them. */
    public boolean isOpen() {
      return open;
    }

    /** Everything about the configuration is visible: not open, no unknown layer, no open layer. */
    public boolean isComplete() {
      return !open && unknownLayers == 0 && layers.stream().noneMatch(Layer::isOpen);
    }

    public boolean has(String... names) {
      return last(names).isPresent();
    }

    /** Network-level setting name to the arguments of its last call, in first-call order. */
    public Map<String, List<Expression>> settings() {
      return settingsOf(calls);
    }

    /** The last network-level call with one of these names. */
    public Optional<Call> last(String... names) {
      return lastOf(calls, names);
    }

    /**
     * The last call of these names on the ListBuilder/GraphBuilder (where DL4J 1.0 sets BPTT and the backprop
     * type), else on the NeuralNetConfiguration.Builder (where DL4J 0.x set them).
     */
    public Optional<Call> lastStructural(String... names) {
      Optional<Call> structural = lastOf(structureCalls, names);
      return structural.isPresent() ? structural : last(names);
    }

    /** Every layer, wrappers' inner layers included. */
    public List<Layer> allLayers() {
      List<Layer> out = new ArrayList<>();
      layers.forEach(l -> out.addAll(l.selfAndWrapped()));
      return out;
    }

    /** A network-level or layer-level call (of any layer, wrapped ones included) satisfying {@code test}. */
    public boolean anywhere(Predicate<Call> test) {
      return calls.stream().anyMatch(test) || allLayers().stream().flatMap(l -> l.calls.stream()).anyMatch(test);
    }

    /** Is any of these methods called at network level or on any layer? */
    public boolean setAnywhere(String... names) {
      Set<String> wanted = Set.of(names);
      return anywhere(c -> wanted.contains(c.name()));
    }
  }

  private static Optional<Call> lastOf(List<Call> calls, String... names) {
    Set<String> wanted = Set.of(names);
    for (int i = calls.size() - 1; i >= 0; i--) {
      if (wanted.contains(calls.get(i).name())) {
        return Optional.of(calls.get(i));
      }
    }
    return Optional.empty();
  }

  private static Map<String, List<Expression>> settingsOf(List<Call> calls) {
    Map<String, List<Expression>> out = new LinkedHashMap<>();
    calls.forEach(c -> out.put(c.name(), c.args()));
    return Collections.unmodifiableMap(out);
  }

  private final Declarations declarations;
  private final boolean dl4j;
  private final Set<String> importedDl4jTypes = new HashSet<>();
  private final Set<String> dl4jWildcards = new HashSet<>();
  private final Set<String> otherImportedTypes = new HashSet<>();
  private final Set<String> declaredTypes = new HashSet<>();
  private final Map<String, String> staticMembers = new HashMap<>();
  private final Set<String> staticWildcardOwners = new HashSet<>();
  private final Map<ObjectCreationExpr, Network> networks = new IdentityHashMap<>();
  private final Map<ObjectCreationExpr, Layer> layers = new IdentityHashMap<>();
  private final Set<ObjectCreationExpr> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

  BuilderChains(CompilationUnit unit, Declarations declarations) {
    this.declarations = declarations;
    boolean sawDl4j = false;
    for (ImportDeclaration imp : unit.getImports()) {
      String name = imp.getNameAsString();
      boolean fromDl4j = name.startsWith("org.deeplearning4j.");
      boolean fromNd4j = name.startsWith("org.nd4j.");
      sawDl4j |= fromDl4j;
      String simple = name.substring(name.lastIndexOf('.') + 1);
      if (imp.isStatic()) {
        if (imp.isAsterisk()) {
          staticWildcardOwners.add(simple);
        } else {
          String owner = name.substring(0, Math.max(0, name.lastIndexOf('.')));
          staticMembers.put(simple, owner.substring(owner.lastIndexOf('.') + 1));
        }
      } else if (imp.isAsterisk()) {
        if (fromDl4j || fromNd4j) {
          dl4jWildcards.add(name);
        }
      } else if (fromDl4j || fromNd4j) {
        importedDl4jTypes.add(simple);
      } else {
        otherImportedTypes.add(simple);
      }
    }
    FileNodes.of(unit).all(TypeDeclaration.class).forEach(t -> declaredTypes.add(t.getNameAsString()));
    if (!sawDl4j) {
      sawDl4j = FileNodes.of(unit).first(ClassOrInterfaceType.class,
          t -> t.asString().startsWith("org.deeplearning4j.")).isPresent();
    }
    this.dl4j = sawDl4j;
    if (dl4j) {
      for (ObjectCreationExpr creation : FileNodes.of(unit).all(ObjectCreationExpr.class)) {
        if (isNetworkBuilder(creation)) {
          networks.put(creation, analyseNetwork(creation));
        }
      }
    }
  }

  /** Does this file use DL4J (imports from {@code org.deeplearning4j} or names its classes fully)? */
  public boolean isDl4j() {
    return dl4j;
  }

  /** Every network configuration started in this file. */
  public List<Network> networks() {
    List<Network> out = new ArrayList<>(networks.values());
    out.sort(Comparator.comparing((Network n) -> n.creation.getBegin().orElse(null),
        Comparator.nullsLast(Comparator.naturalOrder())));
    return out;
  }

  /** The configuration started by {@code new NeuralNetConfiguration.Builder()}. */
  public Optional<Network> network(ObjectCreationExpr creation) {
    return Optional.ofNullable(networks.get(creation));
  }

  /**
   * The layer started by {@code new X.Builder(...)} or a wrapper's {@code new Bidirectional(...)}, inside
   * a network or standalone (built in a helper method). Empty when it is no DL4J layer builder.
   */
  public Optional<Layer> layer(ObjectCreationExpr creation) {
    if (!dl4j) {
      return Optional.empty();
    }
    String type = layerType(creation);
    if (type == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(layerFromRoot(creation, type));
  }

  /** {@code new NeuralNetConfiguration.Builder()} of DL4J. */
  public boolean isNetworkBuilder(ObjectCreationExpr creation) {
    ClassOrInterfaceType type = creation.getType();
    if (!type.getNameAsString().equals("Builder") || type.getScope().isEmpty()) {
      return false;
    }
    ClassOrInterfaceType owner = type.getScope().get();
    return owner.getNameAsString().equals(NETWORK_BUILDER) && isDl4jType(owner);
  }

  /**
   * The DL4J layer class a creation builds: {@code DenseLayer} for {@code new DenseLayer.Builder()},
   * {@code Bidirectional} for {@code new Bidirectional(lstm)}; null for anything else.
   */
  public String layerType(ObjectCreationExpr creation) {
    ClassOrInterfaceType type = creation.getType();
    if (type.getNameAsString().equals("Builder") && type.getScope().isPresent()) {
      ClassOrInterfaceType owner = type.getScope().get();
      String name = owner.getNameAsString();
      if (name.equals(NETWORK_BUILDER) || !isDl4jType(owner) || !looksLikeLayer(name)) {
        return null;
      }
      return name;
    }
    String name = type.getNameAsString();
    if ((WRAPPERS.contains(name) || WEIGHTLESS.contains(name)) && isDl4jType(type)) {
      return name; // a wrapper, or a parameter-free layer constructed directly (new MaskLayer())
    }
    return null;
  }

  /** Layer classes are named ...Layer, or are one of the known recurrent/convolution/attention layers. */
  private static boolean looksLikeLayer(String name) {
    return name.endsWith("Layer") || RECURRENT.contains(name) || WRAPPERS.contains(name) || OUTPUT.contains(name)
        || WEIGHTLESS.contains(name) || name.startsWith("Convolution") || name.startsWith("Deconvolution")
        || name.startsWith("Subsampling") || name.startsWith("Upsampling") || name.startsWith("Pooling")
        || name.startsWith("LocallyConnected") || name.startsWith("DepthwiseConvolution")
        || name.startsWith("SeparableConvolution") || name.startsWith("Cropping") || name.equals("AutoEncoder")
        || name.equals("VariationalAutoencoder") || name.equals("PReLULayer") || name.equals("RepeatVector")
        || name.equals("PrimaryCapsules");
  }

  /** A type written fully qualified under org.deeplearning4j, or imported from DL4J/ND4J (explicitly or by a wildcard). */
  private boolean isDl4jType(ClassOrInterfaceType type) {
    String full = type.asString();
    if (full.startsWith("org.deeplearning4j.")) {
      return true;
    }
    if (type.getScope().isPresent() || !dl4j) {
      return dl4j && type.getScope().map(s -> isDl4jType(s)).orElse(false);
    }
    String simple = type.getNameAsString();
    if (importedDl4jTypes.contains(simple)) {
      return true;
    }
    if (otherImportedTypes.contains(simple) || declaredTypes.contains(simple)) {
      return false;
    }
    return !dl4jWildcards.isEmpty();
  }

  // ---- following a value through calls and locals ------------------------------------------------

  /** Receives the calls applied to a builder value and decides the next stage. */
  private interface Sink {
    Stage apply(MethodCallExpr call, Stage stage);

    void escape();
  }

  private Network analyseNetwork(ObjectCreationExpr creation) {
    Network network = new Network(creation);
    Sink sink = new Sink() {
      @Override
      public Stage apply(MethodCallExpr m, Stage stage) {
        String name = m.getNameAsString();
        List<Expression> args = m.getArguments();
        Call call = new Call(name, args, m);
        if (isQuery(name)) {
          return Stage.DONE;
        }
        switch (stage) {
          case NETWORK -> {
            switch (name) {
              case "list" -> {
                network.kind = Kind.MULTI_LAYER;
                args.forEach(a -> addLayer(network, a));
                return Stage.LIST;
              }
              case "graphBuilder" -> {
                network.kind = Kind.GRAPH;
                return Stage.GRAPH;
              }
              case "build" -> {
                return Stage.DONE;
              }
              case "clone" -> {
                return Stage.NETWORK;
              }
              default -> {
                network.calls.add(call);
                return Stage.NETWORK;
              }
            }
          }
          case LIST -> {
            if (name.equals("layer") && !args.isEmpty()) {
              addLayer(network, args.get(args.size() - 1));
            } else if (name.equals("build")) {
              return Stage.DONE;
            } else {
              network.structureCalls.add(call);
            }
            return Stage.LIST;
          }
          case GRAPH -> {
            if ((name.equals("addLayer") || name.equals("layer") || name.equals("appendLayer")) && args.size() >= 2) {
              addLayer(network, args.get(1));
            } else if (name.equals("build")) {
              return Stage.DONE;
            } else {
              network.structureCalls.add(call);
            }
            return Stage.GRAPH;
          }
          default -> {
            return Stage.DONE;
          }
        }
      }

      @Override
      public void escape() {
        network.open = true;
      }
    };
    follow(creation, Stage.NETWORK, sink, Collections.newSetFromMap(new IdentityHashMap<>()));
    return network;
  }

  private void addLayer(Network network, Expression expression) {
    Layer layer = resolveLayer(expression, Collections.newSetFromMap(new IdentityHashMap<>()));
    if (layer == null) {
      network.unknownLayers++;
      return;
    }
    network.layers.add(layer);
    for (Layer l : layer.selfAndWrapped()) {
      if (l.network == null) {
        l.network = network;
      }
    }
  }

  /** The layer an expression of type Layer holds: {@code new X.Builder()...build()}, a wrapper, or a local holding one. */
  private Layer resolveLayer(Expression e, Set<Node> visited) {
    e = Flow.strip(e);
    if (!visited.add(e)) {
      return null;
    }
    if (e instanceof ObjectCreationExpr creation) {
      String type = layerType(creation);
      return type == null ? null : layerFromRoot(creation, type);
    }
    if (e instanceof MethodCallExpr call && call.getNameAsString().equals("build") && call.getScope().isPresent()) {
      ObjectCreationExpr root = rootOf(call.getScope().get(), visited);
      if (root == null) {
        return null;
      }
      String type = layerType(root);
      return type == null ? null : layerFromRoot(root, type);
    }
    if (e instanceof NameExpr name) {
      return localInitializer(name).map(init -> resolveLayer(init, visited)).orElse(null);
    }
    return null;
  }

  /** The {@code new X.Builder()} a builder expression starts from, through calls and locals. */
  private ObjectCreationExpr rootOf(Expression e, Set<Node> visited) {
    e = Flow.strip(e);
    while (e instanceof MethodCallExpr call && call.getScope().isPresent()) {
      e = Flow.strip(call.getScope().get());
    }
    if (e instanceof ObjectCreationExpr creation) {
      return creation;
    }
    if (e instanceof NameExpr name && visited.add(name)) {
      return localInitializer(name).map(init -> rootOf(init, visited)).orElse(null);
    }
    return null;
  }

  private Optional<Expression> localInitializer(NameExpr name) {
    return declarations.find(name, name.getNameAsString())
        .filter(d -> d.kind() == Declarations.Kind.LOCAL)
        .flatMap(Declarations.Declaration::initializer);
  }

  private Layer layerFromRoot(ObjectCreationExpr creation, String type) {
    Layer cached = layers.get(creation);
    if (cached != null) {
      return cached;
    }
    if (!inProgress.add(creation)) {
      return null;
    }
    try {
      Layer layer = new Layer(type, creation);
      if (WRAPPERS.contains(type) && !creation.getType().getNameAsString().equals("Builder")) {
        List<Expression> args = creation.getArguments();
        int index = type.equals("Bidirectional") && args.size() == 2 ? 1 : 0;
        if (index < args.size()) {
          layer.wrapped = resolveLayer(args.get(index), Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        layer.wrappedUnknown = layer.wrapped == null;
        layers.put(creation, layer);
        return layer;
      }
      if (!creation.getType().getNameAsString().equals("Builder")) {
        layers.put(creation, layer); // a weightless layer built by its constructor: nothing to configure
        return layer;
      }
      if (type.equals("Bidirectional") && creation.getArguments().size() == 2) { // Bidirectional.Builder(mode, layer)
        layer.wrapped = resolveLayer(creation.getArgument(1), Collections.newSetFromMap(new IdentityHashMap<>()));
        layer.wrappedUnknown = layer.wrapped == null;
      }
      Sink sink = new Sink() {
        @Override
        public Stage apply(MethodCallExpr m, Stage stage) {
          String name = m.getNameAsString();
          if (name.equals("build") || isQuery(name)) {
            return Stage.DONE;
          }
          layer.calls.add(new Call(name, m.getArguments(), m));
          if (name.equals("rnnLayer") && m.getArguments().size() == 1) { // Bidirectional.Builder
            layer.wrapped = resolveLayer(m.getArgument(0), Collections.newSetFromMap(new IdentityHashMap<>()));
            layer.wrappedUnknown = layer.wrapped == null;
          }
          return Stage.LAYER;
        }

        @Override
        public void escape() {
          layer.open = true;
        }
      };
      follow(creation, Stage.LAYER, sink, Collections.newSetFromMap(new IdentityHashMap<>()));
      layers.put(creation, layer);
      return layer;
    } finally {
      inProgress.remove(creation);
    }
  }

  /**
   * Follows the value of {@code start} upward: each call made on it goes to the sink, which names the
   * stage of the result; a local it is stored in is followed to every use. Any other destination
   * (a return, an argument, a field, an array) is an escape, unless the value is already built.
   */
  private void follow(Expression start, Stage stage, Sink sink, Set<Node> visitedVariables) {
    Expression e = start;
    while (true) {
      Expression current = e;
      Node parent = e.getParentNode().orElse(null);
      if (parent instanceof EnclosedExpr en) {
        e = en;
        continue;
      }
      if (parent instanceof CastExpr cast) {
        e = cast;
        continue;
      }
      if (parent instanceof MethodCallExpr m && m.getScope().filter(s -> s == current).isPresent()) {
        stage = sink.apply(m, stage);
        if (stage == Stage.DONE) {
          return;
        }
        e = m;
        continue;
      }
      if (parent instanceof VariableDeclarator v && v.getInitializer().filter(i -> i == current).isPresent()) {
        if (v.getParentNode().filter(VariableDeclarationExpr.class::isInstance).isPresent()) {
          followVariable(v, v.getNameAsString(), stage, sink, visitedVariables);
        } else {
          sink.escape(); // a field: other methods may add to it
        }
        return;
      }
      if (parent instanceof AssignExpr assign && assign.getValue() == current
          && assign.getOperator() == AssignExpr.Operator.ASSIGN && assign.getTarget() instanceof NameExpr target) {
        Optional<Declarations.Declaration> decl = declarations.find(target, target.getNameAsString());
        if (decl.isPresent() && decl.get().kind() == Declarations.Kind.LOCAL) {
          followVariable(decl.get().node(), target.getNameAsString(), stage, sink, visitedVariables);
        } else {
          sink.escape();
        }
        return;
      }
      if (parent instanceof ExpressionStmt) {
        return; // a statement of its own: the result is dropped
      }
      sink.escape();
      return;
    }
  }

  /** Every later use of a local holding the builder value continues the chain. */
  private void followVariable(Node declaration, String name, Stage stage, Sink sink, Set<Node> visited) {
    if (!visited.add(declaration)) {
      return;
    }
    Node scope = declaration.findAncestor(BlockStmt.class).map(Node.class::cast).orElse(null);
    if (scope == null) {
      sink.escape();
      return;
    }
    for (NameExpr use : Nodes.all(scope, NameExpr.class, n -> n.getNameAsString().equals(name))) {
      Optional<Declarations.Declaration> decl = declarations.find(use, name);
      if (decl.isEmpty() || decl.get().node() != declaration) {
        continue;
      }
      Node parent = use.getParentNode().orElse(null);
      if (parent instanceof AssignExpr assign && assign.getTarget() == use) {
        continue; // reassigned: the new value is followed from its own definition
      }
      follow(use, stage, sink, visited);
    }
  }

  /** Getters and Object methods read a builder; their result is no longer the builder. */
  private static boolean isQuery(String name) {
    return (name.startsWith("get") && name.length() > 3 && Character.isUpperCase(name.charAt(3)))
        || (name.startsWith("is") && name.length() > 2 && Character.isUpperCase(name.charAt(2)))
        || name.equals("toString") || name.equals("hashCode") || name.equals("equals") || name.equals("toJson")
        || name.equals("toYaml");
  }


  // ---- reading arguments -------------------------------------------------------------------------

  /**
   * The constant of an enum named {@code enumName} an expression denotes: {@code SOFTMAX} for
   * {@code Activation.SOFTMAX}, {@code org.nd4j...Activation.SOFTMAX}, a statically imported
   * {@code SOFTMAX}, or a local/final field initialised with one. Empty when it cannot be told.
   */
  public Optional<String> enumConstant(Expression e, String enumName) {
    return enumConstant(e, enumName, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private Optional<String> enumConstant(Expression e, String enumName, Set<Node> visited) {
    e = Flow.strip(e);
    if (!visited.add(e)) {
      return Optional.empty();
    }
    if (e instanceof FieldAccessExpr f) {
      String scope = f.getScope().toString();
      String last = scope.substring(scope.lastIndexOf('.') + 1);
      if (last.equals(enumName)) {
        return Optional.of(f.getNameAsString());
      }
      return Optional.empty();
    }
    if (e instanceof NameExpr n) {
      String name = n.getNameAsString();
      Optional<Declarations.Declaration> decl = declarations.find(n, name);
      if (decl.isPresent()) {
        Declarations.Declaration d = decl.get();
        boolean stable = d.isFinal() || d.kind() == Declarations.Kind.LOCAL;
        return stable ? d.initializer().flatMap(init -> enumConstant(init, enumName, visited)) : Optional.empty();
      }
      if (enumName.equals(staticMembers.get(name)) || staticWildcardOwners.contains(enumName)) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  /**
   * The activation an argument of {@code activation(...)} names, as the {@code Activation} constant:
   * {@code Activation.SOFTMAX}, {@code new ActivationSoftmax()}, {@code Activation.TANH.getActivationFunction()}.
   */
  public Optional<String> activation(Expression e) {
    e = Flow.strip(e);
    if (e instanceof MethodCallExpr call && call.getNameAsString().equals("getActivationFunction")
        && call.getScope().isPresent()) {
      return activation(call.getScope().get());
    }
    if (e instanceof ObjectCreationExpr creation) {
      String type = creation.getType().getNameAsString();
      if (!type.startsWith("Activation") || type.length() == "Activation".length()) {
        return Optional.empty();
      }
      String suffix = type.substring("Activation".length()).toUpperCase(Locale.ROOT);
      return Optional.of(switch (suffix) {
        case "LRELU" -> "LEAKYRELU";
        case "RECTIFIEDTANH" -> "RECTIFIEDTANH";
        default -> suffix;
      });
    }
    return enumConstant(e, "Activation");
  }

  /**
   * The loss an argument names, as the {@code LossFunction} constant: {@code LossFunction.MCXENT},
   * {@code LossFunctions.LossFunction.MCXENT}, {@code new LossMCXENT()}, {@code new LossBinaryXENT()}.
   */
  public Optional<String> loss(Expression e) {
    e = Flow.strip(e);
    if (e instanceof ObjectCreationExpr creation) {
      return Optional.ofNullable(switch (creation.getType().getNameAsString()) {
        case "LossMCXENT" -> "MCXENT";
        case "LossNegativeLogLikelihood" -> "NEGATIVELOGLIKELIHOOD";
        case "LossSparseMCXENT" -> "SPARSE_MCXENT";
        case "LossBinaryXENT" -> "XENT";
        case "LossMSE" -> "MSE";
        case "LossL2" -> "L2";
        case "LossL1" -> "L1";
        case "LossMAE" -> "MEAN_ABSOLUTE_ERROR";
        case "LossHinge" -> "HINGE";
        case "LossSquaredHinge" -> "SQUARED_HINGE";
        case "LossKLD" -> "KL_DIVERGENCE";
        case "LossPoisson" -> "POISSON";
        case "LossMSLE" -> "MEAN_SQUARED_LOGARITHMIC_ERROR";
        case "LossCosineProximity" -> "COSINE_PROXIMITY";
        case "LossWasserstein" -> "WASSERSTEIN";
        default -> null;
      });
    }
    return enumConstant(e, "LossFunction");
  }
}
