package dev.nanlint.analysis;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.nanlint.engine.FileNodes;
import dev.nanlint.engine.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The label values a file writes where the code shows them exactly: a label array created from a literal
 * ({@code INDArray labels = Nd4j.create(new double[][] {{1}, {-1}})}, the labels of a {@code new DataSet}),
 * and the value of a {@code putScalar} on a label array ({@code labels.putScalar(i, 0, fraud ? 1.0 : -1.0)}).
 */
public final class LabelValues {
  /** Label values written in one place, and what the place is called in a message. */
  public record Site(Node at, Set<Double> values, String what) {}

  private final Labels labels;
  private final Declarations declarations;

  /** {@code labels}: the label-value reader the caller uses for the whole file (it caches per declaration). */
  public LabelValues(Labels labels, Declarations declarations) {
    this.labels = labels;
    this.declarations = declarations;
  }

  /** Every place of the file that writes known label values, in source order. */
  public List<Site> sites(CompilationUnit unit) {
    Constants constants = labels.constants();
    List<Site> out = new ArrayList<>();
    for (MethodCallExpr call : FileNodes.of(unit).all(MethodCallExpr.class)) {
      String name = call.getNameAsString();
      if ((name.equals("create") || name.equals("createFromArray")) && call.getArguments().isNonEmpty()
          && call.getScope().map(s -> s.toString().equals("Nd4j")).orElse(false) && isLabelArray(call)) {
        Expression data = call.getArgument(0);
        literal(data).ifPresent(init -> {
          Set<Double> values = new TreeSet<>();
          if (collect(init, constants, values)) {
            // reported at the argument (new double[][] {...} or a name): javac has a tree starting there
            out.add(new Site(data, values, "the label array " + targetName(call)));
          }
        });
      } else if (name.equals("putScalar") && call.getScope().isPresent() && call.getArguments().size() >= 2
          && Labels.isLabelName(Labels.baseName(call.getScope().get()))) {
        Expression value = call.getArgument(call.getArguments().size() - 1);
        Set<Double> values = new TreeSet<>();
        if (!constantAlternatives(value, constants, values)) {
          values.clear();
          Labels.IntSet set = labels.values(value);
          if (!set.complete() || set.values().isEmpty()) {
            continue;
          }
          set.values().forEach(v -> values.add((double) v));
        }
        out.add(new Site(value, values, call.getScope().get() + ".putScalar"));
      }
    }
    return out;
  }

  /** The values of a constant or of a conditional between constants ({@code fraud[i] ? 1.0 : -1.0}). */
  private static boolean constantAlternatives(Expression e, Constants constants, Set<Double> out) {
    Expression x = e;
    while (x instanceof EnclosedExpr en) {
      x = en.getInner();
    }
    if (x instanceof ConditionalExpr c) {
      return constantAlternatives(c.getThenExpr(), constants, out) && constantAlternatives(c.getElseExpr(), constants, out);
    }
    Constants.Num n = constants.eval(x);
    if (n.known()) {
      out.add(n.value());
    }
    return n.known();
  }

  /** Is this {@code Nd4j.create(...)} stored in a label-named variable or passed as a DataSet's labels? */
  private static boolean isLabelArray(MethodCallExpr call) {
    Node parent = call.getParentNode().orElse(null);
    if (parent instanceof VariableDeclarator v) {
      return Labels.isLabelName(v.getNameAsString());
    }
    if (parent instanceof AssignExpr a && a.getValue() == call) {
      return Labels.isLabelName(Labels.baseName(a.getTarget()));
    }
    return parent instanceof ObjectCreationExpr c && c.getType().getNameAsString().equals("DataSet")
        && c.getArguments().size() >= 2 && c.getArgument(1) == call;
  }

  private static String targetName(MethodCallExpr call) {
    Node parent = call.getParentNode().orElse(null);
    if (parent instanceof VariableDeclarator v) {
      return v.getNameAsString();
    }
    if (parent instanceof AssignExpr a) {
      return a.getTarget().toString();
    }
    return "of the DataSet";
  }

  /** The literal array an argument is: written in place, or a local/final field initialised with one. */
  private Optional<ArrayInitializerExpr> literal(Expression e) {
    Expression x = Flow.strip(e);
    if (x instanceof ArrayCreationExpr ac) {
      return ac.getInitializer();
    }
    if (x instanceof ArrayInitializerExpr ai) {
      return Optional.of(ai);
    }
    if (x instanceof NameExpr n) {
      Optional<Declarations.Declaration> d = declarations.find(n, n.getNameAsString());
      if (d.isEmpty() || d.get().kind() == Declarations.Kind.PARAMETER) {
        return Optional.empty();
      }
      // an array whose elements are assigned later is not read exactly: stay silent
      Node scope = d.get().node().findAncestor(TypeDeclaration.class).map(Node.class::cast).orElse(d.get().node());
      boolean written = Nodes.all(scope, AssignExpr.class).stream().anyMatch(a -> a.getTarget().toString()
          .startsWith(n.getNameAsString() + "[") || a.getTarget().toString().equals(n.getNameAsString()));
      if (written) {
        return Optional.empty();
      }
      return d.get().initializer().flatMap(this::literal);
    }
    return Optional.empty();
  }

  /** Every element of a (nested) literal array; false when one is not a constant. */
  private static boolean collect(ArrayInitializerExpr init, Constants constants, Set<Double> out) {
    for (Expression v : init.getValues()) {
      if (v instanceof ArrayInitializerExpr inner) {
        if (!collect(inner, constants, out)) {
          return false;
        }
        continue;
      }
      Constants.Num n = constants.eval(v);
      if (!n.known()) {
        return false;
      }
      out.add(n.value());
    }
    return !out.isEmpty();
  }
}
