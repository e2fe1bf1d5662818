package dev.nanlint.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.ClassIndices;
import dev.nanlint.analysis.Labels.IntSet;
import dev.nanlint.analysis.Labels;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Flags negative integer class labels used as class indices: one-hot encoding, {@code putScalar} on a
 * label array, indexing a per-class array, or a literal label array handed to a method of the file that
 * indexes with it. See docs/rules/NegativeClassLabel.md.
 */
@RuleInfo(name = "NegativeClassLabel", severity = Severity.ERROR,
    summary = "a negative class label used as a class index: one-hot encoding throws or writes into another example's row, and the loss trains on garbage")
public final class NegativeClassLabel implements Rule {

  @Override
  public void visit(CompilationUnit unit, RuleContext ctx) {
    List<ClassIndices.Use> uses = Analysis.of(ctx).classIndices().all();
    if (uses.isEmpty()) {
      return;
    }
    Labels labels = new Labels(Analysis.of(ctx));
    Set<Node> reported = Collections.newSetFromMap(new IdentityHashMap<>());
    for (ClassIndices.Use use : uses) {
      report(use.index(), use.values(labels), use.at(), user(use), reported, ctx);
    }
  }

  /** How the use breaks on a negative index. */
  private static String user(ClassIndices.Use use) {
    return switch (use.kind()) {
      case OUTCOME_VECTOR -> "FeatureUtil.toOutcomeVector uses it as a class index, and its array store throws"
          + " ArrayIndexOutOfBoundsException";
      case OUTCOME_MATRIX -> "FeatureUtil.toOutcomeMatrix uses its elements as class indices, and its array store"
          + " throws ArrayIndexOutOfBoundsException";
      case PUT_SCALAR -> Labels.baseName(use.labelArray()) + ".putScalar uses it as a class index, and "
          + putScalarConsequence((MethodCallExpr) use.at());
      case ARRAY_INDEX -> "indexing " + ((ArrayAccessExpr) use.at()).getName() + " with it throws"
          + " ArrayIndexOutOfBoundsException";
      case HELPER_ARGUMENT -> use.helper().getNameAsString() + "(...) uses its elements as class indices, which a"
          + " negative one breaks (an exception, or a one-hot row in the wrong place)";
    };
  }

  private static void report(Expression index, IntSet values, Node use, String user, Set<Node> reported,
      RuleContext ctx) {
    Optional<Long> negative = values.anyBelow(0);
    if (negative.isEmpty() || reported.contains(index) || Labels.tested(index, use)) {
      return;
    }
    reported.add(index);
    Set<Long> all = new TreeSet<>(values.values());
    String seen = values.complete() ? " (it takes the values " + all + ")" : "";
    String verb = index.getParentNode().filter(MethodCallExpr.class::isInstance)
        .map(p -> ((MethodCallExpr) p).getNameAsString().equals("toOutcomeVector")
            || ((MethodCallExpr) p).getNameAsString().equals("putScalar")).orElse(true) ? " can be " : " holds ";
    if (index.getParentNode().orElse(null) instanceof ArrayAccessExpr
        || index.getParentNode().orElse(null) instanceof ArrayInitializerExpr) {
      verb = " can be ";
    }
    if (verb.equals(" holds ") && values.complete()) {
      seen = " (its elements are " + all + ")";
    }
    ctx.report(index, index + verb + negative.get() + seen + ", a negative class label: " + user
        + "; class indices must run from 0 to numClasses - 1", fix(index, values));
  }

  /** What ND4J does with a negative column (nd4j-api 1.0.0-M2.1, BaseNDArray.putScalar). */
  private static String putScalarConsequence(MethodCallExpr call) {
    if (call.getArguments().size() == 2) {
      return "putScalar(int[], value) counts a negative index from the end: -1 becomes the last class, so these"
          + " examples silently train as that class";
    }
    return "putScalar(row, col, value) does not check a negative column: the 1 lands in the last column of the"
        + " previous example's row (before the buffer for row 0) and this example's row stays all 0, so the loss"
        + " trains on wrong targets";
  }

  private static String fix(Expression index, IntSet values) {
    Set<Long> all = new TreeSet<>(values.values());
    if (values.complete() && all.equals(Set.of(-1L, 1L))) {
      return "remap {-1, 1} to {0, 1} where the labels are made: (" + index + " + 1) / 2";
    }
    if (values.complete() && all.equals(Set.of(-1L, 0L, 1L))) {
      return "remap {-1, 0, 1} to {0, 1, 2} where the labels are made: " + index + " + 1";
    }
    return "map the labels to 0..numClasses-1 where they are made (for example label - minLabel), and"
        + " reject unknown labels instead of encoding them as -1";
  }
}
