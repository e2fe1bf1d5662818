package dev.nanlint.analysis;

import com.github.javaparser.ast.CompilationUnit;
import dev.nanlint.analysis.index.CrossFileCalls;
import dev.nanlint.engine.RuleContext;
import java.util.IdentityHashMap;
import java.util.Map;

/** The shared reasoning for one file, built once and used by every rule. */
public final class Analysis {
  private final Api api;
  private final Declarations declarations;
  private final Types types;
  private final Values values;
  private final Scope scope;
  private final Flow flow;
  private final Roots roots;
  private final Exponentials exponentials;
  private final Definitions definitions;
  private final Origins origins;
  private final CompilationUnit unit;
  private BuilderChains builderChains;
  private Facts facts;
  private Consequences consequences;
  private DataDependence dataDependence;
  private TrainingLoops trainingLoops;
  private final Map<BuilderChains.Network, TrainingSetup> trainingSetups = new IdentityHashMap<>();
  private GradientSteps gradientSteps;
  private Imports imports;
  private TrainingData trainingData;
  private ClassIndices classIndices;
  private OutputLayers outputLayers;
  private WeightInits weightInits;
  private DataTypes dataTypes;
  private final CrossFileCalls project;
  private final String path;
  private CrossFileCalls.InFile crossFile;

  /** The analysis of the file {@code ctx} is checking, shared by every rule of that file. */
  public static Analysis of(RuleContext ctx) {
    return ctx.shared(Analysis.class,
        c -> new Analysis(c.unit(), c.path(), c.project(CrossFileCalls.class).orElse(CrossFileCalls.NONE)));
  }

  public Analysis(CompilationUnit unit) {
    this(unit, "", CrossFileCalls.NONE);
  }

  /** The analysis of {@code unit} (at {@code path}) with the answers of a project index about other files' methods. */
  public Analysis(CompilationUnit unit, String path, CrossFileCalls project) {
    this.project = project;
    this.path = path;
    this.api = new Api(unit);
    this.declarations = new Declarations();
    this.types = new Types(unit, declarations, this::crossFile);
    this.definitions = new Definitions(declarations);
    this.values = new Values(api, declarations, definitions, types);
    this.scope = new Scope();
    this.flow = new Flow(declarations, definitions);
    this.roots = new Roots(api, values, flow);
    this.exponentials = new Exponentials(api, values, flow, types);
    this.origins = new Origins(api, values, definitions);
    this.unit = unit;
  }

  /** DL4J fluent configurations of this file (networks, layers, their settings), read on first use. */
  public BuilderChains builderChains() {
    if (builderChains == null) {
      builderChains = new BuilderChains(unit, declarations);
    }
    return builderChains;
  }

  /** How the network a configuration builds is trained (updater, BPTT length, fit and save calls), read on first use. */
  public TrainingSetup trainingSetup(BuilderChains.Network network) {
    return trainingSetups.computeIfAbsent(network,
        n -> TrainingSetup.of(n, unit, declarations, types, builderChains(), constants()));
  }

  /** The file's imports, read on first use. */
  public Imports imports() {
    if (imports == null) {
      imports = new Imports(unit);
    }
    return imports;
  }

  /** What networks are fitted on: iterator sources, in-memory features, normalisation, class counts; on first use. */
  public TrainingData trainingData() {
    if (trainingData == null) {
      trainingData = new TrainingData(unit, imports(), declarations, types, constants());
    }
    return trainingData;
  }

  /** Where the file uses a value as a class index (one-hot encoding, indexing), on first use. */
  public ClassIndices classIndices() {
    if (classIndices == null) {
      classIndices = new ClassIndices(unit, imports(), types, declarations);
    }
    return classIndices;
  }

  /** DL4J output layers: the losses written, a layer's loss and default activation, classifier widths; on first use. */
  public OutputLayers outputLayers() {
    if (outputLayers == null) {
      outputLayers = new OutputLayers(unit, imports(), constants(), builderChains());
    }
    return outputLayers;
  }

  /** What the file's weight initialisations amount to (constant, huge variance, fine), on first use. */
  public WeightInits weightInits() {
    if (weightInits == null) {
      weightInits = new WeightInits(declarations, constants(), builderChains());
    }
    return weightInits;
  }

  /** Half-precision data types chosen in the file, and whether for training; on first use. */
  public DataTypes dataTypes() {
    if (dataTypes == null) {
      dataTypes = new DataTypes(unit, api, scope);
    }
    return dataTypes;
  }

  /** Hand-written gradient-descent updates: their rate and the scale of the data they multiply, on first use. */
  public GradientSteps gradientSteps() {
    if (gradientSteps == null) {
      gradientSteps = new GradientSteps(this);
    }
    return gradientSteps;
  }

  /** What calls to methods of other files of the project return (the project index); nothing in a single-file run. */
  public CrossFileCalls.InFile crossFile() {
    if (crossFile == null) {
      crossFile = project.forFile(path, this);
    }
    return crossFile;
  }

  /** Flow-sensitive numeric facts (the control-flow graph and forward analysis of each callable), on first use. */
  public Facts facts() {
    if (facts == null) {
      facts = new Facts(this);
    }
    return facts;
  }

  /** The file's training loops and whether anything checks their loss, on first use. */
  public TrainingLoops trainingLoops() {
    if (trainingLoops == null) {
      trainingLoops = new TrainingLoops(unit, types, constants());
    }
    return trainingLoops;
  }

  /** Where a value goes in its method: into a result, only into comparisons, or nowhere. */
  public Consequences consequences() {
    if (consequences == null) {
      consequences = new Consequences(declarations, api(), constants());
    }
    return consequences;
  }

  /** Which library a call belongs to. */
  public Api api() {
    return api;
  }

  public Declarations declarations() {
    return declarations;
  }

  /** Static types of expressions, from declarations in the file. */
  public Types types() {
    return types;
  }

  /** Can a value be zero or negative, and why. */
  public Values values() {
    return values;
  }

  /** Is this loss/gradient/normalisation/metric code. */
  public Scope scope() {
    return scope;
  }

  /** The definition that reaches a use of a local, the occurrences of a variable, writes to it. */
  public Flow flow() {
    return flow;
  }

  /** Square roots: negative arguments (variance by subtraction), divisors that can be 0 (second moments). */
  public Roots roots() {
    return roots;
  }

  /** Exponentials in softmax and log-sum-exp: shifted exponents, normalised results. */
  public Exponentials exponentials() {
    return exponentials;
  }

  /** The file's constant evaluator (literals, final and effectively final variables, arithmetic). */
  public Constants constants() {
    return values.constants();
  }

  /** Whether a value is computed from data, or only from constants, indices, sizes and random draws. */
  public DataDependence dataDependence() {
    if (dataDependence == null) {
      dataDependence = new DataDependence(this);
    }
    return dataDependence;
  }

  /** Which definitions of a local reach a use, as expressions. */
  public Definitions definitions() {
    return definitions;
  }

  /** Where a value came from: softmax/sigmoid outputs, hand-written cross-entropy, computed cosines. */
  public Origins origins() {
    return origins;
  }
}
