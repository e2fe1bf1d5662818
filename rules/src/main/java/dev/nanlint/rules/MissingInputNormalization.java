package dev.nanlint.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.nanlint.analysis.Declarations;
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
 * {@code ListDataSetIterator}, {@code INDArrayDataSetIterator}, {@code ExistingDataSetIterator}...) when
 * the class never sets a preprocessor on it nor applies a normalizer.
 * See docs/rules/MissingInputNormalization.md.
 */
@RuleInfo(name = "MissingInputNormalization", severity = Severity.WARNING,
    summary = "a network fitted on raw, unnormalised features (0-255 pixels, raw CSV columns) saturates and its gradients explode into NaN")
public final class MissingInputNormalization implements Rule {
  /** Iterators over the caller's raw data: they scale nothing themselves. */
  private static final Set<String> RAW_ITERATORS = Set.of("RecordReaderDataSetIterator",
      "SequenceRecordReaderDataSetIterator", "ListDataSetIterator", "INDArrayDataSetIterator",
      "ExistingDataSetIterator", "DoublesDataSetIterator", "FloatsDataSetIterator", "IteratorDataSetIterator");
  private static final Set<String> NETWORKS = Set.of("MultiLayerNetwork", "ComputationGraph");
  /** Calls that normalise a DataSet in place. */
  private static final Set<String> SELF_NORMALISING = Set.of("normalize", "normalizeZeroMeanZeroUnitVariance",
      "scale", "scaleMinAndMax", "scaleMinMax");
  private static final Set<String> NORMALIZER_CALLS = Set.of("fit", "transform", "preProcess", "fitLabel");

  @Override
  public void visit(CompilationUnit unit, RuleContext ctx) {
    if (!usesDl4j(unit)) {
      return;
    }
    Declarations declarations = ctx.analysis().declarations();
    Set<Node> reported = Collections.newSetFromMap(new IdentityHashMap<>());
    for (MethodCallExpr fit : unit.findAll(MethodCallExpr.class, m -> m.getNameAsString().equals("fit")
        && (m.getArguments().size() == 1 || m.getArguments().size() == 2) && m.getScope().isPresent())) {
      if (!isNetwork(fit.getScope().get(), declarations)) {
        continue;
      }
      Expression arg = unwrap(fit.getArgument(0));
      String name = variableName(arg);
      if (name == null) {
        continue;
      }
      Optional<Declarations.Declaration> decl = declarations.find(arg, name);
      if (decl.isEmpty() || decl.get().kind() == Declarations.Kind.PARAMETER || reported.contains(decl.get().node())) {
        continue;
      }
      Optional<TypeDeclaration<?>> type = fit.findAncestor(TypeDeclaration.class).map(t -> (TypeDeclaration<?>) t);
      if (type.isEmpty()) {
        continue;
      }
      Optional<String> iterator = rawIterator(decl.get(), name);
      if (iterator.isEmpty() || normalised(type.get(), name, declarations)) {
        continue;
      }
      reported.add(decl.get().node());
      ctx.report(arg, fit.getScope().get() + ".fit trains on " + name + ", a " + iterator.get()
          + " over raw data with no normalizer or preprocessor: unscaled features (0-255 pixels, raw CSV columns)"
          + " saturate the activations and make the first gradients huge, and the weights and score overflow to"
          + " Infinity/NaN",
          "NormalizerStandardize norm = new NormalizerStandardize(); norm.fit(" + name + "); " + name
              + ".setPreProcessor(norm); (images: new ImagePreProcessingScaler(0, 1))");
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

  /** A receiver declared as (or created as) a MultiLayerNetwork or ComputationGraph. */
  private static boolean isNetwork(Expression scope, Declarations declarations) {
    Expression e = unwrap(scope);
    if (e instanceof ObjectCreationExpr c) {
      return NETWORKS.contains(c.getType().getNameAsString());
    }
    String name = variableName(e);
    if (name == null) {
      return false;
    }
    Optional<Declarations.Declaration> d = declarations.find(e, name);
    if (d.isEmpty()) {
      return false;
    }
    if (NETWORKS.contains(d.get().typeName())) {
      return true;
    }
    return d.get().initializer().map(MissingInputNormalization::unwrap)
        .filter(i -> i instanceof ObjectCreationExpr c && NETWORKS.contains(c.getType().getNameAsString()))
        .isPresent();
  }

  /** The raw iterator class every definition of the variable creates; empty if any is something else. */
  private static Optional<String> rawIterator(Declarations.Declaration d, String name) {
    List<Expression> defs = new ArrayList<>();
    d.initializer().ifPresent(defs::add);
    Node scope = d.kind() == Declarations.Kind.FIELD
        ? d.node().findAncestor(TypeDeclaration.class).map(Node.class::cast).orElse(d.node())
        : d.node().findAncestor(CallableDeclaration.class).map(Node.class::cast).orElse(d.node());
    for (AssignExpr a : scope.findAll(AssignExpr.class)) {
      if (name.equals(variableName(unwrap(a.getTarget())))) {
        defs.add(a.getValue());
      }
    }
    String found = null;
    for (Expression def : defs) {
      Expression x = unwrap(def);
      if (!(x instanceof ObjectCreationExpr c) || !RAW_ITERATORS.contains(c.getType().getNameAsString())) {
        return Optional.empty();
      }
      found = c.getType().getNameAsString();
    }
    return Optional.ofNullable(found);
  }

  /**
   * Does the class normalise this iterator or its data: {@code name.setPreProcessor(...)}, a normalizer
   * ({@code ...Normalizer...}, {@code ...Scaler...}, {@code ...PreProcessor...}) fitted on it or applied to
   * any DataSet/INDArray, or a DataSet normalised in place?
   */
  private static boolean normalised(TypeDeclaration<?> type, String name, Declarations declarations) {
    for (MethodCallExpr call : type.findAll(MethodCallExpr.class)) {
      String method = call.getNameAsString();
      Optional<Expression> scope = call.getScope().map(MissingInputNormalization::unwrap);
      if (method.equals("setPreProcessor") && scope.isPresent() && name.equals(variableName(scope.get()))) {
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
    return d.get().initializer().map(MissingInputNormalization::unwrap)
        .filter(i -> i instanceof ObjectCreationExpr c && normalizerType(c.getType().getNameAsString()))
        .isPresent();
  }

  private static boolean normalizerType(String type) {
    return type.contains("Normalizer") || type.contains("Scaler") || type.contains("PreProcessor");
  }

  private static Expression unwrap(Expression e) {
    while (e instanceof EnclosedExpr || e instanceof CastExpr) {
      e = e instanceof EnclosedExpr en ? en.getInner() : ((CastExpr) e).getExpression();
    }
    return e;
  }
}
