package dev.nanlint.analysis.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shape of the graph for each statement kind, as {@link Cfg#describe()} prints it. */
class CfgTest {
  private static final JavaParser PARSER = new JavaParser(
      new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25));

  static CompilationUnit parse(String classBody) {
    return PARSER.parse("class T {\n" + classBody + "\n}").getResult().orElseThrow();
  }

  /** The graph of the first method or constructor in {@code classBody}. */
  static Cfg cfg(String classBody) {
    return Cfg.of(parse(classBody).findFirst(CallableDeclaration.class).orElseThrow());
  }

  private static void assertShape(String classBody, String... lines) {
    assertEquals(String.join("\n", lines) + "\n", cfg(classBody).describe());
  }

  @Test
  void ifElse() {
    assertShape("int m(int x) { int y = 0; if (x > 0) { y = 1; } else { y = 2; } return y; }",
        "entry -> B1",
        "B1: y = 0 | x > 0 -> T:B2 F:B4",
        "B2: y = 1 -> B3",
        "B3: return y -> exit",
        "B4: y = 2 -> B3");
  }

  @Test
  void andOrNotSplitIntoAtomicConditions() {
    assertShape("void m(int a, int b) { if (a > 0 && (b > 0 || !(a == b))) use(a); use(b); }",
        "entry -> B1",
        "B1: a > 0 -> T:B4 F:B3",
        "B2: use(a) -> B3",
        "B3: use(b) -> exit",
        "B4: b > 0 -> T:B2 F:B5",
        "B5: a == b -> T:B3 F:B2"); // ! swaps the edges
  }

  @Test
  void conditionalInConditionPosition() {
    assertShape("void m(boolean c, int a) { if (c ? a > 0 : a < 0) use(a); }",
        "entry -> B1",
        "B1: c -> T:B3 F:B4",
        "B2: use(a) -> exit",
        "B3: a > 0 -> T:B2 F:exit",
        "B4: a < 0 -> T:B2 F:exit");
  }

  @Test
  void conditionsInValuePositionStayInsideTheirElement() {
    assertShape("void m(boolean c, int x) { boolean b = x > 0 && c; int y = c ? x : -x; while (!b) { b = true; } }",
        "entry -> B1",
        "B1: b = x > 0 && c | y = c ? x : -x -> B2",
        "B2: b -> T:exit F:B3",
        "B3: b = true -> B2");
  }

  @Test
  void conditionEdgesCarryTheAtomicCondition() {
    Cfg g = cfg("void m(int a, int b) { if (a > 0 && b > 0) use(a); }");
    Block first = g.entry().successors().get(0).target();
    Edge yes = first.successors().get(0);
    Edge no = first.successors().get(1);
    assertEquals(Edge.Kind.TRUE, yes.kind());
    assertEquals(Edge.Kind.FALSE, no.kind());
    assertEquals("a > 0", yes.condition().toString());
    assertSame(first.elements().get(0), yes.condition());
    assertSame(yes.condition(), no.condition());
    assertSame(first, yes.target().predecessors().get(0).source());
  }

  @Test
  void forLoop() {
    assertShape("int m(int n) { int s = 0; for (int i = 0; i < n; i++) { s += i; } return s; }",
        "entry -> B1",
        "B1: s = 0 | i = 0 -> B2",
        "B2: i < n -> T:B3 F:B4",
        "B3: s += i | i++ -> B2",            // body and update: one straight line
        "B4: return s -> exit");
  }

  @Test
  void forWithoutConditionAndReturnInside() {
    assertShape("void m() { for (;;) { if (done()) return; } }",
        "entry -> B1",
        "B1: done() -> T:B2 F:B1",
        "B2: return -> exit");
  }

  @Test
  void doWhile() {
    assertShape("void m(int n) { do { n--; } while (n > 0); }",
        "entry -> B1",
        "B1: n-- | n > 0 -> T:B1 F:exit");
  }

  @Test
  void whileTrueLeavesOnlyByBreak() {
    assertShape("void m(int n) { while (true) { if (n == 0) break; n--; } use(n); }",
        "entry -> B1",
        "B1: n == 0 -> T:B2 F:B3",
        "B2: use(n) -> exit",
        "B3: n-- -> B1");
  }

  @Test
  void labelledBreakAndContinueOutOfNestedForEach() {
    assertShape("void m(int[][] m) { outer: for (int[] row : m) { for (int v : row) {"
            + " if (v < 0) continue outer; if (v == 0) break outer; use(v); } } use(0); }",
        "entry -> B1",
        "B1: m -> B2",
        "B2 -> B3 B4",                      // outer head: next row, or leave
        "B3: next row : m | row -> B5",
        "B4: use(0) -> exit",
        "B5 -> B6 B2",                      // inner head: next v, or back to the outer head
        "B6: next v : row | v < 0 -> T:B2 F:B7",
        "B7: v == 0 -> T:B4 F:B8",
        "B8: use(v) -> B5");
  }

  @Test
  void labelledBlock() {
    assertShape("void m(int n) { done: { if (n == 0) break done; use(n); } use(1); }",
        "entry -> B1",
        "B1: n == 0 -> T:B2 F:B3",
        "B2: use(1) -> exit",
        "B3: use(n) -> B2");
  }

  @Test
  void literalFalseConditionLeavesItsBranchDead() {
    assertShape("void m(int n) { if (false) { use(1); } while (n > 0 || n < -5) n--; }",
        "entry -> B2",
        "B1 (dead): use(1) -> B2",
        "B2: n > 0 -> T:B3 F:B4",
        "B3: n-- -> B2",
        "B4: n < -5 -> T:B3 F:exit");
  }

  @Test
  void fallthroughSwitchWithoutDefault() {
    assertShape("void m(int k) { switch (k) { case 0: use(0); case 1: use(1); break; case 2: use(2); } use(9); }",
        "entry -> B1",
        "B1: k -> B3 B4 B5 B2",             // no default: the selector may skip every case
        "B2: use(9) -> exit",
        "B3: use(0) -> B4",                 // falls through into case 1
        "B4: use(1) -> B2",
        "B5: use(2) -> B2");
  }

  @Test
  void arrowSwitchWithDefault() {
    assertShape("void m(int k) { switch (k) { case 0 -> use(0); case 1 -> { use(1); }"
            + " default -> throw new IllegalStateException(); } use(9); }",
        "entry -> B1",
        "B1: k -> B3 B4 B5",
        "B2: use(9) -> exit",
        "B3: use(0) -> B2",
        "B4: use(1) -> B2",
        "B5: throw new IllegalStateException() -> E:exc-exit");
  }

  @Test
  void switchInLoopWithContinueBreakReturn() {
    assertShape("void m(int[] xs) { for (int x : xs) { switch (x) { case 0: continue; case 1: break;"
            + " default: return; } use(x); } }",
        "entry -> B1",
        "B1: xs -> B2",
        "B2 -> B3 exit",
        "B3: next x : xs | x -> B2 B4 B5",  // continue goes to the loop head, break past the switch
        "B4: use(x) -> B2",
        "B5: return -> exit");
  }

  @Test
  void guardedCaseGoesOnToTheOtherCasesWhenFalse() {
    assertShape("void m(Object o) { switch (o) { case Integer i when i > 0 -> use(i);"
            + " case String s -> use(s); default -> use(o); } }",
        "entry -> B1",
        "B1: o -> B2 B3 B4",
        "B2: i > 0 -> T:B5 F:B6",
        "B3: use(s) -> exit",
        "B4: use(o) -> exit",
        "B5: use(i) -> exit",
        "B6 -> B3 B4");
  }

  @Test
  void switchExpressionWithYieldStaysInsideItsElement() {
    Cfg g = cfg("int m(int k) { int r = switch (k) { case 0 -> 1; default -> { int t = k * 2; yield t; } };"
        + " return r; }");
    assertEquals(List.of("entry", "B1", "exit", "exc-exit"), g.blocks().stream().map(Block::toString).toList());
    assertEquals(2, g.blocks().get(1).elements().size());
    // nodes inside the arms are evaluated by the declaration around the switch
    Node yieldValue = g.callable().findAll(com.github.javaparser.ast.stmt.YieldStmt.class).get(0).getExpression();
    assertSame(g.blocks().get(1).elements().get(0), g.elementOf(yieldValue).orElseThrow());
  }

  @Test
  void tryCatchFinallyWithReturnInsideTry() {
    assertShape("int m(int n) { try { if (n == 0) return 0; use(n); } catch (RuntimeException e) { use(-1); }"
            + " finally { clean(); } return n; }",
        "entry -> B2",
        "B1: use(-1) -> E:B5 B7",              // the catch: its exceptions go to the finally too
        "B2: n == 0 -> E:B1 E:B5 T:B3 F:B4",    // in the try: to the catch, and on to the finally
        "B3: return 0 -> E:B1 E:B5 B6",
        "B4: use(n) -> E:B1 E:B5 B7",
        "B5: clean() -> B8",                   // the finally after an exception...
        "B6: clean() -> exit",                 // ...after the return...
        "B7: clean() | return n -> exit",      // ...and after normal completion
        "B8 -> E:exc-exit");                   // rethrow
  }

  @Test
  void returnThroughTwoFinallyBlocksRunsBoth() {
    assertShape("int m(int n) { try { try { if (n == 0) return 1; } finally { a(); } } finally { b(); } return 2; }",
        "entry -> B1",
        "B1: n == 0 -> E:B3 T:B2 F:B5",
        "B2: return 1 -> E:B3 B4",
        "B3: a() -> E:B6 B7",
        "B4: a() -> E:B6 B8",
        "B5: a() -> E:B6 B9",
        "B6: b() -> B10",
        "B7 -> E:B6",
        "B8: b() -> exit",
        "B9: b() | return 2 -> exit",
        "B10 -> E:exc-exit");
  }

  @Test
  void breakAndContinueThroughFinally() {
    assertShape("void m(int[] a) { for (int v : a) { try { if (v == 0) continue; if (v < 0) break; use(v); }"
            + " finally { clean(); } } }",
        "entry -> B1",
        "B1: a -> B2",
        "B2 -> B3 exit",
        "B3: next v : a -> B4",
        "B4: v == 0 -> E:B6 T:B7 F:B5",
        "B5: v < 0 -> E:B6 T:B9 F:B8",
        "B6: clean() -> B11",
        "B7: clean() -> B2",                   // continue
        "B8: use(v) -> E:B6 B10",
        "B9: clean() -> exit",                 // break
        "B10: clean() -> B2",                  // end of the body
        "B11 -> E:exc-exit");
  }

  @Test
  void catchThrowableStopsTheException() {
    assertShape("void m(int n) { try { use(n); } catch (Throwable t) { use(0); } }",
        "entry -> B2",
        "B1: use(0) -> exit",
        "B2: use(n) -> E:B1 exit");
  }

  @Test
  void qualifiedThrowableCatchAlsoStopsIt() {
    assertShape("void m(int n) { try { use(n); } catch (java.lang.Throwable t) { use(0); } }",
        "entry -> B2",
        "B1: use(0) -> exit",
        "B2: use(n) -> E:B1 exit");
  }

  @Test
  void tryWithResources() {
    assertShape("void m(String p) throws Exception { try (var r = open(p)) { use(r); } catch (Exception e) { log(e); } }",
        "entry -> B2",
        "B1: log(e) -> exit",
        "B2: r = open(p) | use(r) -> E:B1 E:exc-exit B3",
        "B3 -> E:B1 E:exc-exit exit");          // closing the resource may throw
  }

  @Test
  void throwEndsThePath() {
    assertShape("void m(int n) { if (n == 0) throw new IllegalArgumentException(); use(n); }",
        "entry -> B1",
        "B1: n == 0 -> T:B2 F:B3",
        "B2: throw new IllegalArgumentException() -> E:exc-exit",
        "B3: use(n) -> exit");
  }

  @Test
  void synchronizedAssertEmptyAndLocalClass() {
    assertShape("void m(Object l, int n) { synchronized (l) { n++; } ; class L { void q() { use(5); } }"
            + " assert n > 0 : \"x\"; }",
        "entry -> B1",
        "B1: l | n++ | assert n > 0 -> exit");
  }

  @Test
  void constructorInvocation() {
    assertShape("T(int x) { this(x, 0); }",
        "entry -> B1",
        "B1: this(x, 0) -> exit");
  }

  @Test
  void abstractMethodGoesStraightToExit() {
    assertShape("abstract void m();", "entry -> exit");
  }

  @Test
  void lambdasAndAnonymousClassesGetTheirOwnGraphs() {
    CompilationUnit cu = parse("void m() { Runnable r = () -> { int z = 1; use(z); };"
        + " java.util.function.IntUnaryOperator f = x -> x > 0 ? x : -x;"
        + " Object o = new Object() { int h() { return 3; } }; }");
    Cfg outer = Cfg.of(cu.findFirst(CallableDeclaration.class).orElseThrow());
    assertEquals("entry -> B1\nB1: r = () -> { int z = 1; use(z); } | f = x -> x > 0 ? x : -x"
        + " | o = new Object() { int h() { return 3; } } -> exit\n", outer.describe());
    List<LambdaExpr> lambdas = cu.findAll(LambdaExpr.class);
    assertEquals("entry -> B1\nB1: z = 1 | use(z) -> exit\n", Cfg.of(lambdas.get(0)).describe());
    assertEquals("entry -> B1\nB1: x > 0 ? x : -x -> exit\n", Cfg.of(lambdas.get(1)).describe());
    ReturnStmt inAnonymous = cu.findFirst(ReturnStmt.class).orElseThrow();
    assertTrue(outer.elementOf(inAnonymous).isEmpty());
    MethodCallExpr inLambda = cu.findFirst(MethodCallExpr.class).orElseThrow();
    assertTrue(outer.elementOf(inLambda).isEmpty());
  }

  @Test
  void initializer() {
    CompilationUnit cu = parse("static int[] t = new int[3]; static { for (int i = 0; i < 3; i++) t[i] = i; }");
    Cfg g = Cfg.of(cu.findFirst(InitializerDeclaration.class).orElseThrow());
    assertEquals("entry -> B1\nB1: i = 0 -> B2\nB2: i < 3 -> T:B3 F:exit\nB3: t[i] = i | i++ -> B2\n", g.describe());
  }

  @Test
  void elementOfFindsTheEvaluatingElement() {
    Cfg g = cfg("void m(double[] p, int k) { double s = Math.log(p[k]) + 1; if (k > 0 && Math.abs(s) < 2) use(s);"
        + " switch (k) { case 3: use(k); } }");
    MethodCallExpr log = g.callable().findFirst(MethodCallExpr.class, c -> c.getNameAsString().equals("log"))
        .orElseThrow();
    assertEquals("s = Math.log(p[k]) + 1", g.elementOf(log).orElseThrow().toString());
    MethodCallExpr abs = g.callable().findFirst(MethodCallExpr.class, c -> c.getNameAsString().equals("abs"))
        .orElseThrow();
    assertEquals("Math.abs(s) < 2", g.elementOf(abs).orElseThrow().toString());
    Node caseLabel = g.callable().findFirst(SwitchEntry.class).orElseThrow().getLabels().get(0);
    assertTrue(g.elementOf(caseLabel).isEmpty());
    assertFalse(g.isElement(log));
    assertTrue(g.isElement(g.elementOf(abs).orElseThrow()));
  }

  @Test
  void rejectsNodesThatAreNotCallables() {
    FieldDeclaration field = parse("int x = 1;").findFirst(FieldDeclaration.class).orElseThrow();
    assertThrows(IllegalArgumentException.class, () -> Cfg.of(field));
  }
}
