package dev.nanlint.analysis;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the file chooses too narrow a floating-point type: ND4J's half-precision constants ({@code HALF},
 * {@code FLOAT16}, {@code BFLOAT16}) handed to a call that computes with them (not one that only inspects or
 * lists a type), and whether that choice is for training; and the term a {@code float} accumulator adds.
 */
public final class DataTypes {
  private static final String[] HALF_TYPES = {"HALF", "FLOAT16", "BFLOAT16"};
  /** Calls that only inspect or list a data type: comparing with HALF is not computing in it. */
  private static final Set<String> INSPECTIONS = Set.of("equals", "contains", "add", "put", "of", "asList",
      "valueOf", "name", "toString", "indexOf", "remove");
  private static final String[] INSPECTION_PREFIXES = {"validate", "check", "assert", "require", "is", "has",
      "supports", "expect", "verify"};
  private static final Set<String> TRAINING_SETUP_CALLS = Set.of("setDefaultDataTypes",
      "setDefaultDataType", "dataType", "convertDataType", "setDataType", "networkDtype");

  private final CompilationUnit unit;
  private final Api api;
  private final Scope scope;

  DataTypes(CompilationUnit unit, Api api, Scope scope) {
    this.unit = unit;
    this.api = api;
    this.scope = scope;
  }

  /**
   * Can the file name a half-precision constant at all? {@link #isHalf} matches a constant by its name, so one
   * must be written in the source (or a unicode escape could spell it).
   */
  public static boolean mayNameHalf(String source) {
    return source.contains("HALF") || source.contains("FLOAT16") || source.contains("\\u");
  }

  /** Is {@code e} ND4J's {@code DataType.HALF}, {@code FLOAT16} or {@code BFLOAT16}? */
  public boolean isHalf(Expression e) {
    return api.isNd4jDataType(e, HALF_TYPES);
  }

  /**
   * The first half-precision argument of a call that computes with it: not a call that only inspects or lists
   * a type ({@code equals}, {@code isHalf...}, {@code checkType...}), nor {@code castTo} in a field initializer
   * (a half copy of a constant table, kept for callers whose data is already half).
   */
  public Optional<Expression> halfArgument(MethodCallExpr call) {
    String name = call.getNameAsString();
    if (INSPECTIONS.contains(name)) {
      return Optional.empty();
    }
    for (String prefix : INSPECTION_PREFIXES) {
      if (name.startsWith(prefix) && name.length() > prefix.length()
          && Character.isUpperCase(name.charAt(prefix.length()))) {
        return Optional.empty();
      }
    }
    if (name.equals("castTo") && call.findAncestor(FieldDeclaration.class).isPresent()) {
      return Optional.empty();
    }
    return halfArgument(call.getArguments());
  }

  /** The first half-precision argument of a constructor or call. */
  public Optional<Expression> halfArgument(List<Expression> arguments) {
    return arguments.stream().filter(this::isHalf).findFirst();
  }

  /**
   * Is half precision chosen here for training: in a network/default data type call, in ML code, or in a file
   * that builds DL4J networks? A library's own fp16 conversion routines (tensor import, factories) are not.
   */
  public boolean forTraining(Node at) {
    boolean setupCall = at.findAncestor(MethodCallExpr.class)
        .map(c -> TRAINING_SETUP_CALLS.contains(c.getNameAsString())).orElse(false);
    boolean buildsNetworks = unit.getImports().stream()
        .anyMatch(i -> i.getNameAsString().startsWith("org.deeplearning4j.nn"));
    return setupCall || buildsNetworks || scope.isNumericCode(at);
  }

  /** The term an accumulation adds: {@code t} in {@code sum += t} and in {@code sum = sum + t}. */
  public static Optional<Expression> accumulatedTerm(AssignExpr assign) {
    if (assign.getOperator() == AssignExpr.Operator.PLUS) {
      return Optional.of(assign.getValue());
    }
    if (assign.getOperator() == AssignExpr.Operator.ASSIGN && assign.getValue() instanceof BinaryExpr b
        && b.getOperator() == BinaryExpr.Operator.PLUS && Printed.of(b.getLeft()).equals(Printed.of(assign.getTarget()))) {
      return Optional.of(b.getRight());
    }
    return Optional.empty();
  }
}
