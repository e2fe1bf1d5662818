package dev.nanlint.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import dev.nanlint.analysis.Consequences.Fate;
import org.junit.jupiter.api.Test;

class ConsequencesTest {
  private static final String SOURCE = """
      class C {
        double best;
        double returned(double a, double b) { return a / b; }
        boolean compared(double a, double b, double t) { return a / b > t; }
        void comparedThroughArithmetic(double a, double b) { if (2 * (a / b) + 1 >= best) best = 0; }
        void comparedThroughLocal(double a, double b) {
          double gain = a / b;
          if (gain > best) { best = 1; }
        }
        void comparedAndStored(double a, double b) {
          double gain = a / b;
          if (gain > best) { best = gain; }
        }
        void neverRead(double a, double b) { double unused = a / b; }
        void loopTest(double a, double b, double min) {
          double dev = 1;
          while (dev > min) { dev = a / b; a = a / 2; }
        }
        double copies(double a, double b) { double r = a / b; double s = r; return s; }
        void accumulated(double a, double b, double t) { double s = 0; s += a / b; if (s > t) best = 1; }
        double accumulatedAndReturned(double a, double b) { double s = 0; s += a / b; s += 1; return s; }
        int rounded(double a, double b) { return (int) Math.round(a / b * 255); }
        long cast(double a, double b) { double r = a / b; return (long) r; }
        double sentinel(double a, double b, int n) { if (n < 2) return Double.NaN; return a / b; }
        double sentinelInLambdaOnly(double a, double b) {
          java.util.function.DoubleSupplier f = () -> Double.NaN;
          return a / b;
        }
        void field(double a, double b) { best = a / b; }
        double picked(double a, double b, boolean p) { return p ? a / b : 0; }
        void lambda(double a, double b) { double r = a / b; Runnable x = () -> System.out.println(r); }
        double sibling(double a, double b) { final double v = a / b, w = Math.log(v); return w; }
        int floored(double a, double b) { return (int) Math.floor(Math.log(a / b) / Math.log(2)); }
        double capped(double a, double b) { return Math.min(a / b, 10); }
        boolean comparedAfterAbs(double a, double b) { return Math.abs(a / b) > 1; }
        double guardBeforeStore(double a, double b, double x) {
          double sd = 1;
          if (sd > 0) { sd = a / b; return x / sd; }
          return 0;
        }
        void guardedUse(double a, double b, double[] row) {
          double den = a / b;
          if (den > 0 && row.length > 1) { row[0] /= den; }
        }
        void elementGuarded(double a, double b, double[][] x, int n) {
          double[] sd = new double[n];
          for (int j = 0; j < n; j++) { sd[j] += x[0][j]; }
          for (int j = 0; j < sd.length; j++) { sd[j] = Math.sqrt(sd[j] - 1) + a / b; }
          for (double[] row : x) { for (int j = 0; j < n; j++) { if (sd[j] > 0) { row[j] /= sd[j]; } } }
        }
        void elementCompared(double a, double b, int n) {
          double[] g = new double[n];
          g[0] = a / b;
          if (g[0] > best) { best = 0; }
        }
        void elementUnguarded(double a, double b, double[][] x, int n) {
          double[] sd = new double[n];
          for (int j = 0; j < n; j++) { sd[j] = a / b; }
          for (double[] row : x) { for (int j = 0; j < n; j++) { if (sd[0] > 0) { row[j] /= sd[j]; } } }
        }
        double[] arrayReturned(double a, double b, int n) { double[] r = new double[n]; r[0] = a / b; return r; }
        void arrayPassed(double a, double b, int n) { double[] r = new double[n]; r[0] = a / b; java.util.Arrays.sort(r); }
        void someoneElsesArray(double a, double b, double[][] x) { for (double[] row : x) { row[0] = a / b; } }
        double aliasedBeforeTheStore(double a, double b) { double[] g = new double[1]; double[] alias = g; g[0] = a / b; return alias[0]; }
        void listedBeforeTheStore(double a, double b, java.util.List<double[]> keep) { double[] g = new double[1]; keep.add(g); g[0] = a / b; }
        double readByAnAnonymousClass(double a, double b) {
          double[] g = new double[1];
          java.util.function.DoubleSupplier s = new java.util.function.DoubleSupplier() {
            public double getAsDouble() { return g[0]; }
          };
          g[0] = a / b;
          return s.getAsDouble();
        }
        void readEarlierInTheLoop(double a, double b, double[] out, int n) {
          double[] g = new double[n];
          for (int i = 1; i < n; i++) { out[i] = g[i - 1]; g[i] = a / b; }
        }
      }
      """;

  private final CompilationUnit unit = StaticJavaParser.parse(SOURCE);
  private final Consequences consequences = new Analysis(unit).consequences();

  private Fate fateIn(String method) {
    MethodDeclaration m = unit.findFirst(MethodDeclaration.class, d -> d.getNameAsString().equals(method)).orElseThrow();
    BinaryExpr division = m.findFirst(BinaryExpr.class, b -> b.getOperator() == BinaryExpr.Operator.DIVIDE
        && b.getLeft().toString().equals("a") && b.getRight().toString().equals("b")).orElseThrow();
    return consequences.of(division).fate();
  }

  @Test
  void aValueThatOnlyDecidesABranch() {
    assertEquals(Fate.ONLY_COMPARED, fateIn("compared"));
    assertEquals(Fate.ONLY_COMPARED, fateIn("comparedThroughArithmetic"));
    assertEquals(Fate.ONLY_COMPARED, fateIn("comparedThroughLocal"));
    assertEquals(Fate.ONLY_COMPARED, fateIn("loopTest"));
    assertEquals(Fate.ONLY_COMPARED, fateIn("accumulated")); // s += v carries v into s, which is only compared
  }

  @Test
  void aValueConvertedToAnInteger() {
    assertEquals(Fate.CONVERTED, fateIn("rounded"));
    assertEquals(Fate.CONVERTED, fateIn("cast"));
    assertEquals(Fate.CONVERTED, fateIn("floored")); // Math.floor keeps NaN, the cast converts it
  }

  @Test
  void mathFunctionsCarryTheValue() {
    assertEquals(Fate.ONLY_COMPARED, fateIn("comparedAfterAbs"));
    assertEquals(Fate.REACHES_RESULT, fateIn("capped")); // min caps Infinity but NaN goes through
  }

  @Test
  void aValueReturnedByAMethodThatReturnsNaNOnPurpose() {
    assertEquals(Fate.NAN_BY_CONTRACT, fateIn("sentinel"));
    assertEquals(Fate.REACHES_RESULT, fateIn("sentinelInLambdaOnly")); // the lambda's NaN is not the method's
  }

  /** A NaN fails {@code den > 0}, an Infinity passes it: the guarded read is out of reach of a NaN alone. */
  @Test
  void aReadGuardedByAComparisonIsOutOfReachOfANaNButNotOfAnInfinity() {
    MethodDeclaration m = unit.findFirst(MethodDeclaration.class, d -> d.getNameAsString().equals("guardedUse")).orElseThrow();
    BinaryExpr division = m.findFirst(BinaryExpr.class, b -> b.getOperator() == BinaryExpr.Operator.DIVIDE).orElseThrow();
    assertEquals(Fate.GUARDED, consequences.ofNaN(division).fate());
    assertEquals("den > 0", consequences.ofNaN(division).firstComparison());
    assertEquals(Fate.REACHES_RESULT, consequences.of(division).fate());
    // if (gain > best) best = gain: a NaN is never stored, an Infinity is
    BinaryExpr stored = unit.findFirst(MethodDeclaration.class, d -> d.getNameAsString().equals("comparedAndStored"))
        .orElseThrow().findFirst(BinaryExpr.class, b -> b.getOperator() == BinaryExpr.Operator.DIVIDE).orElseThrow();
    assertEquals(Fate.GUARDED, consequences.ofNaN(stored).fate());
    assertEquals(Fate.REACHES_RESULT, consequences.of(stored).fate());
    // the comparison ran before the NaN was stored: it guards nothing
    BinaryExpr late = unit.findFirst(MethodDeclaration.class, d -> d.getNameAsString().equals("guardBeforeStore"))
        .orElseThrow().findFirst(BinaryExpr.class, b -> b.getOperator() == BinaryExpr.Operator.DIVIDE).orElseThrow();
    assertEquals(Fate.REACHES_RESULT, consequences.ofNaN(late).fate());
  }

  /** The same for an element of an array the method creates: every read of it is followed, the index must match the guard's. */
  @Test
  void anElementOfALocalArrayIsFollowedThroughItsReads() {
    assertEquals(Fate.GUARDED, nanFateIn("elementGuarded")); // its length and the loop reading it before the store do not count
    assertEquals(Fate.REACHES_RESULT, fateIn("elementGuarded")); // an Infinity passes sd[j] > 0
    assertEquals(Fate.ONLY_COMPARED, fateIn("elementCompared"));
    assertEquals(Fate.REACHES_RESULT, nanFateIn("elementUnguarded")); // sd[0] > 0 does not guard sd[j]
    for (String m : new String[] {"arrayReturned", "arrayPassed", "someoneElsesArray", "readEarlierInTheLoop",
        "aliasedBeforeTheStore", "listedBeforeTheStore", "readByAnAnonymousClass"}) {
      assertEquals(Fate.REACHES_RESULT, fateIn(m), m);
    }
  }

  private Fate nanFateIn(String method) {
    MethodDeclaration m = unit.findFirst(MethodDeclaration.class, d -> d.getNameAsString().equals(method)).orElseThrow();
    BinaryExpr division = m.findFirst(BinaryExpr.class, b -> b.getOperator() == BinaryExpr.Operator.DIVIDE
        && b.getLeft().toString().equals("a") && b.getRight().toString().equals("b")).orElseThrow();
    return consequences.ofNaN(division).fate();
  }

  @Test
  void aValueNobodyReads() {
    assertEquals(Fate.NEVER_READ, fateIn("neverRead"));
  }

  @Test
  void aValueThatReachesAResult() {
    for (String m : new String[] {"returned", "comparedAndStored", "copies", "accumulatedAndReturned", "field", "picked", "lambda", "sibling"}) {
      assertEquals(Fate.REACHES_RESULT, fateIn(m), m);
    }
  }

  @Test
  void theComparisonIsNamed() {
    MethodDeclaration m = unit.findFirst(MethodDeclaration.class, d -> d.getNameAsString().equals("comparedThroughLocal")).orElseThrow();
    BinaryExpr division = m.findFirst(BinaryExpr.class, b -> b.getOperator() == BinaryExpr.Operator.DIVIDE).orElseThrow();
    assertEquals("gain > best", consequences.of(division).firstComparison());
  }

  private static final String LOGS = """
      class L {
        static final boolean DEBUG = false;
        float pruned(double p, double q) {
          double logP = Math.log(p);
          double score = logP + Math.log(q);
          if (DEBUG) System.err.println(score);
          return score > -100.0 ? (float) score : Float.NEGATIVE_INFINITY;
        }
        double kept(double p, double[] out) {
          double logP = Math.log(p);
          if (logP > -50) { out[0] = logP - 1; }
          return 0;
        }
        double negated(double p) {
          double cost = -Math.log(p);
          return cost > -100.0 ? cost : 0;
        }
        double wrongWay(double p) {
          double logP = Math.log(p);
          return logP < 0 ? logP : 0;
        }
        static final double FLOOR = Double.NEGATIVE_INFINITY;
        double namedFloor(double p) {
          double logP = Math.log(p);
          return logP >= FLOOR ? logP : -100;
        }
        double constantFloor(double p) {
          double logP = Math.log(p);
          return logP >= -50 ? logP : -100;
        }
        double printed(double p) {
          double logP = Math.log(p);
          System.err.println(logP);
          return logP > -100 ? logP : -100;
        }
      }
      """;

  private Fate logFateIn(String method) {
    return callFateIn(LOGS, method, true);
  }

  /** The fate of the first log (as {@code ofMinusInfinity}) or sqrt (as {@code ofNaN}) in {@code method} of {@code source}. */
  private static Fate callFateIn(String source, String method, boolean log) {
    CompilationUnit unit = StaticJavaParser.parse(source);
    MethodDeclaration m = unit.findFirst(MethodDeclaration.class, d -> d.getNameAsString().equals(method)).orElseThrow();
    com.github.javaparser.ast.expr.MethodCallExpr call = m.findFirst(com.github.javaparser.ast.expr.MethodCallExpr.class,
        c -> c.getNameAsString().equals(log ? "log" : "sqrt")).orElseThrow();
    Consequences c = new Analysis(unit).consequences();
    return log ? c.ofMinusInfinity(call).fate() : c.ofNaN(call).fate();
  }

  /**
   * A log's -Infinity (or NaN) fails {@code v > c}: a read only that comparison lets through is out of its reach,
   * while the value is only added to on the way (a negation turns it into +Infinity, which passes); a print in
   * a branch compiled out does not count.
   */
  @Test
  void aLogsMinusInfinityStopsAtAComparisonThatWantsItGreater() {
    assertEquals(Fate.GUARDED, logFateIn("pruned"));
    assertEquals(Fate.GUARDED, logFateIn("kept"));
    assertEquals(Fate.REACHES_RESULT, logFateIn("negated"));
    assertEquals(Fate.REACHES_RESULT, logFateIn("wrongWay"));
    assertEquals(Fate.REACHES_RESULT, logFateIn("printed"));
    assertEquals(Fate.REACHES_RESULT, logFateIn("namedFloor"), "-Infinity >= FLOOR holds when FLOOR is -Infinity");
    assertEquals(Fate.GUARDED, logFateIn("constantFloor"));
  }

  private static final String CHECKS = """
      class K {
        double correlation(double n, double sxx, double sx, double sxy) {
          double divider = Math.sqrt(n * sxx - sx * sx) * Math.sqrt(n * sxx - sx * sx);
          double r = (n * sxy - sx * sx) / divider;
          if (r < 0 || Double.isNaN(r)) {
            return 0;
          }
          if (r > 1) return 1;
          return r;
        }
        double ternaryDefault(double x) { double r = Math.sqrt(x); return Double.isNaN(r) ? 0 : r; }
        boolean onlyChecked(double x) { double r = Math.sqrt(x); return Double.isNaN(r); }
        void usedBeforeTheExit(double x, double[] out) {
          double r = Math.sqrt(x);
          out[0] = r;
          if (Double.isNaN(r)) return;
          out[1] = r;
        }
        double exitInAnotherBranch(double x, boolean flag) {
          double r = Math.sqrt(x);
          if (flag) { if (Double.isNaN(r)) return 0; }
          return r;
        }
        double finiteLog(double p) { double l = Math.log(p); if (!Double.isFinite(l)) return 0; return l; }
        double nanCheckedLog(double p) { double l = Math.log(p); if (Double.isNaN(l)) return 0; return l; }
        boolean storedThenTested(double v, double[] out) {
          out[0] = Math.sqrt(v);
          if (out[1] < 0) return false;
          if (v > 1 || !Double.isFinite(out[0])) return false;
          return true;
        }
        void storedThenTestedThenThrows(double v, K k) {
          double r = k.best = Math.sqrt(v);
          if (Double.isNaN(r)) throw new IllegalStateException();
        }
        double storedTestedAfterAReturn(double v, K k, boolean early) {
          k.best = Math.sqrt(v);
          if (early) return k.best * 2;
          if (Double.isNaN(k.best)) return 0;
          return 1;
        }
        double repaired(double v, double[] out) { double r = Math.sqrt(v); if (Double.isNaN(r)) r = 0; out[0] = r; return r; }
        double repairedOfAnother(double v, double w) { double r = Math.sqrt(v); double q = w; if (Double.isNaN(r)) q = 0; return r + q; }
        double best;
      }
      """;

  private Fate checkedFateIn(String method, boolean log) {
    return callFateIn(CHECKS, method, log);
  }

  /**
   * A NaN mapped to a default where it is used: {@code Double.isNaN(r)} decides a branch as a comparison does, a
   * read it must fail to reach is guarded, and so is a read after {@code if (... || Double.isNaN(r)) return 0;}
   * in the same block. A -Infinity passes {@code isNaN} but not {@code isFinite}.
   */
  @Test
  void aNaNCheckKeepsTheNaNFromTheReadsItGuards() {
    assertEquals(Fate.GUARDED, checkedFateIn("correlation", false));
    assertEquals(Fate.GUARDED, checkedFateIn("ternaryDefault", false));
    assertEquals(Fate.ONLY_COMPARED, checkedFateIn("onlyChecked", false));
    assertEquals(Fate.REACHES_RESULT, checkedFateIn("usedBeforeTheExit", false));
    assertEquals(Fate.REACHES_RESULT, checkedFateIn("exitInAnotherBranch", false));
    assertEquals(Fate.GUARDED, checkedFateIn("finiteLog", true));
    assertEquals(Fate.REACHES_RESULT, checkedFateIn("nanCheckedLog", true));
  }

  /**
   * Stored, then tested by the same block, which signals the failure (a constant return, a throw): the NaN does not
   * go on. A bare {@code return} after the test leaves it in place ({@code usedBeforeTheExit}), and a return of a
   * computed value before the test lets it out.
   */
  @Test
  void aNaNStoredThenTestedByTheBlockThatSignalsTheFailureStops() {
    assertEquals(Fate.CHECKED_AFTER, checkedFateIn("storedThenTested", false));
    assertEquals(Fate.CHECKED_AFTER, checkedFateIn("storedThenTestedThenThrows", false));
    assertEquals(Fate.REACHES_RESULT, checkedFateIn("storedTestedAfterAReturn", false));
    assertEquals(Fate.REACHES_RESULT, checkedFateIn("usedBeforeTheExit", false));
  }

  /** A value replaced under a test that catches it ({@code if (Double.isNaN(r)) r = 0;}) is gone past the test. */
  @Test
  void aValueReplacedUnderATestIsGonePastIt() {
    assertEquals(Fate.GUARDED, checkedFateIn("repaired", false));
    assertEquals(Fate.REACHES_RESULT, checkedFateIn("repairedOfAnother", false), "the test replaces another local");
  }
}
