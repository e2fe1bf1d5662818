package dev.nanlint.analysis.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.analysis.facts.NumFact.Tag;
import org.junit.jupiter.api.Test;

/** The SameDiff handler: SDVariable arithmetic and reductions, sd.math() and sd.nn() ops. */
class SameDiffHandlerTest {
  private static final String IMPORTS = "import org.nd4j.autodiff.samediff.SDVariable;\n"
      + "import org.nd4j.autodiff.samediff.SameDiff;";

  private static NumFact returned(String params, String body) {
    return Snippet.of(IMPORTS, "", params, body).returned();
  }

  @Test
  void aDivisionByANormCanBeNaN() { // issue 17: "a SameDiff div by a norm"
    NumFact q = returned("SameDiff sd, SDVariable x", "SDVariable n = x.norm2(); return x.div(n);");
    assertTrue(q.canBeNaN(), q.toString());
    NumFact n = returned("SameDiff sd, SDVariable x", "return x.norm2();");
    assertTrue(n.has(Tag.NORM));
    assertTrue(n.canBeZero());
    assertFalse(n.canBeNegative());
    assertTrue(n.evidence().toString().contains("x.norm2() is 0 for a zero vector"), n.evidence().toString());
    NumFact named = returned("SameDiff sd, SDVariable x", "return x.div(\"out\", sd.norm2(x));");
    assertTrue(named.canBeNaN(), "a leading name is not an operand: " + named);
    NumFact guarded = returned("SameDiff sd, SDVariable x", "return sd.nn().softmax(x).div(x.norm2().add(1e-6));");
    assertFalse(guarded.canBeInfinite(), "a probability over a norm + 1e-6: " + guarded);
  }

  @Test
  void mathAndNnOpsAreTheNd4jOnes() {
    NumFact p = returned("SameDiff sd, SDVariable z", "return sd.nn().softmax(z);");
    assertTrue(p.isProbability(), p.toString());
    NumFact s = returned("SameDiff sd, SDVariable z", "return sd.nn.sigmoid(\"p\", z);");
    assertTrue(s.isProbability(), s.toString());
    NumFact log = returned("SameDiff sd, SDVariable z", "return sd.math().log(sd.nn().softmax(z));");
    assertEquals(Double.NEGATIVE_INFINITY, log.lo());
    NumFact clipped = returned("SameDiff sd, SDVariable z",
        "return sd.math().log(sd.math().clipByValue(sd.nn().softmax(z), 1e-7, 1.0));");
    assertTrue(clipped.lo() > -20, clipped.toString());
    NumFact sqrt = returned("SameDiff sd, SDVariable a, SDVariable b", "return sd.math.sqrt(a.sub(b));");
    assertTrue(sqrt.canBeNaN(), sqrt.toString());
  }

  @Test
  void sameDiffIsRecognisedByItsImport() {
    NumFact other = Snippet.of("import com.acme.SameDiff;", "", "SameDiff sd, Object z", "return sd.nn().softmax(z);")
        .returned();
    assertFalse(other.isProbability(), other.toString());
  }
}
