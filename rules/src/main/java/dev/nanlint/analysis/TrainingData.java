package dev.nanlint.analysis;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.nanlint.engine.FileNodes;
import dev.nanlint.engine.Nodes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a DL4J network is fitted on: the data-set iterator behind a {@code fit} argument (raw records, image
 * pixels, through wrapping iterators), the features of an in-memory fit, whether the class normalises its
 * data, and how many classes the file's {@code RecordReaderDataSetIterator} yields.
 */
public final class TrainingData {
  /** Iterators over the caller's raw data: they scale nothing themselves. */
  private static final Set<String> RAW_ITERATORS = Set.of("RecordReaderDataSetIterator",
      "SequenceRecordReaderDataSetIterator", "ListDataSetIterator", "INDArrayDataSetIterator",
      "ExistingDataSetIterator", "DoublesDataSetIterator", "FloatsDataSetIterator", "IteratorDataSetIterator");
  /**
   * DL4J's dataset iterators that deliver unscaled 0-255 pixels (deeplearning4j-datasets 1.0.0-M2.1: each
   * is a RecordReaderDataSetIterator over an ImageRecordReader and sets no preprocessor). Not
   * MnistDataSetIterator/EmnistDataSetIterator: their fetcher divides by 255 or binarises.
   */
  private static final Set<String> PIXEL_ITERATORS = Set.of("Cifar10DataSetIterator", "TinyImageNetDataSetIterator",
      "LFWDataSetIterator");
  private static final String DATASET_ITERATORS = "org.deeplearning4j.datasets.iterator.impl";
  /** DataVec readers that turn image files into raw 0-255 pixel values. */
  private static final Set<String> IMAGE_READERS = Set.of("ImageRecordReader", "ObjectDetectionRecordReader");
  private static final String IMAGE_READER_PACKAGE = "org.datavec.image.recordreader";
  private static final String DATAVEC_ITERATORS = "org.deeplearning4j.datasets.datavec";
  /** Calls that normalise a DataSet in place. */
  private static final Set<String> SELF_NORMALISING = Set.of("normalize", "normalizeZeroMeanZeroUnitVariance",
      "scale", "scaleMinAndMax", "scaleMinMax");
  private static final Set<String> NORMALIZER_CALLS = Set.of("fit", "transform", "preProcess", "fitLabel");
  /** Iterators that pass another iterator's minibatches through: the data is the wrapped iterator's. */
  private static final Set<String> WRAPPERS = Set.of("MultipleEpochsIterator", "AsyncDataSetIterator",
      "AsyncShieldDataSetIterator", "EarlyTerminationDataSetIterator");
  private static final int MAX_WRAPPING = 4;

  private final CompilationUnit unit;
  private final Imports imports;
  private final Declarations declarations;
  private final Types types;
  private final Constants constants;

  TrainingData(CompilationUnit unit, Imports imports, Declarations declarations, Types types, Constants constants) {
    this.unit = unit;
    this.imports = imports;
    this.declarations = declarations;
    this.types = types;
    this.constants = constants;
  }

  /**
   * Where an iterator's data comes from: the raw iterator class, whether it yields raw pixels, and the
   * variables of the iterators it is wrapped in or wraps (a preprocessor set on any of them counts).
   * {@code variable} and {@code declaration}: the variable the fit argument names and its declaration, both
   * null for an iterator created in the fit call.
   */
  public record Source(String iterator, boolean pixels, Set<String> variables, String variable, Node declaration) {
    Source with(String name) {
      Set<String> all = new HashSet<>(variables);
      all.add(name);
      return new Source(iterator, pixels, all, variable, declaration);
    }

    Source declaredAs(String name, Node node) {
      return new Source(iterator, pixels, variables, name, node);
    }
  }

  /** The number of classes a record-reader iterator produces, and where it is written. */
  public record ClassCount(long classes, Node at) {}

  /**
   * The raw source behind an iterator passed to {@code fit}: an iterator created in the call
   * ({@code net.fit(new Cifar10DataSetIterator(64))}), or a local or field every definition of which creates
   * one. Empty for parameters and for anything else.
   */
  public Optional<Source> iteratorSource(Expression fitArgument) {
    Expression arg = Flow.strip(fitArgument);
    String name = variableName(arg);
    if (name == null) {
      return source(arg, 0);
    }
    Optional<Declarations.Declaration> decl = declarations.find(arg, name);
    if (decl.isEmpty() || decl.get().kind() == Declarations.Kind.PARAMETER) {
      return Optional.empty();
    }
    return everyDefinition(decl.get(), name, 0).map(s -> s.declaredAs(name, decl.get().node()));
  }

  /**
   * The features of an in-memory fit: {@code net.fit(features, labels)}, {@code net.fit(new DataSet(f, l))},
   * or {@code net.fit(ds)} with {@code ds} initialised to {@code new DataSet(f, l)}.
   */
  public Optional<Expression> inMemoryFeatures(MethodCallExpr fit) {
    if (fit.getArguments().size() == 2 && types.isIndArray(fit.getArgument(0))) {
      return Optional.of(fit.getArgument(0));
    }
    Expression x = Flow.strip(fit.getArgument(0));
    String name = variableName(x);
    if (name != null) {
      Optional<Declarations.Declaration> d = declarations.find(x, name);
      if (d.isPresent() && d.get().kind() == Declarations.Kind.LOCAL && d.get().initializer().isPresent()) {
        x = Flow.strip(d.get().initializer().get());
      }
    }
    if (fit.getArguments().size() == 1 && x instanceof ObjectCreationExpr c
        && c.getType().getNameAsString().equals("DataSet") && c.getArguments().size() == 2) {
      return Optional.of(c.getArgument(0));
    }
    return Optional.empty();
  }

  /**
   * Does the class normalise this iterator or its data: {@code iter.setPreProcessor(...)}, a normalizer
   * ({@code ...Normalizer...}, {@code ...Scaler...}, {@code ...PreProcessor...}) fitted on it or applied to
   * any DataSet/INDArray, or a DataSet normalised in place? {@code iterators}: the variables holding the
   * iterator and the iterators it wraps (empty for one created in the fit call itself, or in-memory data).
   */
  public boolean normalised(TypeDeclaration<?> type, Set<String> iterators) {
    for (MethodCallExpr call : Nodes.all(type, MethodCallExpr.class)) {
      String method = call.getNameAsString();
      Optional<Expression> scope = call.getScope().map(Flow::strip);
      String receiver = scope.map(TrainingData::variableName).orElse(null);
      if (method.equals("setPreProcessor") && receiver != null && iterators.contains(receiver)) {
        return true;
      }
      if (SELF_NORMALISING.contains(method) && scope.isPresent()) {
        return true;
      }
      if (NORMALIZER_CALLS.contains(method) && scope.isPresent() && isNormalizer(scope.get())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The label count of the file's {@code RecordReaderDataSetIterator}s
   * ({@code new RecordReaderDataSetIterator(reader, batch, labelIndex, numClasses)}, or the builder's
   * {@code .classification(labelIndex, numClasses)}): empty when there is none, when one count is not a
   * constant, or when the file uses several different counts.
   */
  public Optional<ClassCount> recordReaderClassCount() {
    Map<Long, Node> counts = new LinkedHashMap<>();
    for (ObjectCreationExpr it : FileNodes.of(unit).all(ObjectCreationExpr.class,
        c -> c.getType().getNameAsString().equals("RecordReaderDataSetIterator"))) {
      if (!imports.is(Imports.written(it.getType()), DATAVEC_ITERATORS, "RecordReaderDataSetIterator")) {
        continue;
      }
      int n = it.getArguments().size();
      if (n != 4 && n != 5 || n == 5 && isBoolean(it.getArgument(4))) {
        continue; // (reader, batch, labelIndexFrom, labelIndexTo, regression)
      }
      OptionalLong c = constants.intValue(it.getArgument(3));
      if (c.isEmpty()) {
        return Optional.empty();
      }
      counts.putIfAbsent(c.getAsLong(), it);
    }
    for (MethodCallExpr call : FileNodes.of(unit).all(MethodCallExpr.class,
        m -> m.getNameAsString().equals("classification") && m.getArguments().size() == 2)) {
      if (isRecordReaderBuilder(Optimisers.chainRoot(call))) {
        OptionalLong c = constants.intValue(call.getArgument(1));
        if (c.isEmpty()) {
          return Optional.empty();
        }
        counts.putIfAbsent(c.getAsLong(), call);
      }
    }
    if (counts.size() != 1) {
      return Optional.empty();
    }
    Map.Entry<Long, Node> only = counts.entrySet().iterator().next();
    return Optional.of(new ClassCount(only.getKey(), only.getValue()));
  }

  private boolean isBoolean(Expression e) {
    return e instanceof BooleanLiteralExpr || types.typeOf(e).equals("boolean");
  }

  /** {@code new RecordReaderDataSetIterator.Builder(...)}. */
  private boolean isRecordReaderBuilder(Expression root) {
    return root instanceof ObjectCreationExpr c && c.getType().getNameAsString().equals("Builder")
        && c.getType().getScope().isPresent()
        && imports.is(Imports.written(c.getType().getScope().get()), DATAVEC_ITERATORS, "RecordReaderDataSetIterator");
  }

  private static String variableName(Expression e) {
    if (e instanceof NameExpr n) {
      return n.getNameAsString();
    }
    if (e instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
      return f.getNameAsString();
    }
    return null;
  }

  /** The source every definition of the variable creates; empty if any definition is something else. */
  private Optional<Source> everyDefinition(Declarations.Declaration d, String name, int wrapping) {
    Source found = null;
    for (Expression def : definitions(d, name)) {
      Optional<Source> s = source(def, wrapping).map(src -> src.with(name));
      if (s.isEmpty()) {
        return Optional.empty();
      }
      found = found == null || s.get().pixels() ? s.get() : found;
    }
    return Optional.ofNullable(found);
  }

  /** The initializer and every plain assignment of a local (in its method) or field (in its class). */
  private static List<Expression> definitions(Declarations.Declaration d, String name) {
    List<Expression> defs = new ArrayList<>();
    d.initializer().ifPresent(defs::add);
    Node scope = d.kind() == Declarations.Kind.FIELD
        ? d.node().findAncestor(TypeDeclaration.class).map(Node.class::cast).orElse(d.node())
        : d.node().findAncestor(CallableDeclaration.class).map(Node.class::cast).orElse(d.node());
    for (AssignExpr a : Nodes.all(scope, AssignExpr.class)) {
      if (name.equals(variableName(Flow.strip(a.getTarget())))) {
        defs.add(a.getValue());
      }
    }
    return defs;
  }

  /**
   * {@code new RecordReaderDataSetIterator(reader, ...)} and the other raw iterators,
   * {@code new RecordReaderDataSetIterator.Builder(reader, batch)...build()}, and DL4J's raw-pixel iterators.
   */
  private Optional<Source> source(Expression def, int wrapping) {
    Expression x = Flow.strip(def);
    if (x instanceof MethodCallExpr call && !call.getNameAsString().equals("build")) {
      return returned(call, wrapping);
    }
    if (x instanceof MethodCallExpr build && build.getNameAsString().equals("build")
        && Optimisers.chainRoot(build) instanceof ObjectCreationExpr root && isRecordReaderBuilder(root)
        && root.getArguments().isNonEmpty()) {
      return Optional.of(new Source("RecordReaderDataSetIterator", isImageReader(root.getArgument(0)), Set.of(), null, null));
    }
    if (!(x instanceof ObjectCreationExpr c)) {
      return Optional.empty();
    }
    String type = c.getType().getNameAsString();
    if (PIXEL_ITERATORS.contains(type) && imports.is(Imports.written(c.getType()), DATASET_ITERATORS, type)) {
      return Optional.of(new Source(type, true, Set.of(), null, null));
    }
    if (WRAPPERS.contains(type)) {
      return wrapped(c, wrapping);
    }
    if (!RAW_ITERATORS.contains(type)) {
      return Optional.empty();
    }
    boolean pixels = type.equals("RecordReaderDataSetIterator") && c.getArguments().isNonEmpty()
        && isImageReader(c.getArgument(0));
    return Optional.of(new Source(type, pixels, Set.of(), null, null));
  }

  /**
   * What a method of this class returns, for {@code getTrainData()} or {@code this.loadImages(dir)}: the
   * raw-pixel source every {@code return} of its body creates (directly, or through a local every definition of
   * which creates one), with the helper's locals among the variables, so a preprocessor it sets on them counts.
   * Empty when what it returns is not image pixels (its scale is not shown, as for a parameter),
   * for calls on another object, overloads of the same arity, methods a subclass may override, and any return
   * that is something else.
   */
  private Optional<Source> returned(MethodCallExpr call, int wrapping) {
    if (wrapping >= MAX_WRAPPING || call.getScope().filter(s -> !(s instanceof ThisExpr)).isPresent()) {
      return Optional.empty();
    }
    Optional<TypeDeclaration<?>> owner = call.findAncestor(TypeDeclaration.class).map(t -> (TypeDeclaration<?>) t);
    List<MethodDeclaration> candidates = owner.map(t -> t.getMethodsByName(call.getNameAsString()).stream()
        .filter(m -> m.getParameters().size() == call.getArguments().size()).toList()).orElse(List.of());
    if (candidates.size() != 1 || candidates.get(0).getBody().isEmpty() || overridable(candidates.get(0))) {
      return Optional.empty();
    }
    MethodDeclaration helper = candidates.get(0);
    Source found = null;
    for (ReturnStmt r : Nodes.all(helper.getBody().get(), ReturnStmt.class)) {
      if (Callables.methodOrLambda(r).filter(m -> m == helper).isEmpty()) {
        continue; // a lambda's or a local class's return
      }
      if (r.getExpression().isEmpty()) {
        return Optional.empty();
      }
      Expression e = Flow.strip(r.getExpression().get());
      String name = variableName(e);
      Optional<Declarations.Declaration> d = name == null ? Optional.empty() : declarations.find(e, name);
      Optional<Source> s = name == null ? source(e, wrapping + 1)
          : d.filter(x -> x.kind() != Declarations.Kind.PARAMETER).flatMap(x -> everyDefinition(x, name, wrapping + 1));
      if (s.isEmpty()) {
        return Optional.empty();
      }
      found = found == null || s.get().pixels() ? s.get() : found;
    }
    // a helper shows the scale only of image files; data it generates or reads is as unknown as a parameter's
    return Optional.ofNullable(found).filter(Source::pixels);
  }

  /** A subclass may replace what an instance method returns (and scale it) unless it is private or final, or its class final. */
  private static boolean overridable(MethodDeclaration m) {
    return !m.isPrivate() && !m.isStatic() && !m.isFinal()
        && !m.findAncestor(ClassOrInterfaceDeclaration.class).map(ClassOrInterfaceDeclaration::isFinal).orElse(false);
  }

  /** {@code new MultipleEpochsIterator(epochs, iter)}, {@code new AsyncDataSetIterator(iter, 2)}: the wrapped iterator's source. */
  private Optional<Source> wrapped(ObjectCreationExpr wrapper, int wrapping) {
    if (wrapping >= MAX_WRAPPING) {
      return Optional.empty();
    }
    for (Expression arg : wrapper.getArguments()) {
      Expression x = Flow.strip(arg);
      if (x instanceof ObjectCreationExpr) {
        Optional<Source> inner = source(x, wrapping + 1);
        if (inner.isPresent()) {
          return inner;
        }
      }
      String name = variableName(x);
      Optional<Declarations.Declaration> d = name == null ? Optional.empty() : declarations.find(x, name);
      if (d.isPresent() && d.get().kind() != Declarations.Kind.PARAMETER) {
        Optional<Source> inner = everyDefinition(d.get(), name, wrapping + 1);
        if (inner.isPresent()) {
          return inner;
        }
      }
    }
    return Optional.empty();
  }

  /** {@code new ImageRecordReader(h, w, c, labels)} inline, or a variable every definition of which is one. */
  private boolean isImageReader(Expression reader) {
    Expression x = Flow.strip(reader);
    if (x instanceof ObjectCreationExpr c) {
      String type = c.getType().getNameAsString();
      return IMAGE_READERS.contains(type) && imports.is(Imports.written(c.getType()), IMAGE_READER_PACKAGE, type);
    }
    String name = variableName(x);
    if (name == null) {
      return false;
    }
    Optional<Declarations.Declaration> d = declarations.find(x, name);
    if (d.isEmpty() || d.get().kind() == Declarations.Kind.PARAMETER) {
      return false;
    }
    List<Expression> defs = definitions(d.get(), name);
    return !defs.isEmpty() && defs.stream().allMatch(def -> Flow.strip(def) instanceof ObjectCreationExpr
        && isImageReader(def));
  }

  private boolean isNormalizer(Expression e) {
    if (e instanceof ObjectCreationExpr c) {
      return normalizerType(c.getType().getNameAsString());
    }
    String name = variableName(e);
    if (name == null) {
      return false;
    }
    Optional<Declarations.Declaration> d = declarations.find(e, name);
    if (d.isEmpty()) {
      return false;
    }
    if (normalizerType(d.get().typeName())) {
      return true;
    }
    return d.get().initializer().map(Flow::strip)
        .filter(i -> i instanceof ObjectCreationExpr c && normalizerType(c.getType().getNameAsString()))
        .isPresent();
  }

  private static boolean normalizerType(String type) {
    return type.contains("Normalizer") || type.contains("Normalization") || type.contains("Scaler")
        || type.contains("PreProcessor");
  }
}
