package dev.nanlint.analysis.facts;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.engine.Linter;
import java.util.List;

/**
 * A method under test, run along the one path that reaches its first {@code return} of something other
 * than an integer literal: statements apply
 * in order, and an {@code if} refines its condition toward the branch holding that return (or, when the
 * branch does not hold it, toward the fall-through: the early-return shape). No loops: the CFG engine's.
 */
final class Snippet {
  final CompilationUnit unit;
  final NumericTransfer transfer;
  final MethodDeclaration method;
  final ReturnStmt target;

  private Snippet(String source) {
    unit = new JavaParser(Linter.parserConfiguration()).parse(source).getResult().orElseThrow();
    transfer = new NumericTransfer(new Analysis(unit));
    method = unit.findFirst(MethodDeclaration.class, m -> m.getNameAsString().equals("f")).orElseThrow();
    target = method.findFirst(ReturnStmt.class, r -> !isIntegerConstant(r.getExpression().orElseThrow()))
        .orElseThrow();
  }

  /** Returns of integer literals are the other exits: {@code if (c) return 1;}. */
  private static boolean isIntegerConstant(Expression e) {
    return e.isIntegerLiteralExpr() || e instanceof UnaryExpr u && u.getExpression().isIntegerLiteralExpr();
  }

  /** {@code double f(params) { body }} inside {@code class C { members ... }}, with {@code imports} on top. */
  static Snippet of(String imports, String members, String params, String body) {
    return new Snippet(imports + "\nclass C {\n" + members + "\n  double f(" + params + ") {\n" + body + "\n  }\n"
        + "  void helper(double[] a) { a[0] = -1; }\n  void reader(double[] a, java.util.List<Double> xs) { double s = a[0] + a.length + xs.size(); }\n  void update() {}\n}\n");
  }

  static Snippet of(String params, String body) {
    return of("import java.util.*;", "", params, body);
  }

  /** The store just before the target return. */
  Store storeAtReturn() {
    return run(method.getBody().orElseThrow().getStatements(), transfer.entry(method));
  }

  /** The fact of the target return's expression. */
  NumFact returned() {
    Store s = storeAtReturn();
    return transfer.evaluator().factOf(target.getExpression().orElseThrow(), s);
  }

  private Store run(List<Statement> statements, Store s) {
    Store store = s;
    for (Statement st : statements) {
      if (st == target) {
        return store;
      }
      if (st instanceof ExpressionStmt es) {
        store = transfer.apply(es.getExpression(), store); // a declaration applies each of its declarators
      } else if (st instanceof IfStmt i) {
        store = transfer.apply(i.getCondition(), store);
        boolean thenHolds = contains(i.getThenStmt(), target);
        boolean elseHolds = i.getElseStmt().map(e -> contains(e, target)).orElse(false);
        if (thenHolds) {
          return run(body(i.getThenStmt()), transfer.refine(i.getCondition(), true, store));
        }
        Store otherwise = transfer.refine(i.getCondition(), false, store);
        if (elseHolds) {
          return run(body(i.getElseStmt().get()), otherwise);
        }
        store = otherwise; // the then-branch returned or threw
      } else {
        store = transfer.apply(st, store);
      }
    }
    throw new AssertionError("the target return is not on the straight path");
  }

  private static List<Statement> body(Statement s) {
    return s instanceof BlockStmt b ? b.getStatements() : List.of(s);
  }

  private static boolean contains(Node tree, Node n) {
    for (Node p = n; p != null; p = p.getParentNode().orElse(null)) {
      if (p == tree) {
        return true;
      }
    }
    return false;
  }
}
