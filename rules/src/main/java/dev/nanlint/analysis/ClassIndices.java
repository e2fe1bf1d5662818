package dev.nanlint.analysis;

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
import dev.nanlint.engine.FileNodes;
import dev.nanlint.engine.Nodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a value is used as a class index: one-hot encoded ({@code FeatureUtil.toOutcomeVector/Matrix},
 * {@code putScalar} on a label array), indexing an array with a label, or a literal label array handed to a
 * method of the file that indexes with its elements. Which values the index takes is {@link Labels}' answer.
 */
public final class ClassIndices {
  /** How the index is used. */
  public enum Kind {
    /** {@code FeatureUtil.toOutcomeVector(index, numClasses)}. */
    OUTCOME_VECTOR,
    /** {@code FeatureUtil.toOutcomeMatrix(indices, numClasses)}: every element is an index. */
    OUTCOME_MATRIX,
    /** {@code labels.putScalar(i, index, 1.0)}, {@code labels.putScalar(new int[] {i, index}, 1.0)}. */
    PUT_SCALAR,
    /** {@code probs[label]}, {@code labels[i]}: an array indexed with or named as a label. */
    ARRAY_INDEX,
    /** {@code helper(new int[] {...})} where the helper indexes with the elements of that parameter. */
    HELPER_ARGUMENT
  }

  /**
   * One use: the index expression, the node that uses it (the call or array access), and for
   * {@link Kind#HELPER_ARGUMENT} the helper method.
   */
  public record Use(Kind kind, Expression index, Node at, MethodDeclaration helper) {
    /** Does the index stand for its elements (an array of class indices) rather than for one index? */
    public boolean elements() {
      return kind == Kind.OUTCOME_MATRIX || kind == Kind.HELPER_ARGUMENT;
    }

    /** The values the index (or its elements) can take. */
    public Labels.IntSet values(Labels labels) {
      return elements() ? labels.elements(index) : labels.values(index);
    }

    /** The label array of a {@code putScalar}: its receiver. */
    public Expression labelArray() {
      return ((MethodCallExpr) at).getScope().orElseThrow();
    }
  }

  private final CompilationUnit unit;
  private final Imports imports;
  private final Types types;
  private final Declarations declarations;
  /** The file's type declarations by name (the first in pre-order), filled on first use. */
  private final Map<String, TypeDeclaration<?>> typesByName = new HashMap<>();
  private List<Use> all;

  ClassIndices(CompilationUnit unit, Imports imports, Types types, Declarations declarations) {
    this.unit = unit;
    this.imports = imports;
    this.types = types;
    this.declarations = declarations;
  }

  /**
   * Every use of a class index in the file, in source order: one-hot encodings, arrays indexed with a label
   * or named as labels, and literal arrays handed to a helper that indexes with their elements (looked for
   * only when the file writes a negative element in some array literal).
   */
  public List<Use> all() {
    if (all == null) {
      all = List.copyOf(find());
    }
    return all;
  }

  private List<Use> find() {
    List<Node> candidates = new ArrayList<>();
    boolean[] negativeLiteralArray = new boolean[1];
    FileNodes.of(unit).allOfClasses(c -> ArrayAccessExpr.class.isAssignableFrom(c) || MethodCallExpr.class.isAssignableFrom(c)
        || ArrayInitializerExpr.class.isAssignableFrom(c)).forEach(n -> {
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
    List<Use> uses = new ArrayList<>();
    for (Node node : candidates) {
      if (node instanceof ArrayAccessExpr access) {
        uses.add(new Use(Kind.ARRAY_INDEX, access.getIndex(), access, null));
        continue;
      }
      MethodCallExpr call = (MethodCallExpr) node;
      Optional<Use> oneHot = oneHot(call, imports);
      if (oneHot.isPresent()) {
        uses.add(oneHot.get());
      } else if (negativeLiteralArray[0] && !(call.getNameAsString().equals("putScalar") && call.getScope().isPresent())) {
        uses.addAll(helperArguments(call));
      }
    }
    return uses;
  }

  /**
   * The one-hot encoding a call makes: {@code FeatureUtil.toOutcomeVector(index, n)},
   * {@code FeatureUtil.toOutcomeMatrix(indices, n)}, or {@code putScalar} of a class coordinate on a
   * label-named array.
   */
  public static Optional<Use> oneHot(MethodCallExpr call, Imports imports) {
    String name = call.getNameAsString();
    if ((name.equals("toOutcomeVector") || name.equals("toOutcomeMatrix")) && call.getArguments().size() == 2
        && Labels.isFeatureUtil(call, imports, name)) {
      Kind kind = name.equals("toOutcomeVector") ? Kind.OUTCOME_VECTOR : Kind.OUTCOME_MATRIX;
      return Optional.of(new Use(kind, call.getArgument(0), call, null));
    }
    if (name.equals("putScalar") && call.getScope().isPresent()
        && Labels.isLabelName(Labels.baseName(call.getScope().get()))) {
      return Labels.putScalarClassIndex(call).map(index -> new Use(Kind.PUT_SCALAR, index, call, null));
    }
    return Optional.empty();
  }

  /** Literal int arrays handed to a method of this file that uses the parameter's elements as class indices. */
  private List<Use> helperArguments(MethodCallExpr call) {
    Optional<MethodDeclaration> callee = callee(call);
    if (callee.isEmpty()) {
      return List.of();
    }
    List<Use> uses = new ArrayList<>();
    for (int i = 0; i < call.getArguments().size(); i++) {
      Expression arg = call.getArgument(i);
      if (Labels.literalArray(arg, declarations).isEmpty()) {
        continue;
      }
      Parameter param = callee.get().getParameter(i);
      if (param.getType().asString().startsWith("int") && usesAsClassIndex(callee.get(), param.getNameAsString())) {
        uses.add(new Use(Kind.HELPER_ARGUMENT, arg, call, callee.get()));
      }
    }
    return uses;
  }

  /** The method of this file a call runs: on {@code this}, or on a variable whose type is declared here. */
  private Optional<MethodDeclaration> callee(MethodCallExpr call) {
    Optional<TypeDeclaration<?>> type;
    if (call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr) {
      type = call.findAncestor(TypeDeclaration.class).map(t -> (TypeDeclaration<?>) t);
    } else {
      String typeName = types.typeOf(call.getScope().get());
      if (typeName.isEmpty()) {
        return Optional.empty();
      }
      if (typesByName.isEmpty()) {
        FileNodes.of(unit).all(TypeDeclaration.class).forEach(t -> typesByName.putIfAbsent(t.getNameAsString(), t));
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
  private boolean usesAsClassIndex(MethodDeclaration method, String param) {
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
}
