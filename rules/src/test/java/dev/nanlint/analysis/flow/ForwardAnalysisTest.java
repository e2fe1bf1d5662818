package dev.nanlint.analysis.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.analysis.cfg.Cfg;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The engine with a small interval lattice ({@link Intervals}): each {@code use(x)} call in a method is a
 * probe, and the tests read the range of {@code x} in the store before it.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ForwardAnalysisTest {
  private static final JavaParser PARSER = new JavaParser(
      new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25));

  /** The analysed method and its probes. */
  private record Run(FlowResult<Intervals.Env> result, List<MethodCallExpr> uses) {
    /** The range of the argument of the {@code k}th {@code use(...)} just before its element runs. */
    String at(int k) {
      MethodCallExpr use = uses.get(k);
      Node element = result.cfg().elementOf(use).orElseThrow();
      Intervals.Env before = result.before(element);
      return before.vars == null ? "unreachable" : Intervals.eval(use.getArgument(0), before).toString();
    }
  }

  private static Run run(String method) {
    CallableDeclaration<?> m = PARSER.parse("class T {\n" + method + "\n}").getResult().orElseThrow()
        .findFirst(CallableDeclaration.class).orElseThrow();
    FlowResult<Intervals.Env> result = ForwardAnalysis.run(Cfg.of(m), new Intervals());
    return new Run(result, m.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("use")));
  }

  @Test
  void conditionsRefineTheirTrueAndFalseEdges() {
    Run r = run("void m(int x) { if (x == 3) { use(x); } else { use(x); } if (x > 0 && x < 10) use(x);"
        + " if (!(x < 5)) use(x); else use(x); }");
    assertEquals("[3, 3]", r.at(0));
    assertEquals("[-inf, inf]", r.at(1));
    assertEquals("[1, 9]", r.at(2));
    assertEquals("[5, inf]", r.at(3));
    assertEquals("[-inf, 4]", r.at(4));
  }

  @Test
  void orConditionRefinesTheFalseEdgeOfBothSides() {
    Run r = run("void m(int x) { if (x < 0 || x > 100) return; use(x); }");
    assertEquals("[0, 100]", r.at(0));
  }

  @Test
  void conditionalConditionRefinesEachArm() {
    Run r = run("void m(boolean c, int x) { if (c ? x > 0 : x > 5) use(x); else use(x); }");
    assertEquals("[1, inf]", r.at(0));
    assertEquals("[-inf, 5]", r.at(1));
  }

  @Test
  void pathsJoinWhereTheyMeet() {
    Run r = run("void m(boolean c) { int y; if (c) y = 1; else y = 5; use(y); }");
    assertEquals("[1, 5]", r.at(0));
  }

  @Test
  void wideningTerminatesALoopThatCountsUp() {
    Run r = run("void m(int n) { int i = 0; while (i < 10) { use(i); i++; } use(i);"
        + " int j = 0; while (j < n) j = j + 1; use(j); }");
    assertEquals("[0, 9]", r.at(0));     // the loop condition refines the widened head
    assertEquals("[10, inf]", r.at(1));
    assertEquals("[0, inf]", r.at(2));   // an unknown bound: no finite fixpoint without widening
  }

  @Test
  void throwAndReturnEndTheirPaths() {
    Run r = run("void m(int n) { if (n < 0) throw new IllegalArgumentException(); if (n == 0) return; use(n); }");
    assertEquals("[1, inf]", r.at(0));
  }

  @Test
  void anAssignmentKillsTheRefinement() {
    Run r = run("void m(int n, int k) { if (n > 0) { use(n); n = n - 1; use(n); n = k; use(n); } }");
    assertEquals("[1, inf]", r.at(0));
    assertEquals("[0, inf]", r.at(1));
    assertEquals("[-inf, inf]", r.at(2));
  }

  @Test
  void anImpossibleConditionLeavesItsBranchUnreachable() {
    Run r = run("void m(int x) { if (x == 1) { if (x == 2) { use(x); } use(x); } }");
    assertEquals("unreachable", r.at(0));
    assertFalse(r.result().reachable(r.result().cfg().elementOf(r.uses().get(0)).orElseThrow()));
    assertTrue(r.result().reachable(r.result().cfg().elementOf(r.uses().get(1)).orElseThrow()));
  }

  @Test
  void aCatchSeesTheStoreBeforeEachElementOfTheTry() {
    Run r = run("void m() { int x = 0; try { x = 1; f(); x = 7; } catch (RuntimeException e) { use(x); } use(x); }");
    assertEquals("[0, 1]", r.at(0));     // before x = 1, before f(), before x = 7; never after x = 7
    assertEquals("[0, 7]", r.at(1));
  }

  @Test
  void finallyCopiesKeepTheReturnPathApart() {
    Run r = run("int m(int n) { try { if (n <= 0) return 0; } finally { use(n); } use(n); return n; }");
    assertEquals("[-inf, inf]", r.at(0)); // the finally joins its copies: exception, return, normal
    assertEquals("[1, inf]", r.at(1));    // after the try only the normal path goes on
  }

  @Test
  void labelledBreakCarriesTheStoreOutOfNestedLoops() {
    Run r = run("void m(int[][] a) { int found = 0; outer: for (int[] row : a) { for (int v : row) {"
        + " if (v == 42) { found = 2; break outer; } found = 1; } } use(found); }");
    assertEquals("[0, 2]", r.at(0));
  }

  @Test
  void theExitStoreJoinsEveryReturn() {
    Run r = run("void m(boolean c) { int x = 0; if (c) { x = 2; return; } x = 3; }");
    assertEquals(new Intervals.Range(2, 3), r.result().atExit().get("x"));
  }

  @Test
  void beforeAndAfterAnElement() {
    Run r = run("void m() { int x = 1; x += 4; use(x); }");
    Node add = r.result().cfg().blocks().get(1).elements().get(1);
    assertEquals(new Intervals.Range(1, 1), r.result().before(add).get("x"));
    assertEquals(new Intervals.Range(5, 5), r.result().after(add).get("x"));
    assertThrows(IllegalArgumentException.class, () -> r.result().before(r.uses().get(0).getArgument(0)));
  }

  @Test
  void eachBlockRunsOnceWithoutLoops() {
    String method = "void m(int a) { int b = a; if (a > 0) { b = 1; } else if (a < -3) { b = 2; } use(b); }";
    CallableDeclaration<?> m = PARSER.parse("class T {\n" + method + "\n}").getResult().orElseThrow()
        .findFirst(CallableDeclaration.class).orElseThrow();
    Intervals counting = new Intervals();
    ForwardAnalysis.run(Cfg.of(m), counting);
    // b = a | a > 0 ; b = 1 ; a < -3 ; b = 2 ; use(b): reverse post-order reaches the join last
    assertEquals(6, counting.applied);
  }
}
