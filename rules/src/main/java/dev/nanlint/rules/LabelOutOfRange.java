package dev.nanlint.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.Imports;
import dev.nanlint.analysis.Labels.IntSet;
import dev.nanlint.analysis.Labels;
import dev.nanlint.analysis.Optimisers;
import dev.nanlint.engine.FileNodes;
import dev.nanlint.engine.Nodes;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Flags class indices at or beyond the number of classes: constant labels one-hot encoded into fewer
 * columns, and a classifier output layer whose {@code nOut} differs from the label count of the file's
 * {@code RecordReaderDataSetIterator} (reported at the {@code nOut}). See docs/rules/LabelOutOfRange.md.
 */
@RuleInfo(name = "LabelOutOfRange", severity = Severity.ERROR,
    summary = "a class index at or beyond the number of classes (or nOut unlike the data's class count): one-hot rows land in the wrong place and the loss compares mismatched classes")
public final class LabelOutOfRange implements Rule {
  private static final String LAYERS = "org.deeplearning4j.nn.conf.layers";
  private static final String ITERATORS = "org.deeplearning4j.datasets.datavec";
  private static final Set<String> OUTPUT_LAYERS = Set.of("OutputLayer", "RnnOutputLayer", "CenterLossOutputLayer",
      "Cnn3DLossLayer");
  private static final Set<String> CLASSIFICATION = Set.of("SOFTMAX", "MCXENT", "NEGATIVELOGLIKELIHOOD", "XENT",
      "LossMCXENT", "LossNegativeLogLikelihood", "LossBinaryXENT", "SPARSE_MCXENT", "LossSparseMCXENT");

  @Override
  public void visit(MethodCallExpr call, RuleContext ctx) {
    String name = call.getNameAsString();
    if (name.equals("toOutcomeVector") || name.equals("toOutcomeMatrix")
        || (name.equals("putScalar") && call.getScope().map(r -> Labels.isLabelName(Labels.baseName(r))).orElse(false))) {
      checkOneHot(call, new Labels(Analysis.of(ctx)), new Imports(ctx.unit()), ctx);
    } else if (name.equals("nOut") && call.getArguments().size() == 1) {
      Imports imports = new Imports(ctx.unit());
      if (isClassifierOutput(call, imports)) {
        checkOutputLayer(call, new Labels(Analysis.of(ctx)), imports, ctx);
      }
    }
  }

  @Override
  public void visit(AssignExpr assign, RuleContext ctx) {
    if (assign.getTarget() instanceof ArrayAccessExpr a && a.getName() instanceof NameExpr array
        && Labels.isLabelName(array.getNameAsString())) {
      checkArrayOneHot(a, new Labels(Analysis.of(ctx)), ctx);
    }
  }

  private static void checkOneHot(MethodCallExpr call, Labels labels, Imports imports, RuleContext ctx) {
    String name = call.getNameAsString();
    if ((name.equals("toOutcomeVector") || name.equals("toOutcomeMatrix")) && call.getArguments().size() == 2
        && Labels.isFeatureUtil(call, imports, name)) {
      Expression count = call.getArgument(1);
      OptionalLong classes = labels.constants().intValue(count);
      String shape;
      if (classes.isPresent()) {
        shape = "FeatureUtil." + name + " encodes " + HighLearningRate.shown(count, classes.getAsLong()) + " classes";
      } else { // toOutcomeVector(label, numClasses) with a count we cannot read: the network's width
        Optional<OutputWidth> output = networkOutput(call, labels, imports);
        if (output.isEmpty()) {
          return;
        }
        classes = OptionalLong.of(output.get().classes());
        shape = output.get().describe();
      }
      Expression index = call.getArgument(0);
      boolean matrix = name.equals("toOutcomeMatrix");
      report(index, matrix ? labels.elements(index) : labels.values(index), matrix, classes.getAsLong(), shape, call, ctx);
    } else if (name.equals("putScalar") && call.getScope().isPresent()) {
      Optional<Expression> index = Labels.putScalarClassIndex(call);
      Expression receiver = call.getScope().get();
      if (index.isEmpty() || !Labels.isLabelName(Labels.baseName(receiver))) {
        return;
      }
      OptionalLong classes = labels.classCount(receiver);
      if (classes.isPresent()) {
        report(index.get(), labels.values(index.get()), false, classes.getAsLong(),
            receiver + " has " + classes.getAsLong() + " class columns", call, ctx);
      } else {
        networkOutput(call, labels, imports).ifPresent(output -> report(index.get(), labels.values(index.get()), false,
            output.classes(), output.describe(), call, ctx));
      }
    }
  }

  /** {@code oneHot[k] = 1.0} on a {@code new double[numClasses]} label row. */
  private static void checkArrayOneHot(ArrayAccessExpr a, Labels labels, RuleContext ctx) {
    if (!Labels.isLabelName(Labels.baseName(a.getName())) || !(a.getName() instanceof NameExpr)) {
      return;
    }
    OptionalLong classes = labels.classCount(a.getName());
    if (classes.isPresent()) {
      report(a.getIndex(), labels.values(a.getIndex()), false, classes.getAsLong(),
          a.getName() + " has " + classes.getAsLong() + " entries", a, ctx);
    }
  }

  /** The width of the classifier output layer(s) configured in the class around a one-hot encoding. */
  private record OutputWidth(long classes, int line) {
    String describe() {
      return "the network's output layer on line " + line + " has nOut " + classes;
    }
  }

  /**
   * When the one-hot width itself is not a constant ({@code Nd4j.zeros(batch, numClasses)} with a
   * parameter): the {@code nOut} of the softmax/cross-entropy output layers configured in the same class,
   * if they all agree on one constant. Several widths, or one that is not a constant: nothing.
   */
  private static Optional<OutputWidth> networkOutput(Node use, Labels labels, Imports imports) {
    Optional<TypeDeclaration> type = use.findAncestor(TypeDeclaration.class);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    OutputWidth found = null;
    for (MethodCallExpr nOut : Nodes.all(((TypeDeclaration<?>) type.get()), MethodCallExpr.class,
        m -> m.getNameAsString().equals("nOut") && m.getArguments().size() == 1)) {
      if (!isClassifierOutput(nOut, imports)) {
        continue;
      }
      OptionalLong width = labels.constants().intValue(nOut.getArgument(0));
      if (width.isEmpty() || (found != null && found.classes() != width.getAsLong())) {
        return Optional.empty();
      }
      found = new OutputWidth(width.getAsLong(), nOut.getBegin().map(p -> p.line).orElse(0));
    }
    return Optional.ofNullable(found);
  }

  private static void report(Expression index, IntSet values, boolean array, long classes, String shape, Node use,
      RuleContext ctx) {
    Optional<Long> beyond = values.anyAtLeast(classes);
    if (beyond.isEmpty() || Labels.tested(index, use)) {
      return;
    }
    boolean literal = index instanceof com.github.javaparser.ast.expr.LiteralExpr;
    String subject = literal ? "class index " + index
        : array ? index + " holds class index " + beyond.get()
        : index + " can be " + beyond.get();
    ctx.report(index, subject + ", but " + shape + ": class indices run from 0 to " + (classes - 1) + "; a larger one"
        + " throws (Java arrays, FeatureUtil, putScalar on a label matrix) or, on a single-row label array, is"
        + " written past the end of its buffer",
        "number the classes 0.." + (classes - 1) + " (for 1-based labels, subtract 1), or raise the class count to at least "
        + (beyond.get() + 1));
  }

  // ---- nOut of the output layer vs the iterator's label count ------------------------------------

  /** The output layer's {@code nOut} against the label count of the file's RecordReaderDataSetIterator. */
  private static void checkOutputLayer(MethodCallExpr nOutCall, Labels labels, Imports imports, RuleContext ctx) {
    Map<Long, Node> counts = new LinkedHashMap<>();
    for (ObjectCreationExpr it : FileNodes.of(ctx.unit()).all(ObjectCreationExpr.class,
        c -> c.getType().getNameAsString().equals("RecordReaderDataSetIterator"))) {
      if (!imports.is(Imports.written(it.getType()), ITERATORS, "RecordReaderDataSetIterator")) {
        continue;
      }
      int n = it.getArguments().size();
      if (n != 4 && n != 5) {
        continue;
      }
      if (n == 5 && isBoolean(it.getArgument(4), ctx)) {
        continue; // (reader, batch, labelIndexFrom, labelIndexTo, regression)
      }
      OptionalLong c = labels.constants().intValue(it.getArgument(3));
      if (c.isEmpty()) {
        return; // a label count we cannot read: claim nothing
      }
      counts.putIfAbsent(c.getAsLong(), it);
    }
    for (MethodCallExpr call : FileNodes.of(ctx.unit()).all(MethodCallExpr.class,
        m -> m.getNameAsString().equals("classification") && m.getArguments().size() == 2)) {
      // new RecordReaderDataSetIterator.Builder(reader, batch).classification(labelIndex, numClasses)
      if (Optimisers.chainRoot(call) instanceof ObjectCreationExpr root
          && root.getType().getNameAsString().equals("Builder") && root.getType().getScope().isPresent()
          && imports.is(Imports.written(root.getType().getScope().get()), ITERATORS, "RecordReaderDataSetIterator")) {
        OptionalLong c = labels.constants().intValue(call.getArgument(1));
        if (c.isEmpty()) {
          return;
        }
        counts.putIfAbsent(c.getAsLong(), call);
      }
    }
    if (counts.size() != 1) {
      return; // no iterator, or several datasets in one file
    }
    long classes = counts.keySet().iterator().next();
    Node iterator = counts.get(classes);
    OptionalLong nOut = labels.constants().intValue(nOutCall.getArgument(0));
    if (nOut.isEmpty() || nOut.getAsLong() == classes) {
      return;
    }
    int line = iterator.getBegin().map(p -> p.line).orElse(0);
    ctx.report(nOutCall.getArgument(0), "the output layer has nOut " + nOut.getAsLong() + " but the"
        + " RecordReaderDataSetIterator on line " + line + " produces " + classes + " classes: the labels and the"
        + " softmax output disagree in width, so fit fails on the shape check or, for labels built by hand,"
        + " class indices land on the wrong units",
        "nOut(" + classes + "), the iterator's numPossibleLabels (or fix the iterator's count)");
  }

  private static boolean isBoolean(Expression e, RuleContext ctx) {
    return e instanceof BooleanLiteralExpr || Analysis.of(ctx).types().typeOf(e).equals("boolean");
  }

  /** {@code new OutputLayer.Builder(LossFunction.MCXENT)...activation(Activation.SOFTMAX).nOut(k)}. */
  private static boolean isClassifierOutput(MethodCallExpr nOut, Imports imports) {
    if (!(Optimisers.chainRoot(nOut) instanceof ObjectCreationExpr root) || !root.getType().getNameAsString().equals("Builder")
        || root.getType().getScope().isEmpty()) {
      return false;
    }
    String outer = Imports.written(root.getType().getScope().get());
    String simple = outer.substring(outer.lastIndexOf('.') + 1);
    if (!OUTPUT_LAYERS.contains(simple) || !imports.is(outer, LAYERS, simple)) {
      return false;
    }
    List<Node> parts = new ArrayList<>(root.getArguments());
    parts.addAll(Optimisers.chain(nOut));
    for (Node part : parts) {
      for (String word : part.toString().split("[^A-Za-z_]+")) {
        if (CLASSIFICATION.contains(word)) {
          return true;
        }
      }
    }
    return false;
  }
}
