package dev.nanlint.analysis.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.nanlint.analysis.flow.ForwardAnalysis;
import dev.nanlint.analysis.flow.Intervals;
import dev.nanlint.engine.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every callable of every Java file in the repository (the fixtures, the evaluation sets, the rules'
 * own sources): building its graph never throws, the graph is well formed, every statement the callable
 * runs is an element, and the engine reaches a fixpoint on it.
 */
class CfgOnSourcesTest {
  @Test
  void everyCallableOfTheRepository() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : List.of(Path.of("src"), Path.of("../test-fixtures"))) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/target/")).forEach(files::add);
      }
    }
    int callables = 0;
    int parsed = 0;
    for (Path file : files) {
      CompilationUnit cu = parse(Files.readString(file));
      if (cu == null) {
        continue;
      }
      parsed++;
      for (Node callable : callables(cu)) {
        try {
          Cfg g = Cfg.of(callable);
          checkWellFormed(g);
          checkEveryStatementIsAnElement(g);
          ForwardAnalysis.run(g, new Intervals());
        } catch (RuntimeException | AssertionError e) {
          throw new AssertionError(file + ":" + callable.getBegin().map(p -> p.line).orElse(0) + ": " + e, e);
        }
        callables++;
      }
    }
    assertTrue(parsed > 250, "parsed only " + parsed + " of " + files.size() + " files");
    assertTrue(callables > 2000, "only " + callables + " callables");
  }

  /** Like the linter: the fast RAW level, and the Java 25 level for what RAW misreads. */
  private static CompilationUnit parse(String text) {
    ParseResult<CompilationUnit> r = new JavaParser(Linter.parserConfiguration()).parse(text);
    if (!r.isSuccessful()) {
      r = new JavaParser(Linter.parserConfiguration()
          .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25)).parse(text);
    }
    return r.isSuccessful() ? r.getResult().orElse(null) : null;
  }

  static List<Node> callables(CompilationUnit cu) {
    List<Node> all = new ArrayList<>();
    cu.walk(n -> {
      if (n instanceof MethodDeclaration || n instanceof ConstructorDeclaration
          || n instanceof CompactConstructorDeclaration || n instanceof InitializerDeclaration
          || n instanceof LambdaExpr) {
        all.add(n);
      }
    });
    return all;
  }

  private static void checkWellFormed(Cfg g) {
    List<Block> blocks = g.blocks();
    assertTrue(g.entry().predecessors().isEmpty() && g.entry().elements().isEmpty(), "entry");
    assertTrue(g.exit().successors().isEmpty() && g.exceptionalExit().successors().isEmpty(), "exits");
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      assertEquals(i, b.index());
      int conditions = 0;
      for (Edge e : b.successors()) {
        assertSame(b, e.source());
        assertTrue(e.target().predecessors().stream().anyMatch(p -> p == e), "edge not mirrored: " + e);
        if (e.kind() == Edge.Kind.TRUE || e.kind() == Edge.Kind.FALSE) {
          conditions++;
          assertSame(b.elements().get(b.elements().size() - 1), e.condition(), "condition is the last element");
        }
      }
      assertTrue(conditions == 0 || conditions == 2, b + " has " + conditions + " condition edges");
      for (Edge e : b.predecessors()) {
        assertSame(b, e.target());
        assertTrue(e.source().successors().stream().anyMatch(s -> s == e), "edge not mirrored: " + e);
      }
    }
  }

  /** The nodes the documentation in {@link Cfg} says are elements must all be in the graph. */
  private static void checkEveryStatementIsAnElement(Cfg g) {
    Set<Node> expected = Collections.newSetFromMap(new IdentityHashMap<>());
    collect(g.callable(), g.callable(), expected);
    for (Node n : expected) {
      assertTrue(g.isElement(n), "not an element: " + n.getClass().getSimpleName() + " " + n);
    }
  }

  private static void collect(Node n, Node callable, Set<Node> out) {
    if (n != callable && (n instanceof LambdaExpr || n instanceof BodyDeclaration<?> || n instanceof SwitchExpr
        || n instanceof TypeDeclaration<?> || n instanceof LocalClassDeclarationStmt
        || n instanceof LocalRecordDeclarationStmt)) {
      return; // their own graphs, or inside an element
    }
    if (n instanceof ExpressionStmt s) {
      if (s.getExpression() instanceof VariableDeclarationExpr v) {
        out.addAll(v.getVariables());
      } else {
        out.add(s.getExpression());
      }
    } else if (n instanceof ReturnStmt || n instanceof ThrowStmt || n instanceof AssertStmt
        || n instanceof ExplicitConstructorInvocationStmt || n instanceof ForEachStmt) {
      out.add(n);
    }
    if (n instanceof ForEachStmt f) {
      out.add(f.getIterable());
    } else if (n instanceof SwitchStmt s) {
      out.add(s.getSelector());
    } else if (n instanceof IfStmt s) {
      atoms(s.getCondition(), out);
    } else if (n instanceof WhileStmt s) {
      atoms(s.getCondition(), out);
    } else if (n instanceof DoStmt s) {
      atoms(s.getCondition(), out);
    } else if (n instanceof ForStmt s) {
      s.getCompare().ifPresent(c -> atoms(c, out));
    }
    if (n instanceof ObjectCreationExpr o) {
      o.getScope().ifPresent(x -> collect(x, callable, out));
      o.getArguments().forEach(x -> collect(x, callable, out));
      return; // not the anonymous class body
    }
    for (Node child : n.getChildNodes()) {
      collect(child, callable, out);
    }
  }

  private static void atoms(Expression c, Set<Node> out) {
    if (c instanceof EnclosedExpr e) {
      atoms(e.getInner(), out);
    } else if (c instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      atoms(u.getExpression(), out);
    } else if (c instanceof BinaryExpr b && (b.getOperator() == BinaryExpr.Operator.AND
        || b.getOperator() == BinaryExpr.Operator.OR)) {
      atoms(b.getLeft(), out);
      atoms(b.getRight(), out);
    } else if (c instanceof ConditionalExpr t) {
      atoms(t.getCondition(), out);
      atoms(t.getThenExpr(), out);
      atoms(t.getElseExpr(), out);
    } else if (!(c instanceof BooleanLiteralExpr)) {
      out.add(c);
    }
  }
}
