package dev.nanlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.rules.BuiltInRules;
import dev.nanlint.engine.Config;
import dev.nanlint.engine.Edits;
import dev.nanlint.engine.Finding;
import dev.nanlint.engine.Linter;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoublePredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The promise of docs/fix.md, checked by running the code: a mechanical fix gives exactly the original
 * result wherever the guarded operand is outside its band (|d| ≥ eps, p ≥ eps, a count ≥ 1, v ≥ 0), and
 * a finite result inside it. For each kind of edit a small class is linted, the rule's own edit applied,
 * and the original and the fixed class compiled with javac and called on edge values (0, -0.0, ±tiny,
 * ±1e-13, ±1e-12 and its neighbours, ±1, integers, huge, ±Infinity, NaN) and on seeded random inputs.
 * Outside the band the results must be bit-identical ({@code Double.compare == 0}, so NaN stays NaN and
 * -0.0 stays -0.0); inside it they must be finite whenever the other inputs are moderate (finite,
 * |x| ≤ 1e6: {@code 1e300 / eps} overflows whatever the guard). ND4J's {@code Transforms.max} clamps are
 * the same arithmetic element by element and are not run here (they need ND4J's native backend).
 */
class FixPropertyTest {
  private static final Linter LINTER = new Linter(BuiltInRules.all(), Config.defaults());
  private static final int RANDOM_INPUTS = 4000;

  private static final double D_EPS = 1e-12;
  private static final double F_EPS = 1e-7f;

  private static final double[] DOUBLE_EDGES = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-300, -1e-300,
      1e-13, -1e-13, 1e-12, -1e-12, Math.nextDown(1e-12), Math.nextUp(1e-12), 1e-9, 1e-7, 1e-3, 0.5,
      1 - 1e-12, Math.nextDown(1.0), 1.0, -1.0, Math.nextUp(1.0), 2.0, 3.0, -7.0, 42.0, 1e6, 1e300, -1e300,
      Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
  private static final float[] FLOAT_EDGES = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-38f, 1e-13f,
      1e-12f, 1e-8f, -1e-8f, 1e-7f, -1e-7f, Math.nextDown(1e-7f), Math.nextUp(1e-7f), 1e-3f, 0.5f, 1 - 1e-7f,
      Math.nextDown(1f), 1f, -1f, Math.nextUp(1f), 2f, 3f, -7f, 42f, 1e6f, 1e30f, -1e30f, Float.MAX_VALUE,
      Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};
  private static final int[] INT_EDGES = {0, 1, 2, 3, 7, 10, 1000, 1 << 24, (1 << 24) + 1, Integer.MAX_VALUE / 2,
      Integer.MAX_VALUE};

  private static final Predicate<Object> FINITE = r -> r instanceof Double d ? Double.isFinite(d)
      : r instanceof Float f && Float.isFinite(f);
  private static final DoublePredicate ANY = o -> true;
  private static final DoublePredicate NOT_NEGATIVE = o -> !(o < 0); // what the analysis shows; NaN included

  /**
   * One kind of edit: a class whose {@code eval} holds the flagged expression and whose {@code operand},
   * with the same parameters, returns the guarded operand; the edit the rule must make; the band; the
   * operands the edit claims to handle (the sign the rule's analysis established); what a result inside
   * the band must be.
   */
  record Kind(String name, String source, String edit, DoublePredicate band, DoublePredicate domain,
      Predicate<Object> inside) {
    Kind(String name, String source, String edit, DoublePredicate band, DoublePredicate domain) {
      this(name, source, edit, band, domain, FINITE);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static List<Kind> kinds() {
    return List.of(
        new Kind("Normalise", """
            class Normalise {
              static double eval(double x, double norm) { return x / norm; }
              static double operand(double x, double norm) { return norm; }
            }""", "x / Math.max(norm, 1e-12)", o -> o < D_EPS, NOT_NEGATIVE),
        new Kind("NormaliseFloat", """
            class NormaliseFloat {
              static float eval(float x, float norm) { return x / norm; }
              static double operand(float x, float norm) { return norm; }
            }""", "x / Math.max(norm, 1e-7f)", o -> o < F_EPS, NOT_NEGATIVE),
        new Kind("NormaliseInPlace", """
            class NormaliseInPlace {
              static double eval(double x, double norm) { x /= norm; return x; }
              static double operand(double x, double norm) { return norm; }
            }""", "x /= Math.max(norm, 1e-12)", o -> o < D_EPS, NOT_NEGATIVE),
        new Kind("NormaliseInPlaceFloat", """
            class NormaliseInPlaceFloat {
              static float eval(float x, float norm) { x /= norm; return x; }
              static double operand(float x, float norm) { return norm; }
            }""", "x /= Math.max(norm, 1e-7f)", o -> o < F_EPS, NOT_NEGATIVE),
        new Kind("NormaliseOwnEpsilon", """
            class NormaliseOwnEpsilon {
              private static final double EPSILON = 1e-9;
              static double eval(double x, double total) { return x / (total); }
              static double operand(double x, double total) { return total; }
            }""", "x / Math.max(total, EPSILON)", o -> o < 1e-9, NOT_NEGATIVE),
        new Kind("RateMetrics", """
            class RateMetrics {
              static double eval(int hits, int total) { return hits / (double) total; }
              static double operand(int hits, int total) { return total; }
            }""", "hits / (double) Math.max(total, 1)", o -> o < 1, NOT_NEGATIVE),
        new Kind("ParenthesisedRateMetrics", """
            class ParenthesisedRateMetrics {
              static double eval(int hits, int total) { return hits / (double) ( total ); }
              static double operand(int hits, int total) { return total; }
            }""", "hits / (double) Math.max(total, 1)", o -> o < 1, NOT_NEGATIVE),
        new Kind("RmsProp", """
            class RmsProp {
              private final double[] cache = new double[1];
              double step(double g) { cache[0] += g * g; return g / Math.sqrt(cache[0]); }
              static double eval(double g) { return new RmsProp().step(g); }
              static double operand(double g) { return Math.sqrt(0.0 + g * g); }
            }""", "g / Math.max(Math.sqrt(cache[0]), 1e-12)", o -> o < D_EPS, ANY),
        new Kind("RmsPropFloat", """
            class RmsPropFloat {
              private final float[] cache = new float[1];
              float step(float g) { cache[0] += g * g; return g / (float) Math.sqrt(cache[0]); }
              static float eval(float g) { return new RmsPropFloat().step(g); }
              static double operand(float g) { float c = 0f + g * g; return (float) Math.sqrt(c); }
            }""", "g / Math.max((float) Math.sqrt(cache[0]), 1e-7f)", o -> o < F_EPS, ANY),
        new Kind("CrossEntropy", """
            class CrossEntropy {
              static double eval(double p) { return -Math.log(p); }
              static double operand(double p) { return p; }
            }""", "Math.log(Math.max(p, 1e-12))", o -> o < D_EPS, ANY),
        new Kind("CrossEntropyFloat", """
            class CrossEntropyFloat {
              static double eval(float p) { return -Math.log10(p); }
              static double operand(float p) { return p; }
            }""", "Math.log10(Math.max(p, 1e-7f))", o -> o < F_EPS, ANY),
        new Kind("BinaryCrossEntropy", """
            class BinaryCrossEntropy {
              static double eval(double p) { return -Math.log1p(-p); }
              static double operand(double p) { return p; }
            }""", "Math.log1p(-Math.min(p, 1 - 1e-12))", o -> o > 1 - D_EPS, ANY),
        new Kind("BinaryCrossEntropyFloat", """
            class BinaryCrossEntropyFloat {
              static double eval(float p) { return -Math.log1p(-p); }
              static double operand(float p) { return p; }
            }""", "Math.log1p(-Math.min(p, 1 - 1e-7f))", o -> o > 1 - (float) F_EPS, ANY),
        new Kind("BinaryCrossEntropyTinyEpsilon", """
            class BinaryCrossEntropyTinyEpsilon {
              private static final double EPS = 1e-20; // 1 - EPS is 1.0: not usable here
              static double eval(double p) { return -Math.log1p(-p); }
              static double operand(double p) { return p; }
            }""", "Math.log1p(-Math.min(p, 1 - 1e-12))", o -> o > 1 - D_EPS, ANY),
        new Kind("Variance", """
            class Variance {
              static double eval(double meanOfSquares, double mean) { return Math.sqrt(meanOfSquares - mean * mean); }
              static double operand(double meanOfSquares, double mean) { return meanOfSquares - mean * mean; }
            }""", "Math.sqrt(Math.max(meanOfSquares - mean * mean, 0.0))", o -> Double.compare(o, 0.0) < 0, ANY),
        new Kind("VarianceFloat", """
            class VarianceFloat {
              static double eval(float meanOfSquares, float mean) { return Math.sqrt(meanOfSquares - mean * mean); }
              static double operand(float meanOfSquares, float mean) { return meanOfSquares - mean * mean; }
            }""", "Math.sqrt(Math.max(meanOfSquares - mean * mean, 0.0))", o -> Double.compare(o, 0.0) < 0, ANY),
        new Kind("DivergedCheck", """
            class DivergedCheck {
              static boolean eval(double loss) { return loss == Double.NaN; }
              static double operand(double loss) { return loss; }
            }""", "Double.isNaN(loss)", Double::isNaN, ANY, Boolean.TRUE::equals),
        new Kind("HealthyCheck", """
            class HealthyCheck {
              static boolean eval(double loss) { return Double.NaN != loss; }
              static double operand(double loss) { return loss; }
            }""", "!Double.isNaN(loss)", Double::isNaN, ANY, Boolean.FALSE::equals),
        new Kind("DivergedCheckFloat", """
            class DivergedCheckFloat {
              static boolean eval(float loss) { return loss == Float.NaN; }
              static double operand(float loss) { return loss; }
            }""", "Float.isNaN(loss)", Double::isNaN, ANY, Boolean.TRUE::equals),
        new Kind("DivergedCheckFloatNaNOfDouble", """
            class DivergedCheckFloatNaNOfDouble {
              static boolean eval(double loss) { return loss == Float.NaN; }
              static double operand(double loss) { return loss; }
            }""", "Double.isNaN(loss)", Double::isNaN, ANY, Boolean.TRUE::equals));
  }

  @TempDir
  static Path dir;
  private static ClassLoader before;
  private static ClassLoader after;

  /** Lints every kind, applies its edit, and compiles all originals and all fixed classes once. */
  @BeforeAll
  static void compileOriginalsAndFixes() throws IOException {
    Map<String, String> original = new LinkedHashMap<>();
    Map<String, String> fixed = new LinkedHashMap<>();
    for (Kind kind : kinds()) {
      original.put(kind.name(), kind.source());
      fixed.put(kind.name(), Edits.apply(kind.source(), LINTER.lint(kind.name() + ".java", kind.source()).findings()).text());
    }
    before = compile("before", original);
    after = compile("after", fixed);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void theRuleMakesTheExpectedEdit(Kind kind) {
    List<Finding> edits = LINTER.lint(kind.name() + ".java", kind.source()).findings().stream()
        .filter(Finding::hasEdit).toList();
    assertEquals(1, edits.size(), () -> "edits in " + kind.name() + ": " + edits);
    assertTrue(edits.get(0).edit().replacement().contains(kind.edit()), edits.get(0).edit()::replacement);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void theFixChangesOnlyTheDangerZone(Kind kind) throws ReflectiveOperationException {
    Check check = check(kind, before, after);
    assertTrue(check.violations().isEmpty(), () -> kind.name() + ": " + check.violations().size()
        + " results the fix must keep changed, or are not finite inside the band:\n" + check.firstFew());
    assertTrue(check.outside() > 100, kind.name() + ": too few inputs outside the band: " + check.outside());
    assertTrue(check.inside() > 0, kind.name() + ": no input inside the band");
  }

  /** The check can fail: the old division fix, {@code d + 1e-12}, changes the results it must keep. */
  @Test
  void theCheckRejectsAddingEpsilonToTheDenominator() throws Exception {
    Kind kind = kinds().get(0);
    String plus = kind.source().replace("x / norm", "x / (norm + 1e-12)");
    Check check = check(kind, before, compile("plus", Map.of(kind.name(), plus)));
    // 1 / (1 + 1e-12) is 0.999999999999, not 1: the perfect classifier's precision of issue 16
    assertTrue(check.violations().stream().anyMatch(v -> v.startsWith("(1.0, 1.0): 1.0 became 0.99999999999")),
        check::firstFew);
  }

  /** The check can fail: Math.max on a divisor that can be negative turns x / -5 into x / eps. */
  @Test
  void theCheckRejectsMaxOnASignedDenominator() throws Exception {
    Kind kind = kinds().get(0);
    Kind signed = new Kind(kind.name(), kind.source(), kind.edit(), o -> Math.abs(o) < D_EPS, ANY);
    Check check = check(signed, before, after);
    assertTrue(check.violations().stream().anyMatch(v -> v.startsWith("(1.0, -1.0): -1.0 became ")),
        check::firstFew);
  }

  /** Where the analysis does not show the operand's sign, or no guard keeps the promise: advice, no edit. */
  @Test
  void signedOrUncertainOperandsGetAdviceOnly() {
    String source = """
        class Scaling {
          static double minMax(double x, double min, double max) { return (x - min) / (max - min); }
          static double mean(double sum, int n) { return sum / n; }
          static double logRatio(double a, double b) { return Math.log(a - b); }
          static double logSpread(double hi, double lo) { double spread = hi - lo; return Math.log(spread); }
          static double grow(double base, double p) { return Math.pow(base - 1, -p); }
        }""";
    List<Finding> findings = LINTER.lint("Scaling.java", source).findings();
    assertTrue(findings.stream().anyMatch(f -> f.rule().equals("UnguardedDivision") && f.line() == 2), findings::toString);
    assertTrue(findings.stream().anyMatch(f -> f.rule().equals("UnguardedDivision") && f.line() == 3), findings::toString);
    assertTrue(findings.stream().anyMatch(f -> f.rule().equals("UnguardedLog")), findings::toString);
    for (Finding f : findings) {
      assertNull(f.edit(), () -> f.line() + " [" + f.rule() + "] " + f.fix());
      assertFalse(f.fix().isBlank(), f::toString);
    }
  }

  // ---- the check -------------------------------------------------------------------------------

  /** Violations, worded "(inputs): original became fixed", and how many inputs fell outside and inside the band. */
  record Check(List<String> violations, int outside, int inside) {
    String firstFew() {
      return String.join("\n", violations.subList(0, Math.min(10, violations.size())));
    }
  }

  private static Check check(Kind kind, ClassLoader original, ClassLoader fixed) throws ReflectiveOperationException {
    Method eval = method(original, kind, "eval");
    Method evalFixed = method(fixed, kind, "eval");
    Method operand = method(original, kind, "operand");
    List<String> violations = new ArrayList<>();
    int outside = 0;
    int inside = 0;
    for (Object[] args : inputs(eval.getParameterTypes())) {
      double o = ((Number) call(operand, args)).doubleValue();
      if (!kind.domain().test(o)) {
        continue;
      }
      Object was = call(eval, args);
      Object is = call(evalFixed, args);
      if (kind.band().test(o)) {
        inside++;
        if (moderate(args) && !kind.inside().test(is)) {
          violations.add(show(args) + ": inside the band, " + was + " became " + is);
        }
      } else {
        outside++;
        if (!same(was, is)) {
          violations.add(show(args) + ": " + was + " became " + is);
        }
      }
    }
    return new Check(violations, outside, inside);
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Double x && b instanceof Double y) {
      return Double.compare(x, y) == 0;
    }
    if (a instanceof Float x && b instanceof Float y) {
      return Float.compare(x, y) == 0;
    }
    return a.equals(b); // booleans; a changed type would differ here too
  }

  private static boolean moderate(Object[] args) {
    for (Object a : args) {
      double v = ((Number) a).doubleValue();
      if (!(Math.abs(v) <= 1e6)) {
        return false;
      }
    }
    return true;
  }

  /** Every combination of edge values, then seeded random inputs. */
  private static List<Object[]> inputs(Class<?>[] types) {
    List<Object[]> out = new ArrayList<>();
    combine(types, 0, new Object[types.length], out);
    Random random = new Random(16);
    for (int i = 0; i < RANDOM_INPUTS; i++) {
      Object[] args = new Object[types.length];
      for (int k = 0; k < types.length; k++) {
        args[k] = randomValue(types[k], random);
      }
      out.add(args);
    }
    return out;
  }

  private static void combine(Class<?>[] types, int k, Object[] prefix, List<Object[]> out) {
    if (k == types.length) {
      out.add(prefix.clone());
      return;
    }
    for (Object edge : edges(types[k])) {
      prefix[k] = edge;
      combine(types, k + 1, prefix, out);
    }
  }

  private static List<Object> edges(Class<?> type) {
    if (type == double.class) {
      return java.util.Arrays.stream(DOUBLE_EDGES).boxed().map(Object.class::cast).toList();
    }
    if (type == float.class) {
      List<Object> out = new ArrayList<>();
      for (float f : FLOAT_EDGES) {
        out.add(f);
      }
      return out;
    }
    return java.util.Arrays.stream(INT_EDGES).boxed().map(Object.class::cast).toList();
  }

  private static Object randomValue(Class<?> type, Random random) {
    if (type == int.class) {
      return random.nextBoolean() ? random.nextInt(20) : random.nextInt(Integer.MAX_VALUE);
    }
    double v = switch (random.nextInt(5)) {
      case 0 -> DOUBLE_EDGES[random.nextInt(DOUBLE_EDGES.length)];
      case 1 -> (random.nextBoolean() ? 1 : -1) * Math.pow(10, -40 + 80 * random.nextDouble()); // log-uniform
      case 2 -> random.nextInt(201) - 100;
      case 3 -> (type == float.class ? F_EPS : D_EPS) * Math.pow(2, 3 * random.nextGaussian()); // around eps
      default -> random.nextGaussian();
    };
    return type == float.class ? (Object) (float) v : (Object) v;
  }

  private static Object call(Method m, Object[] args) throws ReflectiveOperationException {
    try {
      return m.invoke(null, args);
    } catch (InvocationTargetException e) {
      throw new AssertionError(m + " threw on " + show(args), e.getCause());
    }
  }

  private static String show(Object[] args) {
    return Stream.of(args).map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
  }

  private static Method method(ClassLoader loader, Kind kind, String name) throws ClassNotFoundException {
    Class<?> c = Class.forName(packageOf(loader) + "." + kind.name(), true, loader);
    Method m = Stream.of(c.getDeclaredMethods()).filter(d -> d.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(kind.name() + " has no " + name));
    m.setAccessible(true); // the generated classes are package-private
    return m;
  }

  private static final Map<ClassLoader, String> PACKAGES = new java.util.concurrent.ConcurrentHashMap<>();

  private static String packageOf(ClassLoader loader) {
    return PACKAGES.get(loader);
  }

  /** Compiles the classes into package {@code pkg} with javac; a compile error (a fix that changed a type) fails the test. */
  private static ClassLoader compile(String pkg, Map<String, String> classes) throws IOException {
    Path src = dir.resolve("src-" + pkg).resolve(pkg);
    Path out = dir.resolve("classes-" + pkg);
    Files.createDirectories(src);
    Files.createDirectories(out);
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> c : classes.entrySet()) {
      Path file = src.resolve(c.getKey() + ".java");
      Files.writeString(file, "package " + pkg + ";\n" + c.getValue(), StandardCharsets.UTF_8);
      files.add(file);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      boolean ok = javac.getTask(null, fm, diagnostics, List.of("-d", out.toString(), "-proc:none"), null,
          fm.getJavaFileObjectsFromPaths(files)).call();
      assertTrue(ok, () -> pkg + " does not compile: " + diagnostics.getDiagnostics() + "\n"
          + classes.values().stream().collect(Collectors.joining("\n")));
    }
    ClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, FixPropertyTest.class.getClassLoader());
    PACKAGES.put(loader, pkg);
    return loader;
  }
}
