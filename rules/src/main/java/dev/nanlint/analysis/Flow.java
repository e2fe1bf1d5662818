package dev.nanlint.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.nanlint.engine.Nodes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a value comes from and where it goes, within one method: the single plain definition that
 * reaches a use of a local ({@code double v = a - b; ... sqrt(v)}), the other occurrences of a local
 * or array, and the writes to it (assignments, {@code ++}, ND4J in-place ops such as {@code x.subi(m)}).
 * Structure-level questions (is this a difference? a shifted exponent?) need the expression a local
 * holds, not only its sign, which is what {@link Values} answers.
 */
public final class Flow {
  /** INDArray methods that change their receiver. */
  static final Set<String> IN_PLACE = Set.of("addi", "subi", "muli", "divi", "rsubi", "rdivi", "negi", "assign",
      "addiRowVector", "addiColumnVector", "subiRowVector", "subiColumnVector", "muliRowVector",
      "muliColumnVector", "diviRowVector", "diviColumnVector", "put", "putScalar", "putRow", "putColumn");
  /** Static helpers that change their first argument in place. */
  private static final Set<String> IN_PLACE_STATIC = Set.of("replaceWhere", "applyWhere", "fill");

  private final Declarations declarations;
  private final Definitions definitions;

  Flow(Declarations declarations, Definitions definitions) {
    this.declarations = declarations;
    this.definitions = definitions;
  }

  Declarations declarations() {
    return declarations;
  }

  /** {@code e} without parentheses and casts. */
  public static Expression strip(Expression e) {
    Expression x = e;
    while (x instanceof EnclosedExpr || x instanceof CastExpr) {
      x = x instanceof EnclosedExpr en ? en.getInner() : ((CastExpr) x).getExpression();
    }
    return x;
  }

  /** The variable an expression reads: {@code v} for {@code v}, {@code v[i][j]}, {@code this.v}; else "". */
  public static String root(Expression e) {
    Expression x = strip(e);
    while (x instanceof ArrayAccessExpr a) {
      x = strip(a.getName());
    }
    if (x instanceof NameExpr n) {
      return n.getNameAsString();
    }
    if (x instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
      return f.getNameAsString();
    }
    return "";
  }

  /**
   * The expression a local holds at {@code use} when exactly one plain definition reaches it
   * ({@link Definitions#reaching}: its initializer, or the last {@code name = value;} before the use, with
   * no other write in between, none around a loop back edge and no clamp-if on the way). Empty for
   * parameters, fields, accumulators and anything ambiguous.
   */
  public Optional<Expression> definition(NameExpr use) {
    Optional<Declarations.Declaration> found = declarations.find(use, use.getNameAsString());
    if (found.isEmpty() || found.get().kind() != Declarations.Kind.LOCAL) {
      return Optional.empty();
    }
    List<Definitions.Def> defs = definitions.reaching(use);
    return defs.size() == 1 && defs.get(0).facts().isEmpty() ? Optional.ofNullable(defs.get(0).value())
        : Optional.empty();
  }

  /**
   * Writes to the variable {@code name} itself inside {@code within}: assignments to it, {@code ++}/{@code --},
   * ND4J in-place calls on it and in-place helpers taking it first ({@code BooleanIndexing.replaceWhere}).
   */
  public static List<Node> writes(Node within, String name) {
    List<Node> out = new ArrayList<>();
    Nodes.walk(within, node -> {
      if (node instanceof AssignExpr a && strip(a.getTarget()) instanceof NameExpr t && t.getNameAsString().equals(name)) {
        out.add(a);
      } else if (node instanceof UnaryExpr u && isStep(u.getOperator())
          && strip(u.getExpression()) instanceof NameExpr t && t.getNameAsString().equals(name)) {
        out.add(u);
      } else if (node instanceof MethodCallExpr call && isInPlaceOn(call, name)) {
        out.add(call);
      }
    });
    return out;
  }

  /**
   * {@link #writes} of every name at once, in one walk: for each name, the same list {@code writes(within, name)}
   * gives (in pre-order). For a caller that asks about many names of one callable.
   */
  public static Map<String, List<Node>> writesByName(Node within) {
    Map<String, List<Node>> out = new HashMap<>();
    Nodes.walk(within, node -> {
      if (node instanceof AssignExpr a) {
        if (strip(a.getTarget()) instanceof NameExpr t) {
          out.computeIfAbsent(t.getNameAsString(), k -> new ArrayList<>()).add(a);
        }
      } else if (node instanceof UnaryExpr u) {
        if (isStep(u.getOperator()) && strip(u.getExpression()) instanceof NameExpr t) {
          out.computeIfAbsent(t.getNameAsString(), k -> new ArrayList<>()).add(u);
        }
      } else if (node instanceof MethodCallExpr call) {
        String receiver = IN_PLACE.contains(call.getNameAsString()) && call.getScope().isPresent()
            && strip(call.getScope().get()) instanceof NameExpr n ? n.getNameAsString() : null;
        String first = IN_PLACE_STATIC.contains(call.getNameAsString()) && call.getArguments().isNonEmpty()
            && strip(call.getArgument(0)) instanceof NameExpr n ? n.getNameAsString() : null;
        if (receiver != null) {
          out.computeIfAbsent(receiver, k -> new ArrayList<>()).add(call);
        }
        if (first != null && !first.equals(receiver)) {
          out.computeIfAbsent(first, k -> new ArrayList<>()).add(call);
        }
      }
    });
    return out;
  }

  /** ++ and -- in either position: the unary operators that write their operand. */
  static boolean isStep(UnaryExpr.Operator op) {
    return op == UnaryExpr.Operator.PREFIX_INCREMENT || op == UnaryExpr.Operator.PREFIX_DECREMENT
        || op == UnaryExpr.Operator.POSTFIX_INCREMENT || op == UnaryExpr.Operator.POSTFIX_DECREMENT;
  }

  private static boolean isInPlaceOn(MethodCallExpr call, String name) {
    if (IN_PLACE.contains(call.getNameAsString()) && call.getScope().map(s -> strip(s) instanceof NameExpr n
        && n.getNameAsString().equals(name)).orElse(false)) {
      return true;
    }
    return IN_PLACE_STATIC.contains(call.getNameAsString()) && call.getArguments().isNonEmpty()
        && strip(call.getArgument(0)) instanceof NameExpr n && n.getNameAsString().equals(name);
  }

  /**
   * Every place the variable that {@code near} sees under {@code name} (a local, parameter or field) is
   * read or written inside the enclosing method, as the outermost array access ({@code e[i]} rather
   * than {@code e}). For a field, the occurrences in the whole class. {@code near} may be the variable's
   * own declarator.
   */
  public List<Expression> occurrences(Node near, String name) {
    Optional<Declarations.Declaration> decl = near instanceof VariableDeclarator v && v.getNameAsString().equals(name)
        ? Optional.of(new Declarations.Declaration(v.getParentNode().orElse(null) instanceof FieldDeclaration
            ? Declarations.Kind.FIELD : Declarations.Kind.LOCAL, name, v.getType(), v, false))
        : declarations.find(near, name);
    if (decl.isEmpty()) {
      return List.of();
    }
    Node region = decl.get().kind() == Declarations.Kind.FIELD
        ? near.findAncestor(TypeDeclaration.class).map(Node.class::cast).orElse(null)
        : Callables.methodOrLambdaInClass(near).orElse(null);
    if (region == null) {
      return List.of();
    }
    Node target = decl.get().node();
    // the same variable in the same region gives the same list: once per pair, not once per question
    Map<Node, List<Expression>> byTarget = occurrences.computeIfAbsent(region, r -> new IdentityHashMap<>());
    List<Expression> known = byTarget.get(target);
    if (known != null) {
      return known;
    }
    List<Expression> out = new ArrayList<>();
    Nodes.walk(region, node -> {
      Expression hit = null;
      if (node instanceof NameExpr n && n.getNameAsString().equals(name)) {
        hit = declarations.find(n, name).map(d -> d.node() == target).orElse(false) ? n : null;
      } else if (node instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr && f.getNameAsString().equals(name)
          && decl.get().kind() == Declarations.Kind.FIELD) {
        hit = f;
      }
      if (hit != null) {
        Expression outer = hit;
        while (outer.getParentNode().orElse(null) instanceof ArrayAccessExpr a && a.getName() == outer) {
          outer = a;
        }
        out.add(outer);
      }
    });
    List<Expression> found = Collections.unmodifiableList(out);
    byTarget.put(target, found);
    return found;
  }

  private final Map<Node, Map<Node, List<Expression>>> occurrences = new IdentityHashMap<>();

  /** Is {@code e} the target of an assignment (or of {@code ++}), i.e. written rather than read? */
  public static boolean isWritten(Expression e) {
    Node parent = e.getParentNode().orElse(null);
    if (parent instanceof AssignExpr a && a.getTarget() == e) {
      return a.getOperator() == AssignExpr.Operator.ASSIGN;
    }
    return false;
  }


  /** Does {@code a} come before {@code b} in the source? */
  static boolean before(Node a, Node b) {
    return a.getRange().isPresent() && b.getRange().isPresent() && a.getRange().get().begin.isBefore(b.getRange().get().begin);
  }
}
