package dev.nanlint.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.nanlint.engine.FileNodes;
import dev.nanlint.engine.Nodes;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Constant evaluation across a file, for thresholds that are written as named values: learning rates,
 * epsilons, class counts and label indices. Beyond {@link Values#constant} (literals, {@code static final}
 * fields, final locals) it also reads <em>effectively final</em> values the way ML code writes them:
 * a local {@code double learningRate = 0.5;} never reassigned in its method, and a field never assigned
 * anywhere in the file ({@code private static int numClasses = 10;}). Integer arithmetic truncates like
 * Java does, so {@code (y + 1) / 2} of {@code -1} is 0.
 */
public final class Constants {
  private static final int MAX_DEPTH = 32;

  private final Declarations declarations;
  private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
  /** The value of each declared variable, computed once: finding out whether it is reassigned walks its scope. */
  private final Map<Node, Num> variables = new IdentityHashMap<>();
  /** The assignments and unary expressions of each scope searched for writes: one walk per scope, not per variable. */
  private final Map<Node, List<AssignExpr>> assignmentsIn = new IdentityHashMap<>();
  private final Map<Node, List<UnaryExpr>> unariesIn = new IdentityHashMap<>();
  private int depth;

  /** The file's shared evaluator: {@link Analysis#constants()}. */
  public Constants(Analysis analysis) {
    this(analysis.declarations());
  }

  Constants(Declarations declarations) {
    this.declarations = declarations;
  }

  /** A constant's value and whether Java computes it in integer arithmetic. */
  public record Num(double value, boolean integral) {
    static final Num UNKNOWN = new Num(Double.NaN, false);

    public boolean known() {
      return !Double.isNaN(value);
    }
  }

  /** The value of {@code e} when it is a constant, else NaN. */
  public double value(Expression e) {
    return eval(e).value();
  }

  /** The value of an integer constant, else empty. */
  public OptionalLong intValue(Expression e) {
    Num n = eval(e);
    return n.known() && n.integral() ? OptionalLong.of((long) n.value()) : OptionalLong.empty();
  }

  public Num eval(Expression e) {
    if (depth > MAX_DEPTH || !inProgress.add(e)) {
      return Num.UNKNOWN;
    }
    depth++;
    try {
      return compute(e);
    } finally {
      depth--;
      inProgress.remove(e);
    }
  }

  private static final Set<String> MATH_CLASSES = Set.of("Math", "StrictMath", "java.lang.Math", "FastMath");

  /** {@code Math.ulp(1.0)}, {@code Math.sqrt(2)}, {@code Math.log(2)}: a pure function of constants. */
  private Num mathOfConstants(MethodCallExpr call) {
    String owner = call.getScope().map(Printed::ofName).orElse(null);
    if (owner == null || !MATH_CLASSES.contains(owner)
        || call.getArguments().isEmpty() || call.getArguments().size() > 2) {
      return Num.UNKNOWN;
    }
    Num x = eval(call.getArgument(0));
    Num y = call.getArguments().size() == 2 ? eval(call.getArgument(1)) : null;
    if (!x.known() || (y != null && !y.known())) {
      return Num.UNKNOWN;
    }
    boolean integral = x.integral() && (y == null || y.integral());
    double a = x.value();
    return switch (call.getNameAsString() + "/" + call.getArguments().size()) {
      case "ulp/1" -> new Num(Math.ulp(a), false);
      case "sqrt/1" -> new Num(Math.sqrt(a), false);
      case "exp/1" -> new Num(Math.exp(a), false);
      case "log/1" -> new Num(Math.log(a), false);
      case "log10/1" -> new Num(Math.log10(a), false);
      case "abs/1" -> new Num(Math.abs(a), integral);
      case "pow/2" -> new Num(Math.pow(a, y.value()), false);
      case "max/2" -> new Num(Math.max(a, y.value()), integral);
      case "min/2" -> new Num(Math.min(a, y.value()), integral);
      default -> Num.UNKNOWN;
    };
  }

  private Num compute(Expression e) {
    if (e instanceof EnclosedExpr en) {
      return eval(en.getInner());
    }
    if (e instanceof IntegerLiteralExpr i) {
      return new Num(i.asNumber().doubleValue(), true);
    }
    if (e instanceof LongLiteralExpr l) {
      return new Num(l.asNumber().doubleValue(), true);
    }
    if (e instanceof CharLiteralExpr c && c.getValue().length() == 1) {
      return new Num(c.getValue().charAt(0), true);
    }
    if (e instanceof DoubleLiteralExpr d) {
      try {
        return new Num(Double.parseDouble(d.getValue().replace("_", "")), false);
      } catch (NumberFormatException ex) {
        return Num.UNKNOWN;
      }
    }
    if (e instanceof CastExpr c) {
      Num inner = eval(c.getExpression());
      String type = c.getType().asString();
      if (!inner.known()) {
        return inner;
      }
      return switch (type) {
        case "int", "long", "short", "byte", "char" -> new Num((long) inner.value(), true);
        case "double", "float" -> new Num(inner.value(), false);
        default -> inner;
      };
    }
    if (e instanceof UnaryExpr u) {
      Num inner = eval(u.getExpression());
      return switch (u.getOperator()) {
        case MINUS -> inner.known() ? new Num(-inner.value(), inner.integral()) : inner;
        case PLUS -> inner;
        default -> Num.UNKNOWN;
      };
    }
    if (e instanceof BinaryExpr b) {
      return arithmetic(b);
    }
    if (e instanceof MethodCallExpr call) {
      return mathOfConstants(call);
    }
    if (e instanceof NameExpr n) {
      return name(n, n.getNameAsString());
    }
    if (e instanceof FieldAccessExpr f) {
      if (f.getScope() instanceof ThisExpr) {
        return name(f, f.getNameAsString());
      }
      double known = knownLibraryConstant(f.toString());
      if (!Double.isNaN(known)) {
        return new Num(known, false);
      }
      // Owner.CONSTANT (or Outer.Owner.CONSTANT) of a class declared in this file
      String owner = f.getScope() instanceof FieldAccessExpr outer ? outer.getNameAsString() : f.getScope().toString();
      return f.findCompilationUnit().flatMap(cu -> FileNodes.of(cu).all(TypeDeclaration.class).stream()
              .filter(t -> t.getNameAsString().equals(owner)).findFirst())
          .flatMap(t -> ((TypeDeclaration<?>) t).getFieldByName(f.getNameAsString()))
          .filter(FieldDeclaration::isStatic)
          .flatMap(fd -> fd.getVariables().stream().filter(v -> v.getNameAsString().equals(f.getNameAsString()))
              .findFirst().map(v -> fieldValue(fd, v)))
          .orElse(Num.UNKNOWN);
    }
    return Num.UNKNOWN;
  }

  private Num arithmetic(BinaryExpr b) {
    Num l = eval(b.getLeft());
    if (!l.known()) {
      return Num.UNKNOWN;
    }
    Num r = eval(b.getRight());
    if (!r.known()) {
      return Num.UNKNOWN;
    }
    boolean integral = l.integral() && r.integral();
    double x = l.value();
    double y = r.value();
    double v;
    switch (b.getOperator()) {
      case PLUS -> v = x + y;
      case MINUS -> v = x - y;
      case MULTIPLY -> v = x * y;
      case DIVIDE -> {
        if (y == 0) {
          return Num.UNKNOWN;
        }
        v = integral ? (double) ((long) x / (long) y) : x / y;
      }
      case REMAINDER -> {
        if (y == 0) {
          return Num.UNKNOWN;
        }
        v = integral ? (double) ((long) x % (long) y) : x % y;
      }
      default -> {
        return Num.UNKNOWN;
      }
    }
    return new Num(v, integral);
  }

  private Num name(Node use, String name) {
    Optional<Declarations.Declaration> found = declarations.find(use, name);
    if (found.isEmpty() || found.get().initializer().isEmpty()) {
      return Num.UNKNOWN;
    }
    Declarations.Declaration d = found.get();
    Num cached = variables.get(d.node());
    if (cached == null) {
      cached = variable(d, name);
      variables.put(d.node(), cached);
    }
    return cached;
  }

  private Num variable(Declarations.Declaration d, String name) {
    Expression init = d.initializer().get();
    if (d.kind() == Declarations.Kind.LOCAL) {
      if (!d.isFinal() && assignedWithin(declaringBody(d.node()), name, false)) {
        return Num.UNKNOWN;
      }
      return typed(eval(init), d.typeName());
    }
    if (d.kind() == Declarations.Kind.FIELD && d.node() instanceof VariableDeclarator v
        && v.getParentNode().orElse(null) instanceof FieldDeclaration fd) {
      return fieldValue(fd, v);
    }
    return Num.UNKNOWN;
  }

  private Num fieldValue(FieldDeclaration fd, VariableDeclarator v) {
    if (v.getInitializer().isEmpty()) {
      return Num.UNKNOWN;
    }
    if (!fd.isFinal()) {
      Optional<com.github.javaparser.ast.CompilationUnit> cu = fd.findCompilationUnit();
      if (cu.isEmpty() || assignedWithin(cu.get(), v.getNameAsString(), true)) {
        return Num.UNKNOWN;
      }
    }
    return typed(eval(v.getInitializer().get()), v.getType().asString());
  }

  /** {@code double lr = 1;} holds 1.0, not the integer 1. */
  private static Num typed(Num n, String type) {
    if (!n.known()) {
      return n;
    }
    String t = type.startsWith("final ") ? type.substring(6) : type;
    return switch (t) {
      case "double", "float", "Double", "Float" -> new Num(n.value(), false);
      case "int", "long", "short", "byte", "Integer", "Long" -> new Num((long) n.value(), true);
      default -> n;
    };
  }

  private static Node declaringBody(Node declarator) {
    for (Node p = declarator.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof CallableDeclaration<?> || p instanceof LambdaExpr || p instanceof InitializerDeclaration
          || p instanceof TypeDeclaration<?>) {
        return p;
      }
    }
    return declarator;
  }

  /** Is {@code name} assigned, incremented or decremented anywhere under {@code scope}? */
  private boolean assignedWithin(Node scope, String name, boolean fieldAccessToo) {
    for (AssignExpr a : assignmentsIn.computeIfAbsent(scope, sc -> Nodes.all(sc, AssignExpr.class))) {
      if (isTarget(a.getTarget(), name, fieldAccessToo)) {
        return true;
      }
    }
    for (UnaryExpr u : unariesIn.computeIfAbsent(scope, sc -> Nodes.all(sc, UnaryExpr.class))) {
      if (Flow.isStep(u.getOperator()) && isTarget(u.getExpression(), name, fieldAccessToo)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTarget(Expression target, String name, boolean fieldAccessToo) {
    if (target instanceof NameExpr n) {
      return n.getNameAsString().equals(name);
    }
    return fieldAccessToo && target instanceof FieldAccessExpr f && f.getNameAsString().equals(name);
  }

  private static double knownLibraryConstant(String text) {
    return switch (text) {
      case "Double.MIN_VALUE" -> Double.MIN_VALUE;
      case "Double.MIN_NORMAL" -> Double.MIN_NORMAL;
      case "Double.MAX_VALUE" -> Double.MAX_VALUE;
      case "Float.MIN_VALUE" -> Float.MIN_VALUE;
      case "Float.MIN_NORMAL" -> Float.MIN_NORMAL;
      case "Float.MAX_VALUE" -> Float.MAX_VALUE;
      case "Math.PI" -> Math.PI;
      case "Math.E" -> Math.E;
      default -> Double.NaN;
    };
  }
}
