package dev.nanlint.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.DataScale;
import dev.nanlint.analysis.Flow;
import dev.nanlint.analysis.TrainingData;
import dev.nanlint.analysis.TrainingSetup;
import dev.nanlint.engine.FileNodes;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
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
 * ({@code Cifar10DataSetIterator}, {@code TinyImageNetDataSetIterator}, {@code LFWDataSetIterator}), directly
 * or returned by a private, static or final method of the class, when the class never sets a preprocessor on it
 * nor applies a normalizer; and a network fitted in memory
 * ({@code net.fit(x, y)}, {@code net.fit(new DataSet(x, y))}) on features built from literal values of 100 or
 * more that nothing normalises. See docs/rules/MissingInputNormalization.md.
 */
@RuleInfo(name = "MissingInputNormalization", severity = Severity.WARNING,
    summary = "a network fitted on raw, unnormalised features (0-255 pixels, raw CSV columns) saturates and its gradients explode into NaN")
public final class MissingInputNormalization implements Rule {

  @Override
  public void visit(CompilationUnit unit, RuleContext ctx) {
    if (!usesDl4j(unit)) {
      return;
    }
    Analysis a = Analysis.of(ctx);
    TrainingData data = a.trainingData();
    Set<Node> reported = Collections.newSetFromMap(new IdentityHashMap<>());
    for (MethodCallExpr fit : FileNodes.of(unit).all(MethodCallExpr.class, m -> m.getNameAsString().equals("fit")
        && (m.getArguments().size() == 1 || m.getArguments().size() == 2) && m.getScope().isPresent())) {
      if (!TrainingSetup.isNetwork(fit.getScope().get(), a.types())) {
        continue;
      }
      Optional<TypeDeclaration<?>> type = fit.findAncestor(TypeDeclaration.class).map(t -> (TypeDeclaration<?>) t);
      if (type.isEmpty()) {
        continue;
      }
      Optional<Expression> inMemory = data.inMemoryFeatures(fit);
      if (inMemory.isPresent()) {
        checkLiteralFeatures(fit, inMemory.get(), type.get(), ctx);
        continue;
      }
      Optional<TrainingData.Source> source = data.iteratorSource(fit.getArgument(0));
      if (source.isEmpty() || source.get().declaration() != null && !reported.add(source.get().declaration())
          || data.normalised(type.get(), source.get().variables())) {
        continue;
      }
      report(fit, Flow.strip(fit.getArgument(0)), source.get(), ctx);
    }
  }

  private static void report(MethodCallExpr fit, Expression arg, TrainingData.Source source, RuleContext ctx) {
    String name = source.variable();
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
   * Features built from literal values in the hundreds or more, fitted with no normalizer: with the plain
   * SGD/momentum step of every network configured in the file, a warning (the first layer's step is the rate
   * times x², far beyond what keeps it stable); with an adaptive or unknown updater, a note. Unit-scale
   * literals, or data whose scale the code does not show, stay silent.
   */
  private static void checkLiteralFeatures(MethodCallExpr fit, Expression features, TypeDeclaration<?> type,
      RuleContext ctx) {
    Analysis a = Analysis.of(ctx);
    double scale = DataScale.ofLiterals(features, a.declarations(), a.constants());
    if (!(scale >= RAW_SCALE) || a.trainingData().normalised(type, Set.of())) {
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
}
