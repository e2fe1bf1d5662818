package dev.nanlint.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.ClassIndices;
import dev.nanlint.analysis.Labels.IntSet;
import dev.nanlint.analysis.Labels;
import dev.nanlint.analysis.OutputLayers;
import dev.nanlint.analysis.TrainingData;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Flags class indices at or beyond the number of classes: constant labels one-hot encoded into fewer
 * columns, and a classifier output layer whose {@code nOut} differs from the label count of the file's
 * {@code RecordReaderDataSetIterator} (reported at the {@code nOut}). See docs/rules/LabelOutOfRange.md.
 */
@RuleInfo(name = "LabelOutOfRange", severity = Severity.ERROR,
    summary = "a class index at or beyond the number of classes (or nOut unlike the data's class count): one-hot rows land in the wrong place and the loss compares mismatched classes")
public final class LabelOutOfRange implements Rule {

  @Override
  public void visit(MethodCallExpr call, RuleContext ctx) {
    Analysis a = Analysis.of(ctx);
    Optional<ClassIndices.Use> oneHot = ClassIndices.oneHot(call, a.imports());
    if (oneHot.isPresent()) {
      checkOneHot(oneHot.get(), new Labels(a), a.outputLayers(), ctx);
    } else if (call.getNameAsString().equals("nOut") && call.getArguments().size() == 1
        && a.outputLayers().isClassifierOutput(call)) {
      checkOutputLayer(call, a.trainingData(), a.constants().intValue(call.getArgument(0)), ctx);
    }
  }

  /** {@code oneHot[k] = 1.0} on a {@code new double[numClasses]} label row. */
  @Override
  public void visit(AssignExpr assign, RuleContext ctx) {
    if (assign.getTarget() instanceof ArrayAccessExpr a && a.getName() instanceof NameExpr array
        && Labels.isLabelName(array.getNameAsString())) {
      Labels labels = new Labels(Analysis.of(ctx));
      OptionalLong classes = labels.classCount(a.getName());
      if (classes.isPresent()) {
        report(a.getIndex(), labels.values(a.getIndex()), false, classes.getAsLong(),
            a.getName() + " has " + classes.getAsLong() + " entries", a, ctx);
      }
    }
  }

  /**
   * The one-hot width: the encoding's own constant class count or label array, else (when that is not a
   * constant) the width of the classifier output layers configured in the same class.
   */
  private static void checkOneHot(ClassIndices.Use use, Labels labels, OutputLayers outputs, RuleContext ctx) {
    MethodCallExpr call = (MethodCallExpr) use.at();
    boolean putScalar = use.kind() == ClassIndices.Kind.PUT_SCALAR;
    OptionalLong classes = putScalar ? labels.classCount(use.labelArray())
        : labels.constants().intValue(call.getArgument(1));
    String shape;
    if (classes.isPresent()) {
      shape = putScalar ? use.labelArray() + " has " + classes.getAsLong() + " class columns"
          : "FeatureUtil." + call.getNameAsString() + " encodes " + Shown.constant(call.getArgument(1), classes.getAsLong())
              + " classes";
    } else {
      Optional<OutputLayers.Width> output = outputs.classifierWidth(call);
      if (output.isEmpty()) {
        return;
      }
      classes = OptionalLong.of(output.get().classes());
      shape = "the network's output layer on line " + output.get().line() + " has nOut " + output.get().classes();
    }
    report(use.index(), use.values(labels), use.elements(), classes.getAsLong(), shape, call, ctx);
  }

  private static void report(Expression index, IntSet values, boolean array, long classes, String shape, Node use,
      RuleContext ctx) {
    Optional<Long> beyond = values.anyAtLeast(classes);
    if (beyond.isEmpty() || Labels.tested(index, use)) {
      return;
    }
    String subject = index instanceof LiteralExpr ? "class index " + index
        : array ? index + " holds class index " + beyond.get()
        : index + " can be " + beyond.get();
    ctx.report(index, subject + ", but " + shape + ": class indices run from 0 to " + (classes - 1) + "; a larger one"
        + " throws (Java arrays, FeatureUtil, putScalar on a label matrix) or, on a single-row label array, is"
        + " written past the end of its buffer",
        "number the classes 0.." + (classes - 1) + " (for 1-based labels, subtract 1), or raise the class count to at least "
        + (beyond.get() + 1));
  }

  /** The output layer's {@code nOut} against the label count of the file's RecordReaderDataSetIterator. */
  private static void checkOutputLayer(MethodCallExpr nOutCall, TrainingData data, OptionalLong nOut, RuleContext ctx) {
    Optional<TrainingData.ClassCount> count = data.recordReaderClassCount();
    if (count.isEmpty() || nOut.isEmpty() || nOut.getAsLong() == count.get().classes()) {
      return;
    }
    long classes = count.get().classes();
    int line = count.get().at().getBegin().map(p -> p.line).orElse(0);
    ctx.report(nOutCall.getArgument(0), "the output layer has nOut " + nOut.getAsLong() + " but the"
        + " RecordReaderDataSetIterator on line " + line + " produces " + classes + " classes: the labels and the"
        + " softmax output disagree in width, so fit fails on the shape check or, for labels built by hand,"
        + " class indices land on the wrong units",
        "nOut(" + classes + "), the iterator's numPossibleLabels (or fix the iterator's count)");
  }
}
