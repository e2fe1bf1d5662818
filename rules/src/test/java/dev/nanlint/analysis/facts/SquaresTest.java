package dev.nanlint.analysis.facts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.analysis.facts.NumFact.Tag;
import org.junit.jupiter.api.Test;

/** A variance by subtraction (a non-square minus a square) is tagged; other differences are not. */
class SquaresTest {
  private static final String ND4J = "import org.nd4j.linalg.api.ndarray.INDArray;";

  private static NumFact returned(String params, String body) {
    return Snippet.of("", "", params, body).returned();
  }

  @Test
  void aMeanOfSquaresMinusASquaredMeanCancels() {
    NumFact v = returned("double sumSq, double sum, int n", "return sumSq / n - (sum / n) * (sum / n);");
    assertTrue(v.has(Tag.CANCELLATION), v.toString());
    assertTrue(Squares.cancellation(v, "v").orElse("").contains("a variance computed by subtracting a square"),
        v.evidence().toString());
    assertTrue(Squares.cancellation(v, "v").orElse("").startsWith("sumSq / n - (sum / n) * (sum / n): "),
        "names the subtraction when the value shown is another expression: " + v.evidence());
    NumFact moments = returned("double n, double sumYY, double sumY", "return n * sumYY - sumY * sumY;");
    assertTrue(moments.has(Tag.CANCELLATION), moments.toString());
    NumFact pow = returned("double meanOfSquares, double mean", "return meanOfSquares - Math.pow(mean, 2);");
    assertTrue(pow.has(Tag.CANCELLATION), pow.toString());
  }

  @Test
  void theTagFollowsTheValueThroughLocalsAndScaling() {
    NumFact sample = returned("double sum, double sumSq, int n",
        "double var = (sumSq - sum * sum / n) / (n - 1); return 2 * var;");
    assertTrue(sample.has(Tag.CANCELLATION), sample.toString());
  }

  @Test
  void otherDifferencesDoNotCancel() {
    assertFalse(returned("double a, double b", "return a * a - b * b;").has(Tag.CANCELLATION),
        "a square minus a square");
    assertFalse(returned("double x, double mean", "return x - mean;").has(Tag.CANCELLATION));
    assertFalse(returned("double v", "return 1 - v * v;").has(Tag.CANCELLATION), "a constant minuend");
    NumFact summed = returned("double a, double b, double mean", "double s = a * a + b * b; return s - mean * mean;");
    assertTrue(summed.has(Tag.CANCELLATION), "a sum of squares is not itself a square: " + summed);
  }

  @Test
  void aCheckedVarianceIsNotNegative() {
    NumFact v = returned("double sumSq, double mean",
        "double var = sumSq - mean * mean; if (var < 0) { var = 0; } return var;");
    assertFalse(v.canBeNegative(), v.toString());
  }

  @Test
  void nd4jVarianceBySubtractionCancels() {
    NumFact v = Snippet.of(ND4J, "", "INDArray x",
        "INDArray mean = x.mean(0); return x.mul(x).mean(0).sub(mean.mul(mean));").returned();
    assertTrue(v.has(Tag.CANCELLATION), v.toString());
    NumFact squares = Snippet.of(ND4J, "", "INDArray a, INDArray b", "return a.mul(a).sub(b.mul(b));").returned();
    assertFalse(squares.has(Tag.CANCELLATION), squares.toString());
  }
}
