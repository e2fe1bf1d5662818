package dev.nanlint.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;

/**
 * {@code node.toString()}, the same string, built directly for the simple expressions the analysis
 * keys on (names, field accesses, calls, literals, operators). JavaParser's pretty printer is slow for
 * these: every node it prints copies and sorts its parent's children to look for comments, and it was
 * the largest single cost of the analysis (measured: a quarter of the rules' time on the benchmark
 * corpus). Anything else (lambdas, casts, type arguments, comments, ...) falls back to
 * {@code toString()} of the whole node, so the result is always exactly the printer's.
 */
public final class Printed {
  private Printed() {}

  /** Exactly {@code node.toString()}. */
  public static String of(Node node) {
    if (node instanceof NameExpr n && plain(n) && plain(n.getName()) && noOrphans(n.getParentNode().orElse(null))) {
      return n.getNameAsString(); // the common case, without a builder
    }
    StringBuilder out = new StringBuilder();
    if (node instanceof Expression e && noOrphans(node.getParentNode().orElse(null)) && append(e, out)) {
      return out.toString();
    }
    return node.toString();
  }

  /**
   * {@link #of} for a name or a dotted name ({@code Math}, {@code java.lang.Math}), null for any other
   * expression: only such text can be a class name, so a comparison with class names need not print a
   * call, a cast or a lambda (the printer's slow path) only to find it is not one.
   */
  public static String ofName(Expression e) {
    Expression x = e;
    while (x instanceof FieldAccessExpr f) {
      x = f.getScope();
    }
    return x instanceof NameExpr ? of(e) : null;
  }

  /** No comment of its own and none orphaned inside it: the printer prints it without comments. */
  private static boolean plain(Node n) {
    return n.getComment().isEmpty() && n.getOrphanComments().isEmpty();
  }

  private static boolean noOrphans(Node parent) {
    return parent == null || parent.getOrphanComments().isEmpty();
  }

  /** Appends what the printer prints for {@code e}; false when {@code e} is not one of the simple shapes. */
  private static boolean append(Expression e, StringBuilder out) {
    if (!plain(e)) {
      return false;
    }
    if (e instanceof NameExpr n) {
      if (!plain(n.getName())) {
        return false;
      }
      out.append(n.getNameAsString());
      return true;
    }
    if (e instanceof FieldAccessExpr f) {
      if (f.getTypeArguments().isPresent() || !plain(f.getName()) || !append(f.getScope(), out)) {
        return false;
      }
      out.append('.').append(f.getNameAsString());
      return true;
    }
    if (e instanceof MethodCallExpr call) {
      if (call.getTypeArguments().isPresent() || !plain(call.getName())) {
        return false;
      }
      if (call.getScope().isPresent()) {
        if (!append(call.getScope().get(), out)) {
          return false;
        }
        out.append('.');
      }
      out.append(call.getNameAsString()).append('(');
      for (int i = 0; i < call.getArguments().size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        if (!append(call.getArgument(i), out)) {
          return false;
        }
      }
      out.append(')');
      return true;
    }
    if (e instanceof ThisExpr t) {
      if (t.getTypeName().isPresent()) {
        return false;
      }
      out.append("this");
      return true;
    }
    if (e instanceof IntegerLiteralExpr || e instanceof LongLiteralExpr || e instanceof DoubleLiteralExpr) {
      out.append(((com.github.javaparser.ast.expr.LiteralStringValueExpr) e).getValue());
      return true;
    }
    if (e instanceof StringLiteralExpr s) {
      out.append('"').append(s.getValue()).append('"');
      return true;
    }
    if (e instanceof CharLiteralExpr c) {
      out.append('\'').append(c.getValue()).append('\'');
      return true;
    }
    if (e instanceof BooleanLiteralExpr b) {
      out.append(b.getValue());
      return true;
    }
    if (e instanceof NullLiteralExpr) {
      out.append("null");
      return true;
    }
    if (e instanceof ArrayAccessExpr a) {
      if (!append(a.getName(), out)) {
        return false;
      }
      out.append('[');
      if (!append(a.getIndex(), out)) {
        return false;
      }
      out.append(']');
      return true;
    }
    if (e instanceof EnclosedExpr en) {
      out.append('(');
      if (!append(en.getInner(), out)) {
        return false;
      }
      out.append(')');
      return true;
    }
    if (e instanceof UnaryExpr u) {
      if (u.isPrefix()) {
        out.append(u.getOperator().asString());
        return append(u.getExpression(), out);
      }
      if (!append(u.getExpression(), out)) {
        return false;
      }
      out.append(u.getOperator().asString());
      return true;
    }
    if (e instanceof BinaryExpr b) {
      if (!append(b.getLeft(), out)) {
        return false;
      }
      out.append(' ').append(b.getOperator().asString()).append(' ');
      return append(b.getRight(), out);
    }
    return false;
  }
}
