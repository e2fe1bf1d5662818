package dev.nanlint.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.nanlint.engine.Nodes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Class labels: which integer values a label expression can take, where labels become one-hot rows
 * ({@code FeatureUtil.toOutcomeVector}, {@code putScalar} on a label array, {@code oneHot[label] = 1}),
 * and how many classes a label array has. Values are tracked as small sets of constants, so label maps
 * ({@code positive ? 1 : -1}), remaps ({@code (y + 1) / 2}, {@code label + 1}) and literal label arrays
 * ({@code int[] y = {-1, 0, 1}}) are read exactly; anything computed from data is unknown.
 */
public final class Labels {
  private static final int MAX_DEPTH = 24;
  private static final int MAX_VALUES = 64;

  private final Constants constants;
  private final Declarations declarations;
  private final Types types;
  private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
  /** Values of locals and fields, per declaration: flow-insensitive, so computed once. */
  private final java.util.Map<Node, IntSet> byDeclaration = new IdentityHashMap<>();
  private final java.util.Map<Node, IntSet> elementsByDeclaration = new IdentityHashMap<>();
  private int depth;

  public Labels(Analysis analysis) {
    this.constants = analysis.constants();
    this.declarations = analysis.declarations();
    this.types = analysis.types();
  }

  public Constants constants() {
    return constants;
  }

  /**
   * The integer values an expression can take, as far as the code shows: {@code complete} when every way
   * it gets a value was read, otherwise the values seen on the ways that were read.
   */
  public record IntSet(Set<Long> values, boolean complete) {
    static final IntSet UNKNOWN = new IntSet(Set.of(), false);

    static IntSet of(long v) {
      return new IntSet(Set.of(v), true);
    }

    /** Known to hold only negative values: a "not found" sentinel where a search also computes a result. */
    boolean onlyNegative() {
      return complete && values.stream().allMatch(v -> v < 0);
    }

    public Optional<Long> anyBelow(long bound) {
      return values.stream().filter(v -> v < bound).sorted().findFirst();
    }

    public Optional<Long> anyAtLeast(long bound) {
      return values.stream().filter(v -> v >= bound).sorted(Collections.reverseOrder()).findFirst();
    }

    IntSet union(IntSet other) {
      Set<Long> all = new LinkedHashSet<>(values);
      all.addAll(other.values);
      return new IntSet(all, complete && other.complete);
    }
  }

  // ---- names --------------------------------------------------------------------------------------

  /** A name for class labels: {@code label}, {@code labels}, {@code y}, {@code yTrain}, {@code targets}, {@code classIdx}. */
  public static boolean isLabelName(String identifier) {
    List<String> words = Names.words(identifier);
    if (words.contains("one") && words.contains("hot")) {
      return true;
    }
    for (String w : words) {
      if (Vocabulary.LABEL.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** The identifier an expression is about: {@code y} for {@code y[i]}, {@code labels} for {@code this.labels}. */
  public static String baseName(Expression e) {
    Expression x = Flow.strip(e);
    if (x instanceof NameExpr n) {
      return n.getNameAsString();
    }
    if (x instanceof FieldAccessExpr f) {
      return f.getNameAsString();
    }
    if (x instanceof ArrayAccessExpr a) {
      return baseName(a.getName());
    }
    if (x instanceof MethodCallExpr m && m.getArguments().isEmpty()) {
      return m.getNameAsString();
    }
    return "";
  }

  // ---- APIs ---------------------------------------------------------------------------------------

  /** {@code FeatureUtil.name(...)} of ND4J ({@code org.nd4j.linalg.util}) or old DL4J ({@code org.deeplearning4j.util}). */
  public static boolean isFeatureUtil(MethodCallExpr call, Imports imports, String name) {
    if (!call.getNameAsString().equals(name) || call.getScope().isEmpty()) {
      return false;
    }
    String scope = call.getScope().get().toString();
    return imports.is(scope, "org.nd4j.linalg.util", "FeatureUtil")
        || imports.is(scope, "org.deeplearning4j.util", "FeatureUtil");
  }

  /**
   * The class coordinate of a {@code putScalar} that writes a one-hot entry: {@code k} in
   * {@code labels.putScalar(i, k, 1.0)} and {@code labels.putScalar(new int[]{i, k}, 1.0)} (also
   * {@code {i, k, t}} for time-series labels, whose class axis is 1).
   */
  public static Optional<Expression> putScalarClassIndex(MethodCallExpr call) {
    if (!call.getNameAsString().equals("putScalar") || call.getScope().isEmpty()) {
      return Optional.empty();
    }
    if (call.getArguments().size() == 3) {
      return Optional.of(call.getArgument(1));
    }
    if (call.getArguments().size() == 2) {
      Expression idx = Flow.strip(call.getArgument(0));
      ArrayInitializerExpr init = idx instanceof ArrayCreationExpr ac ? ac.getInitializer().orElse(null)
          : idx instanceof ArrayInitializerExpr ai ? ai : null;
      if (init != null && init.getValues().size() >= 2) {
        return Optional.of(init.getValues().get(1));
      }
    }
    return Optional.empty();
  }

  // ---- values -------------------------------------------------------------------------------------

  /** The integer values {@code e} can take at its position. */
  public IntSet values(Expression e) {
    if (depth > MAX_DEPTH || !inProgress.add(e)) {
      return IntSet.UNKNOWN;
    }
    depth++;
    try {
      IntSet s = compute(e);
      return s.values().size() > MAX_VALUES ? IntSet.UNKNOWN : s;
    } finally {
      depth--;
      inProgress.remove(e);
    }
  }

  private IntSet compute(Expression e) {
    OptionalLong c = constants.intValue(e);
    if (c.isPresent()) {
      return IntSet.of(c.getAsLong());
    }
    if (e instanceof EnclosedExpr en) {
      return values(en.getInner());
    }
    if (e instanceof CastExpr cast) {
      String t = cast.getType().asString();
      if (cast.getExpression() instanceof MethodCallExpr m && isSignum(m)) {
        return new IntSet(Set.of(-1L, 0L, 1L), true); // (int) Math.signum(x)
      }
      return t.equals("int") || t.equals("long") || t.equals("short") || t.equals("byte")
          ? values(cast.getExpression()) : IntSet.UNKNOWN;
    }
    if (e instanceof ConditionalExpr cond) {
      return values(cond.getThenExpr()).union(values(cond.getElseExpr()));
    }
    if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
      IntSet inner = values(u.getExpression());
      Set<Long> out = new LinkedHashSet<>();
      inner.values().forEach(v -> out.add(-v));
      return new IntSet(out, inner.complete());
    }
    if (e instanceof BinaryExpr b) {
      return arithmetic(b);
    }
    if (e instanceof NameExpr n) {
      return name(n);
    }
    if (e instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
      return name(f);
    }
    if (e instanceof ArrayAccessExpr a) {
      return elements(a.getName());
    }
    if (e instanceof MethodCallExpr m) {
      return call(m);
    }
    return IntSet.UNKNOWN;
  }

  private static boolean isSignum(MethodCallExpr m) {
    return m.getNameAsString().equals("signum") && m.getScope().map(s -> s.toString().endsWith("Math")).orElse(false);
  }

  private IntSet arithmetic(BinaryExpr b) {
    IntSet l = values(b.getLeft());
    IntSet r = values(b.getRight());
    if (!l.complete() || !r.complete()) {
      return IntSet.UNKNOWN;
    }
    Set<Long> out = new LinkedHashSet<>();
    for (long x : l.values()) {
      for (long y : r.values()) {
        switch (b.getOperator()) {
          case PLUS -> out.add(x + y);
          case MINUS -> out.add(x - y);
          case MULTIPLY -> out.add(x * y);
          case DIVIDE -> {
            if (y == 0) {
              return IntSet.UNKNOWN;
            }
            out.add(x / y);
          }
          case REMAINDER -> {
            if (y == 0) {
              return IntSet.UNKNOWN;
            }
            out.add(x % y);
          }
          default -> {
            return IntSet.UNKNOWN;
          }
        }
      }
    }
    return new IntSet(out, true);
  }

  /** Math.max/min of label sets; a helper of this file whose every return is a label constant. */
  private IntSet call(MethodCallExpr m) {
    String name = m.getNameAsString();
    boolean math = m.getScope().map(s -> s.toString().equals("Math") || s.toString().equals("StrictMath")).orElse(false);
    if (math && (name.equals("max") || name.equals("min")) && m.getArguments().size() == 2) {
      IntSet a = values(m.getArgument(0));
      IntSet b = values(m.getArgument(1));
      if (!a.complete() || !b.complete()) {
        return IntSet.UNKNOWN;
      }
      Set<Long> out = new LinkedHashSet<>();
      for (long x : a.values()) {
        for (long y : b.values()) {
          out.add(name.equals("max") ? Math.max(x, y) : Math.min(x, y));
        }
      }
      return new IntSet(out, true);
    }
    if (m.getScope().isPresent() && !(m.getScope().get() instanceof ThisExpr)) {
      return IntSet.UNKNOWN;
    }
    Optional<TypeDeclaration<?>> type = m.findAncestor(TypeDeclaration.class).map(t -> (TypeDeclaration<?>) t);
    if (type.isEmpty()) {
      return IntSet.UNKNOWN;
    }
    List<MethodDeclaration> candidates = type.get().getMethodsByName(name).stream()
        .filter(d -> d.getParameters().size() == m.getArguments().size() && d.getBody().isPresent()).toList();
    if (candidates.size() != 1) {
      return IntSet.UNKNOWN;
    }
    List<IntSet> returned = new ArrayList<>();
    for (ReturnStmt r : Nodes.all(candidates.get(0), ReturnStmt.class)) {
      if (r.getExpression().isPresent() && r.findAncestor(LambdaExpr.class).isEmpty()) {
        returned.add(values(r.getExpression().get()));
      }
    }
    // beside a result a search computes (an argmax, a sampled index: the helper loops), a negative constant is
    // the "nothing found" sentinel of an empty or exhausted search, as for locals below: the caller's contract,
    // not a label; a lookup without a loop (return index.get(name), or -1) is a label map
    boolean computed = returned.stream().anyMatch(s -> !s.complete()) && searches(candidates.get(0));
    IntSet out = null;
    for (IntSet s : returned) {
      if (!(computed && s.onlyNegative())) {
        out = out == null ? s : out.union(s);
      }
    }
    return out == null ? IntSet.UNKNOWN : out;
  }

  private static boolean searches(MethodDeclaration method) {
    return Nodes.any(method, com.github.javaparser.ast.stmt.Statement.class,
        st -> st.isForStmt() || st.isForEachStmt() || st.isWhileStmt() || st.isDoStmt());
  }

  /**
   * A local or field: the union of its definitions (initializer and assignments in its scope). A negative
   * initializer that a computed value later replaces is a "not found yet" sentinel ({@code int best = -1;}
   * then {@code best = k;} in a search loop), not a label, and is left out.
   */
  private IntSet name(Expression use) {
    String name = baseName(use);
    Optional<Declarations.Declaration> found = declarations.find(use, name);
    if (found.isEmpty() || found.get().kind() == Declarations.Kind.PARAMETER) {
      return IntSet.UNKNOWN;
    }
    Declarations.Declaration d = found.get();
    IntSet known = byDeclaration.get(d.node());
    if (known != null) {
      return known;
    }
    IntSet computed = definitions(d, name);
    if (depth <= 1) {
      byDeclaration.put(d.node(), computed); // only results not cut short by the recursion guard
    }
    return computed;
  }

  private IntSet definitions(Declarations.Declaration d, String name) {
    Optional<ForEachStmt> forEach = d.node().getParentNode().flatMap(Node::getParentNode)
        .filter(ForEachStmt.class::isInstance).map(ForEachStmt.class::cast);
    if (forEach.isPresent()) {
      return elements(forEach.get().getIterable()); // for (int label : labels)
    }
    Node scope = d.kind() == Declarations.Kind.FIELD ? d.node().findCompilationUnit().map(n -> (Node) n).orElse(d.node())
        : declaringBody(d.node());
    List<IntSet> defs = new ArrayList<>();
    for (AssignExpr a : Nodes.all(scope, AssignExpr.class)) {
      if (isTarget(a.getTarget(), name)) {
        if (a.getOperator() != AssignExpr.Operator.ASSIGN) {
          return IntSet.UNKNOWN; // a counter or accumulator (k += 2), not a label
        }
        defs.add(values(a.getValue()));
      }
    }
    for (UnaryExpr u : Nodes.all(scope, UnaryExpr.class)) {
      if (u.getOperator() != UnaryExpr.Operator.MINUS && u.getOperator() != UnaryExpr.Operator.PLUS
          && u.getOperator() != UnaryExpr.Operator.LOGICAL_COMPLEMENT
          && u.getOperator() != UnaryExpr.Operator.BITWISE_COMPLEMENT && isTarget(u.getExpression(), name)) {
        return IntSet.UNKNOWN; // a loop counter: its initial value says nothing about the values it takes
      }
    }
    boolean replacedByData = defs.stream().anyMatch(s -> !s.complete());
    IntSet result = d.initializer().map(this::values).orElse(null);
    if (result != null && replacedByData && result.onlyNegative()) {
      result = null; // sentinel
    }
    for (IntSet s : defs) {
      result = result == null ? s : result.union(s);
    }
    return result == null ? IntSet.UNKNOWN : result;
  }

  private static boolean isTarget(Expression target, String name) {
    return target instanceof NameExpr n && n.getNameAsString().equals(name)
        || target instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr && f.getNameAsString().equals(name);
  }

  /** The values stored in an int array: its literal initializer plus any element assignments. */
  public IntSet elements(Expression array) {
    Expression x = Flow.strip(array);
    ArrayInitializerExpr literal = x instanceof ArrayCreationExpr ac ? ac.getInitializer().orElse(null)
        : x instanceof ArrayInitializerExpr ai ? ai : null;
    if (literal != null) {
      IntSet out = new IntSet(Set.of(), true);
      for (Expression v : literal.getValues()) {
        out = out.union(values(v));
      }
      return out;
    }
    if (!(x instanceof NameExpr) && !(x instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr)) {
      return IntSet.UNKNOWN;
    }
    String name = baseName(x);
    Optional<Declarations.Declaration> found = declarations.find(x, name);
    if (found.isEmpty() || found.get().initializer().isEmpty()) {
      return IntSet.UNKNOWN;
    }
    Declarations.Declaration d = found.get();
    IntSet known = elementsByDeclaration.get(d.node());
    if (known != null) {
      return known;
    }
    IntSet computed = arrayDefinitions(d, name);
    if (depth <= 1) {
      elementsByDeclaration.put(d.node(), computed);
    }
    return computed;
  }

  private IntSet arrayDefinitions(Declarations.Declaration d, String name) {
    Expression init = Flow.strip(d.initializer().get());
    if (!(init instanceof ArrayInitializerExpr) && !(init instanceof ArrayCreationExpr ac && ac.getInitializer().isPresent())) {
      return IntSet.UNKNOWN;
    }
    Node scope = d.kind() == Declarations.Kind.FIELD ? d.node().findCompilationUnit().map(n -> (Node) n).orElse(d.node())
        : declaringBody(d.node());
    IntSet out = elements(init);
    for (AssignExpr a : Nodes.all(scope, AssignExpr.class)) {
      if (isTarget(a.getTarget(), name)) {
        return IntSet.UNKNOWN; // the array itself is replaced
      }
      if (Flow.strip(a.getTarget()) instanceof ArrayAccessExpr el && isTarget(Flow.strip(el.getName()), name)) {
        out = out.union(a.getOperator() == AssignExpr.Operator.ASSIGN ? values(a.getValue()) : IntSet.UNKNOWN);
      }
    }
    return out;
  }

  /** The literal int array a name holds, when it is one ({@code int[] y = {-1, 0, 1}}). */
  public Optional<ArrayInitializerExpr> literalArray(Expression e) {
    return literalArray(e, declarations);
  }

  /** The literal int array a name holds, when it is one, with the file's declarations. */
  public static Optional<ArrayInitializerExpr> literalArray(Expression e, Declarations declarations) {
    Expression x = Flow.strip(e);
    if (x instanceof ArrayCreationExpr ac) {
      return ac.getInitializer();
    }
    if (x instanceof ArrayInitializerExpr ai) {
      return Optional.of(ai);
    }
    if (x instanceof NameExpr n) {
      return declarations.find(n, n.getNameAsString()).flatMap(Declarations.Declaration::initializer)
          .flatMap(init -> literalArray(init, declarations));
    }
    return Optional.empty();
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

  // ---- number of classes --------------------------------------------------------------------------

  /**
   * The number of classes of a label array: the constant column count {@code C} of the
   * {@code Nd4j.zeros(n, C)} / {@code Nd4j.create(n, C)} it was created with, or the size of a
   * {@code new double[C]} one-hot row.
   */
  public OptionalLong classCount(Expression array) {
    Expression x = Flow.strip(array);
    if (!(x instanceof NameExpr) && !(x instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr)) {
      return OptionalLong.empty();
    }
    String name = baseName(x);
    Optional<Declarations.Declaration> found = declarations.find(x, name);
    if (found.isEmpty()) {
      return OptionalLong.empty();
    }
    Declarations.Declaration d = found.get();
    List<Expression> creations = new ArrayList<>();
    d.initializer().ifPresent(creations::add);
    Node scope = d.kind() == Declarations.Kind.FIELD ? d.node().findCompilationUnit().map(n -> (Node) n).orElse(d.node())
        : declaringBody(d.node());
    for (AssignExpr a : Nodes.all(scope, AssignExpr.class)) {
      if (isTarget(a.getTarget(), name) && a.getOperator() == AssignExpr.Operator.ASSIGN) {
        creations.add(a.getValue());
      }
    }
    OptionalLong result = OptionalLong.empty();
    for (Expression c : creations) {
      OptionalLong n = columns(Flow.strip(c));
      if (n.isEmpty() || (result.isPresent() && result.getAsLong() != n.getAsLong())) {
        return OptionalLong.empty();
      }
      result = n;
    }
    return result;
  }

  private OptionalLong columns(Expression creation) {
    OptionalLong n = columnsOf(creation);
    return n.isPresent() && n.getAsLong() >= 1 ? n : OptionalLong.empty();
  }

  private OptionalLong columnsOf(Expression creation) {
    if (creation instanceof MethodCallExpr m && m.getScope().map(s -> s.toString().equals("Nd4j")).orElse(false)
        && (m.getNameAsString().equals("zeros") || m.getNameAsString().equals("create"))) {
      // Nd4j.zeros(n, C), Nd4j.zeros(DataType.FLOAT, n, C), Nd4j.create(new int[] {n, C}, 'c');
      // not Nd4j.create(data, n, C), whose first argument is the data
      List<Expression> scalars = new ArrayList<>();
      List<ArrayInitializerExpr> shapes = new ArrayList<>();
      for (Expression arg : m.getArguments()) {
        Expression a = Flow.strip(arg);
        if (a instanceof FieldAccessExpr f && f.getScope().toString().endsWith("DataType")
            || a instanceof com.github.javaparser.ast.expr.CharLiteralExpr) {
          continue;
        }
        ArrayInitializerExpr init = a instanceof ArrayCreationExpr ac ? ac.getInitializer().orElse(null)
            : a instanceof ArrayInitializerExpr ai ? ai : null;
        if (init != null) {
          shapes.add(init);
        } else {
          String type = types.typeOf(a);
          if (!type.isEmpty() && !types.isIntegral(a)) {
            return OptionalLong.empty();
          }
          scalars.add(a);
        }
      }
      List<Expression> dims;
      if (shapes.isEmpty()) {
        dims = scalars;
      } else if (shapes.size() == 1 && scalars.isEmpty()) {
        dims = shapes.get(0).getValues();
      } else {
        return OptionalLong.empty();
      }
      if (dims.size() < 2 || dims.size() > 3) {
        return OptionalLong.empty();
      }
      return constants.intValue(dims.get(1));
    }
    if (creation instanceof ArrayCreationExpr ac && ac.getLevels().size() >= 1 && ac.getInitializer().isEmpty()
        && ac.getElementType().isPrimitiveType()) { // a one-hot row: new double[numClasses]
      var levels = ac.getLevels();
      return levels.get(levels.size() - 1).getDimension().map(constants::intValue).orElse(OptionalLong.empty());
    }
    return OptionalLong.empty();
  }

  // ---- guards -------------------------------------------------------------------------------------

  /**
   * Has the author tested this index's value on the way to {@code use}: an enclosing {@code if}, loop or
   * ternary condition, an earlier early-exit {@code if}, or an {@code assert} that compares it
   * ({@code if (label >= 0)}, {@code label != -1 ? ... : ...}, {@code if (y < 0) continue;}).
   */
  public static boolean tested(Expression index, Node use) {
    String key = Flow.strip(index).toString();
    String base = baseName(index);
    Node child = use;
    for (Node p = use.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
      if (p instanceof CallableDeclaration<?> || p instanceof LambdaExpr || p instanceof TypeDeclaration<?>) {
        return false;
      }
      Expression condition = null;
      if (p instanceof IfStmt s && child != s.getCondition()) {
        condition = s.getCondition();
      } else if (p instanceof ConditionalExpr c && child != c.getCondition()) {
        condition = c.getCondition();
      } else if (p instanceof WhileStmt w && child == w.getBody()) {
        condition = w.getCondition();
      } else if (p instanceof DoStmt d && child == d.getBody()) {
        condition = d.getCondition();
      } else if (p instanceof ForStmt f && child == f.getBody()) {
        condition = f.getCompare().orElse(null);
      } else if (p instanceof BinaryExpr b && child == b.getRight()
          && (b.getOperator() == BinaryExpr.Operator.AND || b.getOperator() == BinaryExpr.Operator.OR)) {
        condition = b.getLeft();
      }
      if (condition != null && compares(condition, key, base)) {
        return true;
      }
      List<Statement> statements = p instanceof BlockStmt block ? block.getStatements()
          : p instanceof SwitchEntry entry ? entry.getStatements() : List.of();
      int position = child instanceof Statement st ? Nodes.indexOf(statements, st) : -1;
      for (int i = 0; i < position; i++) {
        Statement s = statements.get(i);
        if (s instanceof IfStmt ifs && ifs.getElseStmt().isEmpty() && Guards.alwaysExits(ifs.getThenStmt())
            && compares(ifs.getCondition(), key, base)) {
          return true;
        }
        if (s instanceof AssertStmt a && compares(a.getCheck(), key, base)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean compares(Expression condition, String key, String base) {
    return Nodes.first(condition, BinaryExpr.class, b -> isComparison(b.getOperator())
        && (mentions(b.getLeft(), key, base) || mentions(b.getRight(), key, base))).isPresent();
  }

  private static boolean mentions(Expression side, String key, String base) {
    Expression x = Flow.strip(side);
    return x.toString().equals(key) || (!base.isEmpty() && x instanceof NameExpr n && n.getNameAsString().equals(base));
  }

  private static boolean isComparison(BinaryExpr.Operator op) {
    return switch (op) {
      case LESS, LESS_EQUALS, GREATER, GREATER_EQUALS, EQUALS, NOT_EQUALS -> true;
      default -> false;
    };
  }

  private static final Set<String> PRODUCTS = Set.of("mul", "muli");

  /**
   * The log's result is multiplied by the labels: {@code labels.mul(log(z))}, {@code log(z).muli(labels)}, or
   * through a local ({@code logZ = log(z); ... labels.mul(logZ)}) in the same method.
   */
  public static boolean multipliedByLabels(MethodCallExpr log) {
    if (productWithLabels(log)) {
      return true;
    }
    Optional<String> local = log.getParentNode().filter(VariableDeclarator.class::isInstance)
        .map(v -> ((VariableDeclarator) v).getNameAsString());
    Optional<MethodDeclaration> method = log.findAncestor(MethodDeclaration.class);
    if (local.isEmpty() || method.isEmpty()) {
      return false;
    }
    return Nodes.any(method.get(), NameExpr.class, n -> n.getNameAsString().equals(local.get()) && productWithLabels(n));
  }

  /** {@code e} is the receiver or the argument of {@code mul}/{@code muli} whose other side is named for labels. */
  private static boolean productWithLabels(Expression e) {
    Optional<Node> parent = e.getParentNode();
    if (parent.isEmpty() || !(parent.get() instanceof MethodCallExpr m) || !PRODUCTS.contains(m.getNameAsString())
        || m.getArguments().size() != 1 || m.getScope().isEmpty()) {
      return false;
    }
    Expression other = m.getScope().get() == e ? m.getArgument(0) : m.getArgument(0) == e ? m.getScope().get() : null;
    return other != null && isLabelName(baseName(other));
  }
}
