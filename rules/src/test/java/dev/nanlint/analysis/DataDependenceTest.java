package dev.nanlint.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.stmt.ReturnStmt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataDependenceTest {
  private static final String SOURCE = """
      class C {
        static final double[] COEFFICIENTS = {0.5, -0.25, 0.125};
        static final double SHIFT = 0.375;
        double scale;
        static double constant() { return 2 * SHIFT + 1; }
        static double index(int n) { double s = 0; for (int i = 0; i < n; i++) { s = (i - SHIFT) / (n + 0.25); } return s; }
        static double size(double[] x) { return x.length - 1.5; }
        static double element(double[] x) { return x[0] * 2; }
        static double realParameter(double p) { return p - 0.5; }
        double field() { return scale * 2; }
        static double constantArray(int k) { return COEFFICIENTS[k] * k; }
        static double pureHelper(int i, int n) { return quantile((i - SHIFT) / (n + 0.25)); }
        static double helperOfData(double[] x) { return quantile(x[0]); }
        static double quantile(double p) { double q = p - 0.5; double r = 0.18 - q * q; return q * (2 * r + 1) / (3 * r + 1); }
        static double impureHelper(int i) { return stateful(i); }
        static double stateful(int i) { return i * counter; }
        static double counter;
        static double draw(java.util.Random rnd) { return rnd.nextGaussian() * 2; }
        static double discreteDraw(java.util.Random rnd) { return rnd.nextInt(3); }
        static double forEach(double[] x) { double last = 0; for (double v : x) { last = v; } return last; }
        static double localArray(int n) { double[] m = new double[n]; for (int i = 0; i < n; i++) { m[i] = i * 0.5; } return m[0]; }
        static double filledArray(int n, double[] src) { double[] m = new double[n]; System.arraycopy(src, 0, m, 0, n); return m[0]; }
      }
      """;
  private static final CompilationUnit UNIT = StaticJavaParser.parse(SOURCE);
  private static final Analysis ANALYSIS = new Analysis(UNIT);

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "constant, true", "index, true", "size, true", "element, false", "realParameter, false", "field, false",
      "constantArray, true", "pureHelper, true", "helperOfData, false", "impureHelper, false", "draw, true",
      "discreteDraw, false", "forEach, false", "localArray, true", "filledArray, false"})
  void returnedValue(String method, boolean dataFree) {
    MethodDeclaration m = UNIT.findFirst(MethodDeclaration.class, d -> d.getNameAsString().equals(method)).orElseThrow();
    ReturnStmt ret = m.findAll(ReturnStmt.class).get(0);
    assertEquals(dataFree, ANALYSIS.dataDependence().isDataFree(ret.getExpression().orElseThrow(), m));
  }
}
