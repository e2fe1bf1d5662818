package dev.nanlint.analysis.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.engine.Linter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The project index: declaration records, and resolving a call of one file to a method of another. */
class ProjectIndexTest {

  /** A run over {@code files} (path, text, path, text...): the index, and the summaries of its plan. */
  private static final class Run {
    final Map<String, CompilationUnit> units = new LinkedHashMap<>();
    final ProjectIndex index = new ProjectIndex();
    final IndexedSummaries summaries;
    final ProjectIndex.Plan plan;

    Run(String... files) {
      for (int i = 0; i < files.length; i += 2) {
        CompilationUnit unit = Linter.parse(files[i + 1]).orElseThrow();
        units.put(files[i], unit);
        index.parsed(files[i], unit);
      }
      plan = index.plan();
      summaries = IndexedSummaries.build(index, plan, units::get);
    }

    /** The declared return type the first call to {@code method} in {@code path} resolves to, if it resolves. */
    Optional<String> resolved(String path, String method) {
      CompilationUnit unit = units.get(path);
      MethodCallExpr call = unit.findFirst(MethodCallExpr.class, c -> c.getNameAsString().equals(method)).orElseThrow();
      return new Analysis(unit, path, summaries).crossFile().returnType(call);
    }

    /** The fact of the divisor of the first division in {@code path}, asked as a rule asks it. */
    NumFact divisor(String path) {
      CompilationUnit unit = units.get(path);
      BinaryExpr d = unit.findFirst(BinaryExpr.class, b -> b.getOperator() == BinaryExpr.Operator.DIVIDE).orElseThrow();
      return new Analysis(unit, path, summaries).facts().at(d.getRight());
    }
  }

  @Test
  void recordsKeepDeclarationsNotBodies() {
    FileRecord r = FileRecord.of("A.java", Linter.parse("""
        package p;
        import java.util.List;
        import q.*;
        import static q.Util.norm;
        public final class A extends Base {
          static int count(List<String> xs, int k) { return xs.size(); }
          private double secret() { return 1; }
          abstract static class Inner { abstract double f(); }
          enum Plain { X, Y }
          enum Bodies { X { double f() { return 2; } }, Y; double f() { return 1; } }
          record R(double v) { double twice() { return 2 * v; } }
          double ratio(double a) { return a / (norm(a) + helper.size() + Util.scale(a, 2)); }
        }
        """).orElseThrow());
    assertEquals("p", r.packageName());
    assertEquals(Map.of("List", "java.util.List"), r.singleImports());
    assertEquals(List.of("q"), r.wildcardImports());
    assertEquals(Map.of("norm", "q.Util"), r.staticImports());
    ClassRecord a = r.classNamed("p.A");
    assertTrue(a.isFinal());
    assertEquals("Base", a.superclass());
    MethodRecord count = a.methods().get(0);
    assertEquals(List.of("List<String>", "int"), count.parameterTypes());
    assertEquals("int", count.returnType());
    assertTrue(count.isStatic() && count.hasBody() && !count.isFinal());
    assertTrue(a.methods().get(1).isPrivate());
    assertFalse(r.classNamed("p.A.Inner").isFinal());
    assertFalse(r.classNamed("p.A.Inner").methods().get(0).hasBody());
    assertTrue(r.classNamed("p.A.Plain").isFinal());
    assertFalse(r.classNamed("p.A.Bodies").isFinal(), "a constant with a body subclasses the enum");
    assertTrue(r.classNamed("p.A.R").isFinal());
    // the divisor's calls the file does not answer, by name/arity, and Class.name/arity for a static call
    assertEquals(Set.of(new OperandCall(OperandCall.Kind.UNQUALIFIED, "p.A", "norm", 1),
        new OperandCall(OperandCall.Kind.STATIC, "Util", "scale", 2)), r.operandCalls(), "helper: a field of unknown type");
  }

  @Test
  void overloadsOfOneArityAreToldApartByExactTypesOnly() {
    Run run = new Run("u/Util.java", """
        package u;
        public final class Util {
          public static int pick(int n) { return n; }
          public static double pick(double x) { return x; }
          public static long only(long n) { return n; }
        }
        """, "c/C.java", """
        package c;
        import u.Util;
        class C {
          double f(int n, Object o, double x) {
            return x / Util.pick(n) + x / Util.pick(x) + x / Util.pick(o.hashCode()) + x / Util.only(n);
          }
        }
        """);
    CompilationUnit unit = run.units.get("c/C.java");
    List<MethodCallExpr> calls = unit.findAll(MethodCallExpr.class, c -> c.getScope().map(s -> s.toString().equals("Util")).orElse(false));
    CrossFileCalls.InFile in = new Analysis(unit, "c/C.java", run.summaries).crossFile();
    assertEquals(Optional.of("int"), in.returnType(calls.get(0)));
    assertEquals(Optional.of("double"), in.returnType(calls.get(1)));
    assertEquals(Optional.empty(), in.returnType(calls.get(2)), "an argument of unknown type: either overload");
    assertEquals(Optional.of("long"), in.returnType(calls.get(3)), "one method of that arity: no types needed");
  }

  @Test
  void interfaceAndOverridableMethodsAreUnknownFinalOnesResolve() {
    Run run = new Run("m/Model.java", """
        package m;
        public interface Model { double score(double x); }
        """, "m/Base.java", """
        package m;
        public class Base {
          public double open(double x) { return 1; }
          public final double closed(double x) { return 1; }
        }
        """, "m/Sealed.java", """
        package m;
        public final class Sealed extends Base {
          public double mine(double x) { return 1; }
        }
        """, "m/User.java", """
        package m;
        class User {
          double f(Model model, Base base, Sealed sealed, double x) {
            return x / model.score(x) + x / base.open(x) + x / base.closed(x) + x / sealed.mine(x) + x / sealed.open(x);
          }
        }
        """);
    // the declared type holds whichever implementation runs (an override may only narrow it)
    assertEquals(Optional.of("double"), run.resolved("m/User.java", "score"), "an interface's declared type");
    assertEquals(Optional.of("double"), run.resolved("m/User.java", "open"), "an overridable method's declared type");
    assertEquals(Optional.of("double"), run.resolved("m/User.java", "closed"));
    assertEquals(Optional.of("double"), run.resolved("m/User.java", "mine"), "a method of a final class");
  }

  /** An overload in a superclass may be the one Java picks: a type only when every candidate declares it. */
  @Test
  void overloadsUpTheChainMustAgreeOnTheType() {
    Run run = new Run("m/Base.java", """
        package m;
        public class Base { public double scale(double x) { return x; } }
        """, "m/Sub.java", """
        package m;
        public class Sub extends Base { public int scale(int x) { return x; } }
        """, "m/User.java", """
        package m;
        class User { double f(Sub sub, double x) { return x / sub.scale(2.5); } }
        """);
    assertEquals(Optional.empty(), run.resolved("m/User.java", "scale"));
  }

  /** What a method returns is known only where no override can run instead: its value, unlike its type. */
  @Test
  void onlyMethodsNoOverrideCanReplaceGiveTheirValue() {
    String base = """
        package m;
        public class Base {
          public double open(double x) { return 1; }
          public final double closed(double x) { return 1; }
        }
        """;
    Run open = new Run("m/Base.java", base, "m/User.java", """
        package m;
        class User { double f(Base base, double x) { return x / base.open(x); } }
        """);
    Run closed = new Run("m/Base.java", base, "m/User.java", """
        package m;
        class User { double f(Base base, double x) { return x / base.closed(x); } }
        """);
    assertTrue(open.divisor("m/User.java").canBeZero(), "a subclass may return anything");
    assertFalse(closed.divisor("m/User.java").canBeZero(), "the final method returns 1");
  }

  @Test
  void staticImportsAndInheritedStaticMethodsResolve() {
    Run run = new Run("u/MathUtil.java", """
        package u;
        public final class MathUtil {
          public static double atLeastOne(double x) { return Math.max(1, x); }
        }
        """, "u/Helpers.java", """
        package u;
        public class Helpers {
          protected static double floor(double x) { return Math.max(x, 0.5); }
        }
        """, "c/A.java", """
        package c;
        import static u.MathUtil.atLeastOne;
        class A { double f(double x, double y) { return x / atLeastOne(y); } }
        """, "c/B.java", """
        package c;
        import static u.MathUtil.*;
        class B { double f(double x, double y) { return x / atLeastOne(y); } }
        """, "c/D.java", """
        package c;
        import u.Helpers;
        class D extends Helpers { double f(double x, double y) { return x / floor(y); } }
        """, "c/E.java", """
        package c;
        class E extends java.util.AbstractList<Double> { double f(double x, double y) { return x / floor(y); } }
        """, "c/F.java", """
        package c;
        import static u.MathUtil.atLeastOne;
        class F extends java.util.Random { double f(double x, double y) { return x / atLeastOne(y); } }
        """);
    assertEquals(1.0, run.divisor("c/A.java").lo());
    assertEquals(1.0, run.divisor("c/B.java").lo());
    assertEquals(0.5, run.divisor("c/D.java").lo());
    assertTrue(run.divisor("c/E.java").canBeZero(), "a superclass outside the run: unknown");
    assertTrue(run.divisor("c/F.java").canBeZero(), "a superclass outside the run may declare it, shadowing the import");
  }

  @Test
  void oneSimpleNameInTwoPackagesResolvesThroughImportsOnly() {
    Run run = new Run("a/Scale.java", """
        package a;
        public final class Scale { public static double of(double x) { return Math.max(x, 2); } }
        """, "b/Scale.java", """
        package b;
        public final class Scale { public static double of(double x) { return x; } }
        """, "c/One.java", """
        package c;
        import a.Scale;
        class One { double f(double x, double y) { return x / Scale.of(y); } }
        """, "c/Both.java", """
        package c;
        import a.*;
        import b.*;
        class Both { double f(double x, double y) { return x / Scale.of(y); } }
        """, "b/Same.java", """
        package b;
        class Same { double f(double x, double y) { return x / Scale.of(y); } }
        """);
    assertEquals(2.0, run.divisor("c/One.java").lo());
    assertEquals(Optional.empty(), run.resolved("c/Both.java", "of"), "two on-demand imports offer the name");
    assertEquals(Optional.of("double"), run.resolved("b/Same.java", "of"));
    assertTrue(run.divisor("b/Same.java").canBeZero(), "b.Scale.of returns its argument");
  }

  @Test
  void thePlanChecksAgainOnlyFilesWhoseOperandsCallAnotherFilesMethod() {
    Run run = new Run("u/Util.java", """
        package u;
        public final class Util {
          public static int batches(int n, int b) { return n / b; }
          public static String name() { return "u"; }
        }
        """, "c/Uses.java", """
        package c;
        import u.Util;
        class Uses { double f(double t, int n, int b) { return t / Util.batches(n, b); } }
        """, "c/Prints.java", """
        package c;
        import u.Util;
        class Prints { String f() { return Util.name(); } }
        """, "c/Own.java", """
        package c;
        class Own {
          static int batches(int n, int b) { return n / b; }
          double f(double t, int n, int b) { return t / batches(n, b); }
        }
        """);
    assertEquals(Set.of("c/Uses.java"), run.plan.dependents());
    assertEquals(Set.of("u/Util.java"), run.plan.calleeFiles());
    NumFact f = run.divisor("c/Uses.java");
    assertTrue(f.canBeZero() && f.has(NumFact.Tag.TRUNCATED_QUOTIENT), f::toString);
    assertTrue(f.evidence().get(0).reason().startsWith("Util.batches(...) returns a value that can be 0 (Util.java line 3)"),
        () -> f.evidence().get(0).reason());
  }
}
