package dev.nanlint.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.Imports;
import dev.nanlint.analysis.Labels.IntSet;
import dev.nanlint.analysis.Labels;
import dev.nanlint.engine.FileNodes;
import dev.nanlint.engine.Nodes;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
    List<Node> candidates = new ArrayList<>();
    boolean[] negativeLiteralArray = new boolean[1];
    FileNodes.of(unit).all().forEach(n -> {
      if (n instanceof ArrayAccessExpr a) {
        if (Labels.isLabelName(Labels.baseName(a.getIndex())) || Labels.isLabelName(Labels.baseName(a.getName()))) {
          candidates.add(n);
        }
      } else if (n instanceof MethodCallExpr m && m.getArguments().isNonEmpty()) {
        candidates.add(n);
      } else if (n instanceof ArrayInitializerExpr init) {
        negativeLiteralArray[0] |= init.getValues().stream().anyMatch(v -> v instanceof UnaryExpr u
            && u.getOperator() == UnaryExpr.Operator.MINUS);
      }
    });
    if (candidates.isEmpty()) {
      return;
    }
    Labels labels = new Labels(Analysis.of(ctx));
    Imports imports = new Imports(unit);
    Set<Node> reported = Collections.newSetFromMap(new IdentityHashMap<>());
    Map<String, TypeDeclaration<?>> typesByName = new HashMap<>();
    for (Node node : candidates) {
      if (node instanceof MethodCallExpr call) {
        checkCall(call, labels, imports, negativeLiteralArray[0], typesByName, reported, ctx);
      } else if (node instanceof ArrayAccessExpr access) {
        checkIndex(access, labels, reported, ctx);
      }
    }
  }

  private static void checkCall(MethodCallExpr call, Labels labels, Imports imports, boolean literalArrays,
      Map<String, TypeDeclaration<?>> typesByName, Set<Node> reported, RuleContext ctx) {
    String name = call.getNameAsString();
    if (name.equals("toOutcomeVector") && call.getArguments().size() == 2
        && Labels.isFeatureUtil(call, imports, name)) {
      Expression index = call.getArgument(0);
      report(index, labels.values(index), call, "FeatureUtil.toOutcomeVector uses it as a class index, and its"
          + " array store throws ArrayIndexOutOfBoundsException", reported, ctx);
      return;
    }
    if (name.equals("toOutcomeMatrix") && call.getArguments().size() == 2
        && Labels.isFeatureUtil(call, imports, name)) {
      Expression array = call.getArgument(0);
      report(array, labels.elements(array), call, "FeatureUtil.toOutcomeMatrix uses its elements as class indices,"
          + " and its array store throws ArrayIndexOutOfBoundsException", reported, ctx);
      return;
    }
    if (name.equals("putScalar") && call.getScope().isPresent()) {
      Optional<Expression> index = Labels.putScalarClassIndex(call);
      String receiver = Labels.baseName(call.getScope().get());
      if (index.isPresent() && Labels.isLabelName(receiver)) {
        report(index.get(), labels.values(index.get()), call, receiver + ".putScalar uses it as a class index, and "
            + putScalarConsequence(call), reported, ctx);
      }
      return;
    }
    // a literal label array handed to a method of this file that uses it as class indices
    if (!literalArrays) {
      return;
    }
    Optional<MethodDeclaration> callee = callee(call, typesByName, ctx);
    if (callee.isEmpty()) {
      return;
    }
    for (int i = 0; i < call.getArguments().size(); i++) {
      Expression arg = call.getArgument(i);
      if (labels.literalArray(arg).isEmpty()) {
        continue;
      }
      Parameter param = callee.get().getParameter(i);
      if (!param.getType().asString().startsWith("int") || !usesAsClassIndex(callee.get(), param.getNameAsString(), imports)) {
        continue;
      }
      report(arg, labels.elements(arg), call, callee.get().getNameAsString() + "(...) uses its elements as class"
          + " indices, which a negative one breaks (an exception, or a one-hot row in the wrong place)", reported, ctx);
    }
  }

  /**
   * The method of this file a call runs: on {@code this}, or on a variable whose type is declared here.
   * {@code typesByName}: the file's type declarations by name (the first in pre-order, as findFirst would
   * give), filled on first use; one walk per file instead of one per call.
   */
  private static Optional<MethodDeclaration> callee(MethodCallExpr call, Map<String, TypeDeclaration<?>> typesByName,
      RuleContext ctx) {
    Optional<TypeDeclaration<?>> type;
    if (call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr) {
      type = call.findAncestor(TypeDeclaration.class).map(t -> (TypeDeclaration<?>) t);
    } else {
      String typeName = Analysis.of(ctx).types().typeOf(call.getScope().get());
      if (typeName.isEmpty()) {
        return Optional.empty();
      }
      if (typesByName.isEmpty()) {
        FileNodes.of(ctx.unit()).all(TypeDeclaration.class).forEach(t -> typesByName.putIfAbsent(t.getNameAsString(), t));
      }
      type = Optional.ofNullable(typesByName.get(typeName));
    }
    if (type.isEmpty()) {
      return Optional.empty();
    }
    List<MethodDeclaration> found = type.get().getMethodsByName(call.getNameAsString()).stream()
        .filter(m -> m.getParameters().size() == call.getArguments().size() && m.getBody().isPresent()
            && m.getParameters().stream().noneMatch(Parameter::isVarArgs)).toList();
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  /** Does {@code method} index a per-class array or a one-hot encoding with the elements of {@code param}? */
  private static boolean usesAsClassIndex(MethodDeclaration method, String param, Imports imports) {
    for (ArrayAccessExpr a : Nodes.all(method, ArrayAccessExpr.class)) {
      if (a.getIndex() instanceof ArrayAccessExpr inner && Labels.baseName(inner).equals(param)) {
        return true; // probs[y[i]], oneHot[i][y[i]]
      }
    }
    for (MethodCallExpr c : Nodes.all(method, MethodCallExpr.class)) {
      Optional<Expression> index = Labels.putScalarClassIndex(c);
      if (index.isPresent() && Labels.baseName(index.get()).equals(param)) {
        return true;
      }
      if ((Labels.isFeatureUtil(c, imports, "toOutcomeVector") || Labels.isFeatureUtil(c, imports, "toOutcomeMatrix"))
          && c.getArguments().isNonEmpty() && Labels.baseName(c.getArgument(0)).equals(param)) {
        return true;
      }
    }
    return false;
  }

  private static void checkIndex(ArrayAccessExpr access, Labels labels, Set<Node> reported, RuleContext ctx) {
    Expression index = access.getIndex();
    if (!Labels.isLabelName(Labels.baseName(index)) && !Labels.isLabelName(Labels.baseName(access.getName()))) {
      return;
    }
    report(index, labels.values(index), access, "indexing " + access.getName() + " with it throws"
        + " ArrayIndexOutOfBoundsException", reported, ctx);
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
