package dev.nanlint.analysis.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.analysis.facts.NumFact.Precision;
import dev.nanlint.analysis.facts.NumFact.Tag;
import org.junit.jupiter.api.Test;

/** The ND4J handler through the evaluator: an INDArray's fact is its elements'. */
class Nd4jHandlerTest {
  private static final String IMPORTS = "import org.nd4j.linalg.api.ndarray.INDArray;\n"
      + "import org.nd4j.linalg.ops.transforms.Transforms;\nimport org.nd4j.linalg.factory.Nd4j;\n"
      + "import org.nd4j.linalg.indexing.BooleanIndexing;\nimport org.nd4j.linalg.indexing.conditions.Conditions;";
  private static final String MEMBERS = "void mutate(INDArray a) {}";

  private static NumFact returned(String params, String body) {
    return Snippet.of(IMPORTS, MEMBERS, params, body).returned();
  }

  @Test
  void softmaxAndSigmoidElementsAreProbabilitiesReachingBothEnds() {
    for (String f : new String[] {"softmax", "sigmoid"}) {
      NumFact p = returned("INDArray z", "INDArray p = Transforms." + f + "(z); return p;");
      assertEquals(0, p.lo(), f);
      assertEquals(1, p.hi(), f);
      assertTrue(p.canBeZero(), p.toString());
      assertTrue(p.isProbability(), p.toString());
      assertEquals(Precision.FLOAT, p.precision(), "ND4J's default data type");
      assertTrue(p.evidence().toString().contains("Transforms." + f + "(z) is in [0, 1] and reaches 0 and 1"),
          p.evidence().toString());
    }
    NumFact log = returned("INDArray z", "INDArray p = Transforms.softmax(z); return Transforms.log(p);");
    assertEquals(Double.NEGATIVE_INFINITY, log.lo());
    assertTrue(log.evidence().toString().contains("log(p) is -Infinity when p is 0"), log.evidence().toString());
  }

  @Test
  void aRowSumOfExpShiftedByTheRowMaxIsAtLeastOne() {
    NumFact inPlace = returned("INDArray in", "in.subiColumnVector(in.max(1)); Transforms.exp(in, false); return in.sum(1);");
    assertEquals(1, inPlace.lo(), inPlace.toString());
    assertFalse(inPlace.canBeZero(), inPlace.toString());
    NumFact copy = returned("INDArray in", "INDArray e = Transforms.exp(in.subColumnVector(in.max(1))); return e.sum(1);");
    assertEquals(1, copy.lo(), copy.toString());
    NumFact columns = returned("INDArray in", "INDArray e = Transforms.exp(in.subRowVector(in.max(0))); return e.sum(0);");
    assertEquals(1, columns.lo(), columns.toString());
    NumFact otherDimension = returned("INDArray in", "INDArray e = Transforms.exp(in.subColumnVector(in.max(1))); return e.sum(0);");
    assertTrue(otherDimension.canBeZero(), "a column need not hold any row's maximum: " + otherDimension);
    NumFact otherArray = returned("INDArray in, INDArray b", "INDArray e = Transforms.exp(in.subColumnVector(b.max(1))); return e.sum(1);");
    assertTrue(otherArray.canBeZero(), "another array's maximum: " + otherArray);
    NumFact unshifted = returned("INDArray in", "INDArray e = Transforms.exp(in); return e.sum(1);");
    assertTrue(unshifted.canBeZero(), unshifted.toString());
  }

  @Test
  void inPlaceRowAndColumnOperationsChangeTheirReceiver() {
    NumFact shifted = returned("INDArray in", "in.addiRowVector(Nd4j.ones(3).neg()); return in;");
    assertTrue(shifted.canBeNegative(), shifted.toString());
    NumFact scaled = returned("INDArray in", "in.assign(1); in.muliColumnVector(Nd4j.zeros(3)); return in;");
    assertEquals(0, scaled.hi(), scaled.toString());
  }

  @Test
  void transformsIsRecognisedByItsImportOnly() {
    NumFact other = Snippet.of("import com.acme.Transforms;", "", "Object z", "return Transforms.softmax(z);").returned();
    assertFalse(other.isProbability(), other.toString());
    assertTrue(other.canBeNaN());
    NumFact qualified = Snippet.of("", "", "Object z", "return org.nd4j.linalg.ops.transforms.Transforms.sigmoid(z);")
        .returned();
    assertTrue(qualified.isProbability(), qualified.toString());
  }

  @Test
  void expOverflowsAFloatArrayUnlessBounded() {
    NumFact e = returned("INDArray z", "return Transforms.exp(z);");
    assertTrue(e.has(Tag.EXP), e.toString());
    assertEquals(Double.POSITIVE_INFINITY, e.hi());
    assertTrue(e.evidence().toString().contains("above 88.72"), e.evidence().toString());
    NumFact bounded = returned("INDArray z", "INDArray c = Transforms.min(z, 50); return Transforms.exp(c);");
    assertFalse(bounded.canBeInfinite(), bounded.toString());
    assertFalse(bounded.has(Tag.EXP));
    NumFact over = returned("INDArray z", "INDArray c = Transforms.min(z, 100); return Transforms.exp(c);");
    assertTrue(over.canBeInfinite(), "exp(100) overflows a float: " + over);
  }

  @Test
  void clampsKeepLogFinite() {
    NumFact clamped = returned("INDArray z",
        "INDArray p = Transforms.softmax(z); return Transforms.log(Transforms.max(p, 1e-12));");
    assertTrue(clamped.lo() > -30, clamped.toString());
    NumFact shifted = returned("INDArray z", "INDArray p = Transforms.softmax(z); p.addi(1e-8); return Transforms.log(p);");
    assertTrue(shifted.lo() > -30, "addi changes p in place: " + shifted);
    NumFact copy = returned("INDArray z", "INDArray p = Transforms.softmax(z); p.add(1e-8); return Transforms.log(p);");
    assertEquals(Double.NEGATIVE_INFINITY, copy.lo(), "add returns a copy; p is unchanged");
  }

  @Test
  void replaceWhereClampsInPlace() {
    NumFact p = returned("INDArray z", "INDArray p = Transforms.softmax(z);"
        + " BooleanIndexing.replaceWhere(p, 1e-12, Conditions.lessThan(1e-12)); return Transforms.log(p);");
    assertTrue(p.lo() > -30, p.toString());
    NumFact x = returned("INDArray x", "BooleanIndexing.replaceWhere(x, 0.0, Conditions.isNan()); return x;");
    assertFalse(x.canBeNaN(), x.toString());
    NumFact other = returned("INDArray x", "BooleanIndexing.replaceWhere(x, 0.0, Conditions.isInfinite()); return x;");
    assertTrue(other.canBeNaN(), "replacing infinities keeps NaN: " + other);
  }

  @Test
  void normsAndSpreadsAreScalarsThatCanBeZero() {
    NumFact n = returned("INDArray x", "return x.norm2Number().doubleValue();");
    assertEquals(0, n.lo());
    assertTrue(n.canBeZero());
    assertTrue(n.has(Tag.NORM));
    assertTrue(n.evidence().toString().contains("x.norm2Number() is 0 for a zero vector"), n.evidence().toString());
    NumFact std = returned("INDArray x", "return x.stdNumber().doubleValue();");
    assertFalse(std.canBeNegative());
    assertTrue(std.canBeZero());
    assertTrue(std.has(Tag.SPREAD));
    NumFact sum = returned("INDArray z", "return Transforms.softmax(z).sumNumber().doubleValue();");
    assertTrue(sum.has(Tag.SUM_OF_NONNEGATIVES), sum.toString());
    NumFact positive = returned("INDArray z", "return Transforms.exp(Transforms.min(z, 10)).add(1).norm1Number();");
    assertFalse(positive.canBeZero(), "elements >= 1 have a norm >= 1: " + positive);
    assertEquals(1, positive.lo());
  }

  @Test
  void dividingByANormInPlaceCanBeNaN() {
    NumFact x = returned("INDArray x", "double n = x.norm2Number().doubleValue(); x.divi(n); return x;");
    assertTrue(x.canBeNaN(), x.toString());
    NumFact safe = returned("INDArray x", "double n = x.norm2Number().doubleValue() + 1e-8; x.divi(n); return x;");
    assertTrue(safe.canBeNaN(), "x's own elements are unknown, NaN included: " + safe);
    NumFact ones = returned("", "INDArray x = Nd4j.ones(3); x.divi(x.norm2Number()); return x;");
    assertFalse(ones.canBeNaN(), "a vector of ones has a norm >= 1: " + ones);
    NumFact zeros = returned("", "INDArray x = Nd4j.zeros(3); x.divi(x.norm2Number()); return x;");
    assertTrue(zeros.canBeNaN(), "0 / 0: " + zeros);
  }

  @Test
  void inPlaceChangesThroughViewsAndUnknownCallsAreSeen() {
    NumFact view = returned("INDArray z, double s", "INDArray p = Transforms.softmax(z); p.getRow(0).divi(s); return p;");
    assertTrue(view.canBeInfinite(), "a row of p divided by s, which can be 0: " + view);
    NumFact mutated = returned("INDArray z", "INDArray p = Transforms.softmax(z); mutate(p); return p;");
    assertFalse(mutated.isProbability(), "mutate(p) may change p's elements: " + mutated);
    NumFact logged = returned("INDArray z", "INDArray p = Transforms.softmax(z); Transforms.log(p, false); return p;");
    assertEquals(Double.NEGATIVE_INFINITY, logged.lo(), "dup = false: log in place");
    NumFact copied = returned("INDArray z", "INDArray p = Transforms.softmax(z); Transforms.log(p, true); return p;");
    assertTrue(copied.isProbability(), "dup = true: a copy");
    NumFact difference = returned("INDArray z, INDArray y", "INDArray p = Transforms.sigmoid(z); p.subi(Transforms.sigmoid(y)); return p;");
    assertTrue(difference.has(Tag.DIFFERENCE));
    assertTrue(difference.canBeZero());
  }
}
