package dev.nanlint.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.DataScale;
import dev.nanlint.analysis.Declarations;
import dev.nanlint.analysis.Flow;
import dev.nanlint.analysis.Imports;
import dev.nanlint.analysis.Optimisers;
import dev.nanlint.analysis.TrainingSetup;
import dev.nanlint.engine.FileNodes;
import dev.nanlint.engine.Nodes;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Flags a DL4J network trained ({@code net.fit(iter)}, {@code net.fit(iter, epochs)}) on a data-set
 * iterator created in this class from raw data ({@code RecordReaderDataSetIterator},
 * {@code ListDataSetIterator}, {@code INDArrayDataSetIterator}, {@code ExistingDataSetIterator}...), on an
 * iterator over an {@code ImageRecordReader}, or on one of DL4J's raw-pixel dataset iterators
 * ({@code Cifar10DataSetIterator}, {@code TinyImageNetDataSetIterator}, {@code LFWDataSetIterator}), when
 * the class never sets a preprocessor on it nor applies a normalizer; and a network fitted in memory
 * ({@code net.fit(x, y)}, {@code net.fit(new DataSet(x, y))}) on features built from literal values of 100 or
 * more that nothing normalises. See docs/rules/MissingInputNormalization.md.
 */
@RuleInfo(name = "MissingInputNormalization", severity = Severity.WARNING,
    summary = "a network fitted on raw, unnormalised features (0-255 pixels, raw CSV columns) saturates and its gradients explode into NaN")
public final class MissingInputNormalization implements Rule {
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

  /**
   * Where the iterator's data comes from: the raw iterator class, whether it yields raw pixels, and the
   * variables of the iterators it is wrapped in or wraps (a preprocessor set on any of them counts).
   */
  private record Source(String iterator, boolean pixels, Set<String> variables) {
    Source with(String variable) {
      Set<String> all = new java.util.HashSet<>(variables);
      all.add(variable);
      return new Source(iterator, pixels, all);
    }
  }

  @Override
  public void visit(CompilationUnit unit, RuleContext ctx) {
    if (!usesDl4j(unit)) {
      return;
    }
    Declarations declarations = Analysis.of(ctx).declarations();
    Imports imports = new Imports(unit);
    Set<Node> reported = Collections.newSetFromMap(new IdentityHashMap<>());
    for (MethodCallExpr fit : FileNodes.of(unit).all(MethodCallExpr.class, m -> m.getNameAsString().equals("fit")
        && (m.getArguments().size() == 1 || m.getArguments().size() == 2) && m.getScope().isPresent())) {
      if (!TrainingSetup.isNetwork(fit.getScope().get(), Analysis.of(ctx).types())) {
        continue;
      }
      Optional<TypeDeclaration<?>> type = fit.findAncestor(TypeDeclaration.class).map(t -> (TypeDeclaration<?>) t);
      if (type.isEmpty()) {
        continue;
      }
      Expression arg = Flow.strip(fit.getArgument(0));
      Optional<Expression> inMemory = inMemoryFeatures(fit, ctx);
      if (inMemory.isPresent()) {
        checkLiteralFeatures(fit, inMemory.get(), type.get(), ctx);
        continue;
      }
      String name = variableName(arg);
      Optional<Source> source;
      if (name == null) {
        source = source(arg, imports, declarations, 0); // net.fit(new Cifar10DataSetIterator(64))
      } else {
        Optional<Declarations.Declaration> decl = declarations.find(arg, name);
        if (decl.isEmpty() || decl.get().kind() == Declarations.Kind.PARAMETER || reported.contains(decl.get().node())) {
          continue;
        }
        source = everyDefinition(decl.get(), name, imports, declarations, 0);
        source.ifPresent(s -> reported.add(decl.get().node()));
      }
      if (source.isEmpty() || normalised(type.get(), source.get().variables(), declarations)) {
        continue;
      }
      report(fit, arg, name, source.get(), ctx);
    }
  }

  private static void report(MethodCallExpr fit, Expression arg, String name, Source source, RuleContext ctx) {
    String shown = name != null ? name + ", a " + source.iterator() : "a new " + source.iterator();
    String target = name != null ? name : "the iterator";
    if (source.pixels()) {
      ctx.report(arg, fit.getScope().get() + ".fit trains on " + shown
          + " over image files with no ImagePreProcessingScaler or other normalizer: the network sees raw 0-255"
          + " pixels, its first pre-activations are hundreds of times too large, and the gradients and score"
          + " overflow to Infinity/NaN",
          "ImagePreProcessingScaler scaler = new ImagePreProcessingScaler(0, 1); " + target
              + ".setPreProcessor(scaler); before fitting");
      return;
    }
    // the code does not show the data's scale (a CSV of values in [-1, 1] needs nothing): a note, not a warning
    ctx.reportWeaker(arg, fit.getScope().get() + ".fit trains on " + shown
        + " with no normalizer or preprocessor, and the code does not show the data's scale: if the features are"
        + " far from unit scale (0-255 pixels, raw CSV columns in the thousands) they saturate the activations,"
        + " the first gradients are huge, and the weights and score can overflow to Infinity/NaN",
        "NormalizerStandardize norm = new NormalizerStandardize(); norm.fit(" + target + "); " + target
            + ".setPreProcessor(norm); (images: new ImagePreProcessingScaler(0, 1))");
  }

  /** Features this large are raw measurements (prices, square feet, 0-255 pixels), not unit-scale inputs. */
  private static final double RAW_SCALE = 100;

  /**
   * The features of an in-memory fit: {@code net.fit(features, labels)}, {@code net.fit(new DataSet(f, l))},
   * or {@code net.fit(ds)} with {@code ds} initialised to {@code new DataSet(f, l)}.
   */
  private static Optional<Expression> inMemoryFeatures(MethodCallExpr fit, RuleContext ctx) {
    Analysis a = Analysis.of(ctx);
    if (fit.getArguments().size() == 2 && a.types().isIndArray(fit.getArgument(0))) {
      return Optional.of(fit.getArgument(0));
    }
    Expression x = Flow.strip(fit.getArgument(0));
    String name = variableName(x);
    if (name != null) {
      Optional<Declarations.Declaration> d = a.declarations().find(x, name);
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
   * Features built from literal values in the hundreds or more, fitted with no normalizer: with the plain
   * SGD/momentum step of every network configured in the file, a warning (the first layer's step is the rate
   * times x², far beyond what keeps it stable); with an adaptive or unknown updater, a note. Unit-scale
   * literals, or data whose scale the code does not show, stay silent.
   */
  private static void checkLiteralFeatures(MethodCallExpr fit, Expression features, TypeDeclaration<?> type,
      RuleContext ctx) {
    Analysis a = Analysis.of(ctx);
    double scale = DataScale.ofLiterals(features, a.declarations(), a.constants());
    if (!(scale >= RAW_SCALE) || normalised(type, Set.of(), a.declarations())) {
      return;
    }
    List<TrainingSetup.Updater> updaters = a.builderChains().networks().stream()
        .map(n -> a.trainingSetup(n).updater()).toList();
    String shown = (long) scale + "";
    String fix = "NormalizerStandardize norm = new NormalizerStandardize(); norm.fit(dataSet); norm.transform(dataSet);"
        + " (or divide the features by their range before fitting)";
    String what = fit.getScope().get() + ".fit trains on " + features + ", built from literal values up to " + shown
        + ", with no normalizer";
    if (!updaters.isEmpty() && updaters.stream().allMatch(TrainingSetup.Updater::plain)) {
      ctx.report(fit.getArgument(0), what + ": the first layer's pre-activations are hundreds of times too large, and "
          + TrainingSetup.describe(updaters.get(0)) + " steps by the learning rate times a gradient that grows with"
          + " x, so along such a feature each step changes the error by about learning rate x " + shown + "² and"
          + " overshoots by more than the last, until the score and the weights overflow to Infinity/NaN", fix);
    } else {
      Optional<TrainingSetup.Updater> adaptive = updaters.stream().filter(TrainingSetup.Updater::adaptive).findFirst();
      String updater = updaters.isEmpty() ? "the network is not configured in this file, so its updater is not known"
          : adaptive.map(u -> TrainingSetup.describe(u) + " bounds each step to about the learning rate, so the"
              + " weights do not jump to Infinity in one step")
              .orElse("nanlint cannot tell which updater trains it");
      ctx.reportWeaker(fit.getArgument(0), what + ": units saturate and training is slow or stuck; " + updater, fix);
    }
  }

  private static boolean usesDl4j(CompilationUnit unit) {
    for (ImportDeclaration imp : unit.getImports()) {
      if (imp.getNameAsString().startsWith("org.deeplearning4j")) {
        return true;
      }
    }
    return false;
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
  private static Optional<Source> everyDefinition(Declarations.Declaration d, String name, Imports imports,
      Declarations declarations, int wrapping) {
    Source found = null;
    for (Expression def : definitions(d, name)) {
      Optional<Source> s = source(def, imports, declarations, wrapping).map(src -> src.with(name));
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
  private static Optional<Source> source(Expression def, Imports imports, Declarations declarations, int wrapping) {
    Expression x = Flow.strip(def);
    if (x instanceof MethodCallExpr build && build.getNameAsString().equals("build")
        && Optimisers.chainRoot(build) instanceof ObjectCreationExpr root
        && root.getType().getNameAsString().equals("Builder") && root.getType().getScope().isPresent()
        && imports.is(Imports.written(root.getType().getScope().get()), DATAVEC_ITERATORS, "RecordReaderDataSetIterator")
        && root.getArguments().isNonEmpty()) {
      return Optional.of(new Source("RecordReaderDataSetIterator",
          isImageReader(root.getArgument(0), imports, declarations), Set.of()));
    }
    if (!(x instanceof ObjectCreationExpr c)) {
      return Optional.empty();
    }
    String type = c.getType().getNameAsString();
    if (PIXEL_ITERATORS.contains(type) && imports.is(Imports.written(c.getType()), DATASET_ITERATORS, type)) {
      return Optional.of(new Source(type, true, Set.of()));
    }
    if (WRAPPERS.contains(type)) {
      return wrapped(c, imports, declarations, wrapping);
    }
    if (!RAW_ITERATORS.contains(type)) {
      return Optional.empty();
    }
    boolean pixels = type.equals("RecordReaderDataSetIterator") && c.getArguments().isNonEmpty()
        && isImageReader(c.getArgument(0), imports, declarations);
    return Optional.of(new Source(type, pixels, Set.of()));
  }

  /** {@code new MultipleEpochsIterator(epochs, iter)}, {@code new AsyncDataSetIterator(iter, 2)}: the wrapped iterator's source. */
  private static Optional<Source> wrapped(ObjectCreationExpr wrapper, Imports imports, Declarations declarations,
      int wrapping) {
    if (wrapping >= MAX_WRAPPING) {
      return Optional.empty();
    }
    for (Expression arg : wrapper.getArguments()) {
      Expression x = Flow.strip(arg);
      if (x instanceof ObjectCreationExpr) {
        Optional<Source> inner = source(x, imports, declarations, wrapping + 1);
        if (inner.isPresent()) {
          return inner;
        }
      }
      String name = variableName(x);
      Optional<Declarations.Declaration> d = name == null ? Optional.empty() : declarations.find(x, name);
      if (d.isPresent() && d.get().kind() != Declarations.Kind.PARAMETER) {
        Optional<Source> inner = everyDefinition(d.get(), name, imports, declarations, wrapping + 1);
        if (inner.isPresent()) {
          return inner;
        }
      }
    }
    return Optional.empty();
  }

  /** {@code new ImageRecordReader(h, w, c, labels)} inline, or a variable every definition of which is one. */
  private static boolean isImageReader(Expression reader, Imports imports, Declarations declarations) {
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
        && isImageReader(def, imports, declarations));
  }

  /**
   * Does the class normalise this iterator or its data: {@code iter.setPreProcessor(...)}, a normalizer
   * ({@code ...Normalizer...}, {@code ...Scaler...}, {@code ...PreProcessor...}) fitted on it or applied to
   * any DataSet/INDArray, or a DataSet normalised in place? {@code iterators}: the variables holding the
   * iterator and the iterators it wraps (empty for one created in the fit call itself).
   */
  private static boolean normalised(TypeDeclaration<?> type, Set<String> iterators, Declarations declarations) {
    for (MethodCallExpr call : Nodes.all(type, MethodCallExpr.class)) {
      String method = call.getNameAsString();
      Optional<Expression> scope = call.getScope().map(Flow::strip);
      String receiver = scope.map(MissingInputNormalization::variableName).orElse(null);
      if (method.equals("setPreProcessor") && receiver != null && iterators.contains(receiver)) {
        return true;
      }
      if (SELF_NORMALISING.contains(method) && scope.isPresent()) {
        return true;
      }
      if (NORMALIZER_CALLS.contains(method) && scope.isPresent() && isNormalizer(scope.get(), declarations)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNormalizer(Expression e, Declarations declarations) {
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
