package dev.nanlint.analysis.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.analysis.facts.NumFact.Tag;
import org.junit.jupiter.api.Test;

/** Tribuo: normalizers (ExpNormalizer is a softmax), vector reductions and in-place changes. */
class TribuoHandlerTest {
  private static final String IMPORTS = "import org.tribuo.math.la.DenseVector;\nimport org.tribuo.math.la.SGDVector;\n"
      + "import org.tribuo.math.util.ExpNormalizer;\nimport org.tribuo.math.util.NoopNormalizer;\n"
      + "import org.tribuo.math.util.VectorNormalizer;";

  private static NumFact returned(String imports, String params, String body) {
    return Snippet.of(imports, "", params, body).returned();
  }

  @Test
  void expNormalizerIsASoftmax() {
    NumFact p = returned(IMPORTS, "double[] scores", "double[] p = new ExpNormalizer().normalize(scores); return p[0];");
    assertTrue(p.isProbability(), p.toString());
    assertTrue(p.canBeZero());
    NumFact inPlace = returned(IMPORTS, "double[] s", "ExpNormalizer n = new ExpNormalizer(); n.normalizeInPlace(s); return s[1];");
    assertTrue(inPlace.isProbability(), inPlace.toString());
    NumFact noop = returned(IMPORTS, "", "double[] s = {2.0, 3.0}; double[] p = new NoopNormalizer().normalize(s); return p[0];");
    assertEquals(2, noop.lo());
    NumFact unknown = returned(IMPORTS, "double[] s, VectorNormalizer n", "double[] p = n.normalize(s); return p[0];");
    assertFalse(unknown.isProbability(), "which normalizer is not known: " + unknown);
  }

  @Test
  void vectorReductionsAndInPlaceChanges() {
    NumFact norm = returned(IMPORTS, "DenseVector v", "return v.twoNorm();");
    assertTrue(norm.has(Tag.NORM));
    assertTrue(norm.canBeZero());
    assertFalse(norm.canBeNegative());
    NumFact normalized = returned(IMPORTS, "SGDVector v", "v.normalize(new ExpNormalizer()); return v.maxValue();");
    assertTrue(normalized.isProbability(), normalized.toString());
    NumFact scaled = returned(IMPORTS, "SGDVector v", "v.normalize(new ExpNormalizer()); v.scaleInPlace(2.0); return v.maxValue();");
    assertEquals(2, scaled.hi(), scaled.toString());
    NumFact sum = returned(IMPORTS, "DenseVector v", "v.normalize(new ExpNormalizer()); return v.sum();");
    assertTrue(sum.has(Tag.SUM_OF_NONNEGATIVES), sum.toString());
    NumFact variance = returned(IMPORTS, "DenseVector v", "return v.variance();");
    assertTrue(variance.has(Tag.SPREAD));
    assertTrue(variance.canBeZero());
  }
}
