package dev.nanlint.analysis;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.nanlint.analysis.index.CrossFileCalls;
import dev.nanlint.engine.FileNodes;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Static types of expressions, as far as one file tells: declared types of locals, parameters and
 * fields, literals, casts, java.lang.Math and the common ND4J methods. "" means unknown; rules treat an
 * unknown type as "not our business" (precision over recall).
 */
public final class Types {
  private static final Set<String> DOUBLE_MATH = Set.of("sqrt", "cbrt", "exp", "expm1", "log", "log10",
      "log1p", "pow", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh",
      "hypot", "floor", "ceil", "rint", "random", "toRadians", "toDegrees", "signum");
  private static final Set<String> NUMERIC_PROMOTING_MATH = Set.of("abs", "max", "min");
  private static final Set<String> INDARRAY_METHODS = Set.of("add", "addi", "sub", "subi", "mul", "muli",
      "div", "divi", "rdiv", "rdivi", "rsub", "rsubi", "mmul", "sum", "mean", "std", "var", "norm1", "norm2",
      "normmax", "max", "min", "dup", "transpose", "getRow", "getColumn", "reshape", "addRowVector",
      "addColumnVector", "divRowVector", "divColumnVector", "mulRowVector", "mulColumnVector",
      "subRowVector", "subColumnVector", "diviRowVector", "diviColumnVector", "neg", "negi", "get",
      "castTo", "broadcast", "permute", "ravel", "assign", "putScalar", "slice", "tensorAlongDimension",
      "getRows", "getColumns", "exp", "log", "sqrt", "squaredDistance", "cumsum", "prod", "amax", "amin");
  private static final Set<String> ND4J_FACTORIES = Set.of("Nd4j", "Transforms");

  private final Declarations declarations;
  private final CompilationUnit unit;
  /** Each expression's type, once: the handlers and rules ask for the same receivers again and again. */
  private final Map<Expression, String> known = new IdentityHashMap<>();
  /** Return type by name of the file's methods, collected on first use. */
  private Map<String, String> localMethodTypes;

  /** A call's return type when it resolves to a method of another file of the project (the project index). */
  private final Supplier<CrossFileCalls.InFile> crossFile;

  Types(CompilationUnit unit, Declarations declarations, Supplier<CrossFileCalls.InFile> crossFile) {
    this.crossFile = crossFile;
    this.declarations = declarations;
    this.unit = unit;
  }

  private Map<String, String> localMethodTypes() {
    if (localMethodTypes == null) {
      localMethodTypes = new HashMap<>();
      for (MethodDeclaration m : FileNodes.of(unit).all(MethodDeclaration.class)) {
        // overloads with different return types make the name ambiguous: forget it
        localMethodTypes.merge(m.getNameAsString(), m.getType().asString(), (a, b) -> a.equals(b) ? a : "");
      }
    }
    return localMethodTypes;
  }

  public boolean isFloating(Expression e) {
    String t = typeOf(e);
    return t.equals("double") || t.equals("float") || t.equals("Double") || t.equals("Float");
  }

  public boolean isFloat(Expression e) {
    String t = typeOf(e);
    return t.equals("float") || t.equals("Float");
  }

  public boolean isIndArray(Expression e) {
    return typeOf(e).equals("INDArray");
  }

  public boolean isIntegral(Expression e) {
    return Set.of("int", "long", "short", "byte", "char", "Integer", "Long").contains(typeOf(e));
  }

  public String typeOf(Expression e) {
    String type = known.get(e);
    if (type == null) {
      type = resolve(e);
      known.put(e, type);
    }
    return type;
  }

  private String resolve(Expression e) {
    if (e instanceof EnclosedExpr enclosed) {
      return typeOf(enclosed.getInner());
    }
    if (e instanceof DoubleLiteralExpr d) {
      String v = d.getValue();
      return v.endsWith("f") || v.endsWith("F") ? "float" : "double";
    }
    if (e instanceof IntegerLiteralExpr) {
      return "int";
    }
    if (e instanceof LongLiteralExpr) {
      return "long";
    }
    if (e instanceof CastExpr cast) {
      return cast.getType().asString();
    }
    if (e instanceof NameExpr name) {
      return declarations.find(name, name.getNameAsString()).map(this::declaredType).orElse("");
    }
    if (e instanceof FieldAccessExpr field) {
      return fieldType(field);
    }
    if (e instanceof ArrayAccessExpr access) {
      String array = typeOf(access.getName());
      return array.endsWith("[]") ? array.substring(0, array.length() - 2).trim() : "";
    }
    if (e instanceof MethodCallExpr call) {
      String type = callType(call);
      return type.isEmpty() ? crossFile.get().returnType(call).orElse("") : type;
    }
    if (e instanceof ObjectCreationExpr creation) {
      return creation.getType().getNameAsString();
    }
    if (e instanceof BinaryExpr binary) {
      return switch (binary.getOperator()) {
        case PLUS, MINUS, MULTIPLY, DIVIDE, REMAINDER -> promote(typeOf(binary.getLeft()), typeOf(binary.getRight()));
        case LEFT_SHIFT, SIGNED_RIGHT_SHIFT, UNSIGNED_RIGHT_SHIFT -> typeOf(binary.getLeft());
        default -> "boolean";
      };
    }
    if (e instanceof UnaryExpr unary) {
      return unary.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT ? "boolean" : typeOf(unary.getExpression());
    }
    if (e instanceof ConditionalExpr cond) {
      return promote(typeOf(cond.getThenExpr()), typeOf(cond.getElseExpr()));
    }
    if (e instanceof AssignExpr assign) {
      return typeOf(assign.getTarget());
    }
    return "";
  }

  private String declaredType(Declarations.Declaration decl) {
    String t = decl.typeName();
    if (t.isEmpty()) {
      return decl.initializer().map(this::typeOf).orElse("");
    }
    return t.startsWith("final ") ? t.substring(6) : t;
  }

  private String fieldType(FieldAccessExpr field) {
    String scope = Printed.of(field.getScope());
    String name = field.getNameAsString();
    if (name.equals("length") && typeOf(field.getScope()).endsWith("[]")) {
      return "int";
    }
    if (field.getScope() instanceof ThisExpr) {
      return declarations.find(field, name).map(this::declaredType).orElse("");
    }
    if (scope.equals("Double") || scope.equals("java.lang.Double")) {
      return "double";
    }
    if (scope.equals("Float") || scope.equals("java.lang.Float")) {
      return "float";
    }
    return "";
  }

  private String callType(MethodCallExpr call) {
    String name = call.getNameAsString();
    String scope = call.getScope().map(Printed::of).orElse("");
    boolean math = scope.equals("Math") || scope.equals("StrictMath") || scope.equals("FastMath")
        || scope.equals("java.lang.Math");
    if (math && DOUBLE_MATH.contains(name)) {
      return "double";
    }
    if (math && NUMERIC_PROMOTING_MATH.contains(name)) {
      String t = "";
      for (Expression arg : call.getArguments()) {
        t = t.isEmpty() ? typeOf(arg) : promote(t, typeOf(arg));
      }
      return t;
    }
    switch (name) {
      case "doubleValue", "getDouble", "nextDouble", "nextGaussian", "getScore", "score", "parseDouble",
          "meanNumber" -> {
        return name.equals("score") && !call.getArguments().isEmpty() ? "" : "double";
      }
      case "floatValue", "getFloat", "nextFloat" -> {
        return "float";
      }
      default -> { }
    }
    if (call.getScope().isPresent() && call.getArguments().isEmpty()
        && (name.equals("size") || name.equals("length") || name.equals("count"))
        && !ND4J_FACTORIES.contains(scope)) {
      return "int"; // collection sizes, string and INDArray lengths, stream counts: integral either way
    }
    if (call.getScope().isPresent()) {
      Expression receiver = call.getScope().get();
      if (ND4J_FACTORIES.contains(scope) || isIndArray(receiver)) {
        if (name.endsWith("Number")) {
          return "Number";
        }
        return INDARRAY_METHODS.contains(name) || ND4J_FACTORIES.contains(scope) ? "INDArray" : "";
      }
      return "";
    }
    return localMethodTypes().getOrDefault(name, "");
  }

  private static String promote(String a, String b) {
    if (a.equals("INDArray") || b.equals("INDArray")) {
      return "INDArray";
    }
    if (a.equalsIgnoreCase("double") || b.equalsIgnoreCase("double")) {
      return "double";
    }
    if (a.equalsIgnoreCase("float") || b.equalsIgnoreCase("float")) {
      return "float";
    }
    if (a.isEmpty() || b.isEmpty()) {
      return "";
    }
    if (a.equals("String") || b.equals("String")) {
      return "String";
    }
    if (a.equalsIgnoreCase("long") || b.equalsIgnoreCase("long")) {
      return "long";
    }
    return "int";
  }

  /** {@code sd.math().log(x)} (or {@code sd.math.log(x)}) on a SameDiff instance. */
  public boolean isSameDiffMath(MethodCallExpr call) {
    Expression scope = call.getScope().orElse(null);
    Expression owner = scope instanceof MethodCallExpr m && m.getNameAsString().equals("math") && m.getArguments().isEmpty()
        ? m.getScope().orElse(null)
        : scope instanceof com.github.javaparser.ast.expr.FieldAccessExpr f && f.getNameAsString().equals("math")
            ? f.getScope() : null;
    return owner != null && typeOf(owner).equals("SameDiff");
  }
}
