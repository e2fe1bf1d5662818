package dev.nanlint.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.nanlint.engine.FileNodes;
import dev.nanlint.engine.Nodes;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a value came from, when that matters more than its sign: the output of a softmax or sigmoid
 * ({@code Transforms.softmax(z)}, {@code exp(z) / sum}, {@code 1 / (1 + exp(-z))}, an array filled
 * with {@code exp(z[i] - max)} and divided by its sum, a helper named softmax), seen through clamps
 * ({@code Math.max(p, eps)}) and element access; the two halves of a hand-written binary
 * cross-entropy. Unlike {@link Value#probability()}, names of
 * variables never make a value a softmax output: only the code that computes it does.
 */
public final class Origins {
  private static final int MAX_DEPTH = 32;
  private static final Set<String> SAME_VALUE = Set.of("dup", "detach", "castTo", "reshape", "ravel",
      "doubleValue", "floatValue", "getDouble", "getFloat", "getScalar", "getRow", "getRows", "getColumn",
      "getColumns", "get", "slice", "tensorAlongDimension");
  private static final Set<String> DIVISIONS = Set.of("div", "divi", "divRowVector", "diviRowVector",
      "divColumnVector", "diviColumnVector");
  private static final Set<String> NOT_PROBABILITIES = Set.of("log", "grad", "gradient", "gradients",
      "derivative", "deriv", "prime", "backward", "backprop", "inverse");

  /**
   * A softmax or sigmoid output: which one, the expression that computes it, the logits it is computed
   * from when the code names them (else null), and whether the value is its complement {@code 1 - p}.
   */
  public record Source(Kind kind, String expression, String logits, boolean complement) {
    public enum Kind { SOFTMAX, SIGMOID }

    Source(Kind kind, String expression, String logits) {
      this(kind, expression, logits, false);
    }

    Source oneMinus() {
      return new Source(kind, "1 - " + expression, logits, !complement);
    }

    Source via(String holder) {
      return new Source(kind, holder + " (" + expression + ")", logits, complement);
    }
  }

  private final Api api;
  private final Values values;
  private final Definitions definitions;
  private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
  private int depth;

  Origins(Api api, Values values, Definitions definitions) {
    this.api = api;
    this.values = values;
    this.definitions = definitions;
  }

  // ---- softmax and sigmoid outputs --------------------------------------------------------------

  /** The softmax or sigmoid computation {@code e} is an output (or an element, or a clamp) of, if any. */
  public Optional<Source> probabilitySource(Expression e) {
    if (depth > MAX_DEPTH || !inProgress.add(e)) {
      return Optional.empty();
    }
    depth++;
    try {
      return source(e);
    } finally {
      depth--;
      inProgress.remove(e);
    }
  }

  private Optional<Source> source(Expression e) {
    Expression x = Flow.strip(e);
    if (x != e) {
      return probabilitySource(x);
    }
    if (x instanceof ArrayAccessExpr a) {
      return probabilitySource(a.getName());
    }
    if (x instanceof NameExpr n) {
      return local(n);
    }
    if (x instanceof BinaryExpr b) {
      return binary(b);
    }
    if (x instanceof MethodCallExpr call) {
      return call(call);
    }
    if (x instanceof ConditionalExpr c) {
      // label == 1 ? p : 1 - p: the probability of the observed outcome, from the same model output
      Optional<Source> then = probabilitySource(c.getThenExpr());
      Optional<Source> otherwise = probabilitySource(c.getElseExpr());
      return then.isPresent() && otherwise.isPresent() && then.get().kind() == otherwise.get().kind()
          ? then : Optional.empty();
    }
    return Optional.empty();
  }

  private Optional<Source> binary(BinaryExpr b) {
    switch (b.getOperator()) {
      case DIVIDE:
        if (isExp(b.getLeft()) && isOnePlusExp(b.getRight())) {
          // exp(z) / (1 + exp(z)): the logistic function written the other way round
          Expression exp = Flow.strip(b.getLeft());
          String z = exp instanceof MethodCallExpr m && m.getArguments().size() == 1 ? m.getArgument(0).toString() : null;
          return Optional.of(new Source(Source.Kind.SIGMOID, b.toString(), z));
        }
        if (isExp(b.getLeft())) {
          return Optional.of(new Source(Source.Kind.SOFTMAX, b.toString(), null));
        }
        if (values.constant(b.getLeft()) == 1.0 && isOnePlusExp(b.getRight())) {
          return Optional.of(new Source(Source.Kind.SIGMOID, b.toString(), sigmoidLogit(b.getRight())));
        }
        return Optional.empty();
      case PLUS:
        if (isConstantLike(b.getRight())) {
          return probabilitySource(b.getLeft());
        }
        return isConstantLike(b.getLeft()) ? probabilitySource(b.getRight()) : Optional.empty();
      case MINUS:
        return values.constant(b.getLeft()) == 1.0 ? probabilitySource(b.getRight()).map(Source::oneMinus)
            : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  private Optional<Source> call(MethodCallExpr call) {
    String name = call.getNameAsString();
    if (api.isTransforms(call, "softmax")) {
      return Optional.of(new Source(Source.Kind.SOFTMAX, call.toString(), firstArgument(call)));
    }
    if (api.isTransforms(call, "sigmoid") || (api.isSmileMathEx(call) && name.equals("sigmoid"))) {
      return Optional.of(new Source(Source.Kind.SIGMOID, call.toString(), firstArgument(call)));
    }
    if ((api.isMath(call, "max", "min") || api.isTransforms(call, "max", "min")) && call.getArguments().size() == 2) {
      return clampOf(call.getArgument(0), call.getArgument(1));
    }
    Optional<Expression> scope = call.getScope().filter(s -> !(s instanceof ThisExpr));
    if (scope.isPresent()) {
      Expression receiver = scope.get();
      if (name.equals("getActivation")) {
        return activation(receiver).map(kind -> new Source(kind, call.toString(), firstArgument(call)));
      }
      if (SAME_VALUE.contains(name)) {
        return probabilitySource(receiver);
      }
      if ((name.equals("add") || name.equals("addi")) && call.getArguments().size() == 1
          && isConstantLike(call.getArgument(0))) {
        return probabilitySource(receiver);
      }
      if ((name.equals("rsub") || name.equals("rsubi")) && call.getArguments().size() == 1
          && values.constant(call.getArgument(0)) == 1.0) {
        return probabilitySource(receiver).map(Source::oneMinus);
      }
      if (DIVISIONS.contains(name) && isExp(receiver)) {
        return Optional.of(new Source(Source.Kind.SOFTMAX, call.toString(), null));
      }
      return Optional.empty();
    }
    if (!api.isLocalMethod(name) || api.mathFunction(call).isPresent()) {
      return Optional.empty();
    }
    List<String> words = Names.words(name);
    if (words.stream().anyMatch(NOT_PROBABILITIES::contains)) {
      return Optional.empty(); // logSoftmax, sigmoidDerivative: log-probabilities and gradients
    }
    if (words.contains("softmax")) {
      return Optional.of(new Source(Source.Kind.SOFTMAX, call.toString(), firstArgument(call)));
    }
    if (words.contains("sigmoid") || words.contains("logistic")) {
      return Optional.of(new Source(Source.Kind.SIGMOID, call.toString(), firstArgument(call)));
    }
    return helper(call);
  }

  /** {@code Math.max(p, eps)}, {@code Math.min(p, 1 - eps)}: the clamped value's source. */
  private Optional<Source> clampOf(Expression a, Expression b) {
    if (isConstantLike(b)) {
      return probabilitySource(a);
    }
    return isConstantLike(a) ? probabilitySource(b) : Optional.empty();
  }

  /** {@code Activation.SOFTMAX.getActivationFunction()}, {@code new ActivationSoftmax()}, or a variable holding one. */
  private Optional<Source.Kind> activation(Expression receiver) {
    Expression x = Flow.strip(receiver);
    if (x instanceof MethodCallExpr m && m.getNameAsString().equals("getActivationFunction") && m.getScope().isPresent()) {
      Expression constant = m.getScope().get();
      if (api.isEnumConstant(constant, "org.nd4j.linalg.activations.Activation", "SOFTMAX")) {
        return Optional.of(Source.Kind.SOFTMAX);
      }
      if (api.isEnumConstant(constant, "org.nd4j.linalg.activations.Activation", "SIGMOID")) {
        return Optional.of(Source.Kind.SIGMOID);
      }
      return Optional.empty();
    }
    if (x instanceof ObjectCreationExpr o) {
      String type = o.getType().asString();
      if (api.refersTo(type, "org.nd4j.linalg.activations.impl.ActivationSoftmax")) {
        return Optional.of(Source.Kind.SOFTMAX);
      }
      if (api.refersTo(type, "org.nd4j.linalg.activations.impl.ActivationSigmoid")) {
        return Optional.of(Source.Kind.SIGMOID);
      }
      return Optional.empty();
    }
    if (x instanceof NameExpr n && depth < MAX_DEPTH) {
      List<Definitions.Def> defs = definitions.reaching(n);
      Optional<Source.Kind> kind = Optional.empty();
      for (Definitions.Def def : defs) {
        if (def.value() == null || !inProgress.add(def.value())) {
          return Optional.empty();
        }
        try {
          Optional<Source.Kind> k = activation(def.value());
          if (k.isEmpty() || (kind.isPresent() && kind.get() != k.get())) {
            return Optional.empty();
          }
          kind = k;
        } finally {
          inProgress.remove(def.value());
        }
      }
      return kind;
    }
    return Optional.empty();
  }

  /** A helper of this file that returns a softmax or sigmoid output on every path. */
  private Optional<Source> helper(MethodCallExpr call) {
    List<MethodDeclaration> candidates = call.findCompilationUnit().map(cu -> FileNodes.of(cu).methodsCalledBy(call))
        .orElse(List.of());
    if (candidates.size() != 1 || candidates.get(0).getBody().isEmpty() || !inProgress.add(candidates.get(0))) {
      return Optional.empty();
    }
    try {
      List<ReturnStmt> returns = Nodes.all(candidates.get(0).getBody().get(), ReturnStmt.class,
          r -> r.findAncestor(LambdaExpr.class).isEmpty());
      Optional<Source> found = Optional.empty();
      for (ReturnStmt r : returns) {
        Optional<Source> s = r.getExpression().flatMap(this::probabilitySource);
        if (s.isEmpty()) {
          return Optional.empty();
        }
        found = found.isEmpty() ? s : found;
      }
      return found.map(s -> new Source(s.kind(), call.toString(), null, s.complement()));
    } finally {
      inProgress.remove(candidates.get(0));
    }
  }

  /** A local: every definition that reaches it is a softmax/sigmoid output, or an array filled with one. */
  private Optional<Source> local(NameExpr n) {
    List<Definitions.Def> defs = definitions.reaching(n);
    if (defs.isEmpty()) {
      return Optional.empty();
    }
    Optional<Source> found = Optional.empty();
    for (Definitions.Def def : defs) {
      Expression value = def.value();
      if (value == null) {
        return Optional.empty();
      }
      Optional<Source> s = value instanceof ArrayCreationExpr creation && creation.getInitializer().isEmpty()
          ? filledArray(n) : probabilitySource(value);
      if (s.isEmpty()) {
        return Optional.empty();
      }
      found = found.isEmpty() ? s : found;
    }
    return found;
  }

  /**
   * An array created empty and filled in the same method as a softmax: every element assignment is
   * {@code exp(..) / sum}, or {@code exp(..)} followed by {@code probs[i] /= sum}.
   */
  private Optional<Source> filledArray(NameExpr use) {
    Optional<Node> callable = use.findAncestor(CallableDeclaration.class).map(Node.class::cast);
    Optional<Declarations.Declaration> decl = definitions.local(use);
    if (callable.isEmpty() || decl.isEmpty() || !inProgress.add(decl.get().node())) {
      return Optional.empty();
    }
    try {
      String name = use.getNameAsString();
      int exps = 0;
      boolean normalised = false;
      Optional<Source> divided = Optional.empty();
      for (AssignExpr a : Nodes.all(callable.get(), AssignExpr.class, a -> name.equals(root(a.getTarget())))) {
        if (a.getOperator() == AssignExpr.Operator.DIVIDE) {
          normalised = true;
        } else if (a.getOperator() != AssignExpr.Operator.ASSIGN || !(a.getTarget() instanceof ArrayAccessExpr)) {
          return Optional.empty();
        } else if (isExp(a.getValue())) {
          exps++;
        } else if (Flow.strip(a.getValue()) instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.DIVIDE
            && name.equals(root(b.getLeft()))) {
          normalised = true;
        } else {
          Optional<Source> s = probabilitySource(a.getValue());
          if (s.isEmpty()) {
            return Optional.empty();
          }
          divided = divided.isEmpty() ? s : divided;
        }
      }
      if (exps > 0 && normalised) {
        return Optional.of(new Source(Source.Kind.SOFTMAX, name + ", filled with exp(..) and divided by its sum", null));
      }
      return exps == 0 ? divided.map(s -> s.via(name)) : Optional.empty();
    } finally {
      inProgress.remove(decl.get().node());
    }
  }

  /** The array variable an element access is rooted at: {@code probs} for {@code probs[i][j]}; null for other targets. */
  private static String root(Expression target) {
    Expression x = Flow.strip(target);
    if (!(x instanceof ArrayAccessExpr)) {
      return null;
    }
    while (x instanceof ArrayAccessExpr a) {
      x = Flow.strip(a.getName());
    }
    return x instanceof NameExpr n ? n.getNameAsString() : null;
  }

  /** {@code exp(..)}: java.lang.Math-like or ND4J, directly or through a local that holds it. */
  private boolean isExp(Expression e) {
    Expression x = Flow.strip(e);
    if (x instanceof MethodCallExpr call) {
      return api.isMath(call, "exp") || api.isTransforms(call, "exp");
    }
    if (x instanceof NameExpr n && depth < MAX_DEPTH && inProgress.add(n)) {
      try {
        List<Definitions.Def> defs = definitions.reaching(n);
        return !defs.isEmpty() && defs.stream().allMatch(d -> d.value() != null && isExp(d.value()));
      } finally {
        inProgress.remove(n);
      }
    }
    return false;
  }

  private static String firstArgument(MethodCallExpr call) {
    return call.getArguments().isEmpty() ? null : call.getArgument(0).toString();
  }

  /** {@code z} in {@code 1 + exp(-z)}; null when the exponent is not a plain negation. */
  private static String sigmoidLogit(Expression denominator) {
    if (Flow.strip(denominator) instanceof BinaryExpr b) {
      for (Expression side : List.of(b.getLeft(), b.getRight())) {
        if (Flow.strip(side) instanceof MethodCallExpr exp && exp.getArguments().size() == 1
            && Flow.strip(exp.getArgument(0)) instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
          return u.getExpression().toString();
        }
      }
    }
    return null;
  }

  /** {@code 1 + exp(-z)} (either order): the denominator of an inline sigmoid. */
  private boolean isOnePlusExp(Expression e) {
    return Flow.strip(e) instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS
        && ((values.constant(b.getLeft()) == 1.0 && isExp(b.getRight()))
            || (values.constant(b.getRight()) == 1.0 && isExp(b.getLeft())));
  }

  /** A literal, a constant, or an epsilon: what a clamp bounds a value with. */
  private boolean isConstantLike(Expression e) {
    if (!Double.isNaN(values.constant(e))) {
      return true;
    }
    Expression x = Flow.strip(e);
    if (x instanceof NameExpr n) {
      return Names.isEpsilon(n.getNameAsString());
    }
    if (x instanceof FieldAccessExpr f) {
      return Names.isEpsilon(f.getNameAsString());
    }
    if (x instanceof BinaryExpr b) {
      return isConstantLike(b.getLeft()) && isConstantLike(b.getRight());
    }
    return false;
  }


  // ---- hand-written binary cross-entropy --------------------------------------------------------

  /**
   * The value a clamp protects: {@code p} for {@code Math.max(p, eps)}, {@code p + eps},
   * {@code Math.min(Math.max(p, eps), 1 - eps)}, {@code Transforms.max(p, eps)}, {@code p.add(eps)}.
   */
  public Expression unclamped(Expression e) {
    Expression x = Flow.strip(e);
    if (x instanceof MethodCallExpr call && call.getArguments().size() == 2
        && (api.isMath(call, "max", "min") || api.isTransforms(call, "max", "min"))) {
      if (isConstantLike(call.getArgument(1))) {
        return unclamped(call.getArgument(0));
      }
      if (isConstantLike(call.getArgument(0))) {
        return unclamped(call.getArgument(1));
      }
    }
    if (x instanceof MethodCallExpr call && (call.getNameAsString().equals("add") || call.getNameAsString().equals("addi"))
        && call.getScope().isPresent() && call.getArguments().size() == 1 && isConstantLike(call.getArgument(0))) {
      return unclamped(call.getScope().get());
    }
    if (x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      if (isConstantLike(b.getRight())) {
        return unclamped(b.getLeft());
      }
      if (isConstantLike(b.getLeft())) {
        return unclamped(b.getRight());
      }
    }
    return x;
  }

  /** {@code q} when {@code e} is {@code 1 - q} or {@code q.rsub(1)}, else null. */
  public Expression complementOf(Expression e) {
    Expression x = Flow.strip(e);
    if (x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MINUS && values.constant(b.getLeft()) == 1.0) {
      return b.getRight();
    }
    if (x instanceof MethodCallExpr call && (call.getNameAsString().equals("rsub") || call.getNameAsString().equals("rsubi"))
        && call.getScope().isPresent() && call.getArguments().size() == 1 && values.constant(call.getArgument(0)) == 1.0) {
      return call.getScope().get();
    }
    return null;
  }

  /**
   * What a log argument is a log of, with clamps and one complement removed: {@code p} for
   * {@code log(Math.max(1 - p, eps))}. Two logs of the same probability share this key.
   */
  public String logCore(Expression argument) {
    Expression x = unclamped(argument);
    Expression q = complementOf(x);
    return Guards.key(q == null ? x : unclamped(q));
  }

  /** The logs ({@code Math.log/log10}, {@code Transforms.log}) of the lambda or callable around {@code call}. */
  public List<MethodCallExpr> logsAround(MethodCallExpr call) {
    Node scope = call.findAncestor(LambdaExpr.class).map(Node.class::cast)
        .or(() -> call.findAncestor(CallableDeclaration.class).map(Node.class::cast))
        .orElse(call);
    return Nodes.all(scope, MethodCallExpr.class, c -> api.isMath(c, "log", "log10") || api.isTransforms(c, "log"));
  }

  /**
   * The other half of a binary cross-entropy written by hand, {@code y * log(p) + (1 - y) * log(1 - p)}
   * (with or without clamps, also with ND4J {@code mul} and {@code rsub(1)}), or
   * {@code y == 1 ? log(p) : log(1 - p)}: a log of the same {@code p} in the same method whose argument
   * is the complement of this one's, weighted by the complement of this one's weight or on the other
   * branch of the same condition. {@code logs} are the log calls to consider (the rule decides what a log is).
   */
  public Optional<MethodCallExpr> crossEntropyPartner(MethodCallExpr log, List<MethodCallExpr> logs) {
    if (log.getArguments().isEmpty()) {
      return Optional.empty();
    }
    boolean complement = complementOf(unclamped(log.getArgument(0))) != null;
    String core = logCore(log.getArgument(0));
    for (MethodCallExpr other : logs) {
      if (other == log || other.getArguments().isEmpty()
          || (complementOf(unclamped(other.getArgument(0))) != null) == complement
          || !logCore(other.getArgument(0)).equals(core)) {
        continue;
      }
      MethodCallExpr plain = complement ? other : log;
      MethodCallExpr comp = complement ? log : other;
      if (weightsAreComplements(plain, comp) || onOppositeBranches(plain, comp)) {
        return Optional.of(other);
      }
    }
    return Optional.empty();
  }

  private boolean weightsAreComplements(MethodCallExpr plainLog, MethodCallExpr complementLog) {
    Expression y = weight(plainLog);
    Expression w = weight(complementLog);
    if (y == null || w == null) {
      return false;
    }
    Expression q = complementOf(w);
    return q != null && Guards.key(q).equals(Guards.key(y));
  }

  /** The other factor of the product {@code log} is in: {@code y} in {@code y * Math.log(p)} or {@code labels.mul(log(p))}. */
  private static Expression weight(Expression log) {
    Node child = log;
    Node p = log.getParentNode().orElse(null);
    while (p instanceof EnclosedExpr || (p instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS)) {
      child = p;
      p = p.getParentNode().orElse(null);
    }
    if (p instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MULTIPLY) {
      return b.getLeft() == child ? b.getRight() : b.getLeft();
    }
    if (p instanceof MethodCallExpr m && (m.getNameAsString().equals("mul") || m.getNameAsString().equals("muli"))
        && m.getArguments().size() == 1) {
      if (m.getArgument(0) == child) {
        return m.getScope().orElse(null);
      }
      if (m.getScope().orElse(null) == child) {
        return m.getArgument(0);
      }
    }
    return null;
  }

  private static boolean onOppositeBranches(Node a, Node b) {
    for (Node p = a.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof CallableDeclaration<?>) {
        return false;
      }
      if (p instanceof ConditionalExpr c) {
        if ((a.isDescendantOf(c.getThenExpr()) && b.isDescendantOf(c.getElseExpr()))
            || (a.isDescendantOf(c.getElseExpr()) && b.isDescendantOf(c.getThenExpr()))) {
          return true;
        }
      } else if (p instanceof IfStmt s && s.getElseStmt().isPresent()) {
        Node then = s.getThenStmt();
        Node other = s.getElseStmt().get();
        if ((a.isDescendantOf(then) && b.isDescendantOf(other)) || (a.isDescendantOf(other) && b.isDescendantOf(then))) {
          return true;
        }
      }
    }
    return false;
  }
}
