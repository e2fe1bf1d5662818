package dev.nanlint.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.analysis.ZeroLogs.Argument;
import dev.nanlint.engine.Linter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whether a log's argument can reach 0 where the log is taken, and what shows it: UnguardedLog's question. */
class ZeroLogsTest {
  private static final String SCORES = """
      import org.nd4j.linalg.api.ndarray.INDArray;
      import org.nd4j.linalg.ops.transforms.Transforms;
      import org.nd4j.autodiff.samediff.SDVariable;
      import org.nd4j.autodiff.samediff.SameDiff;
      class Scores {
        double gap(double hi, double lo) { return Math.log(hi - lo); }
        double logLoss(double z, double y) {
          double p = 1.0 / (1.0 + Math.exp(-z));
          return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
        }
        INDArray crossEntropyLoss(INDArray labels, INDArray out) { return labels.mul(Transforms.log(out)); }
        double logTotal(int[] counts) {
          double total = 0;
          for (int c : counts) total += c * c;
          return Math.log(total);
        }
        double clipped(double p) { return Math.log(Math.max(p, 1e-12)); }
        double accuracy(int hits, int total) { return Math.log(hits / total); }
        SDVariable logNorm(SameDiff sd, SDVariable x) { return sd.math().log(x.norm2()); }
        SDVariable logShifted(SameDiff sd, SDVariable x) { return sd.math().log(x.norm2().add(1.0)); }
        double boxMuller(java.util.Random rng) { double y = rng.nextDouble(); return Math.sqrt(-2 * Math.log(y)); }
        double exponential(java.util.Random rng) { return -Math.log(rng.nextFloat()); }
        double complement(java.util.Random rng) { return -Math.log(1 - rng.nextDouble()); }
        double notARandom(Other rng) { return -Math.log(rng.nextDouble()); }
        interface Other { double nextDouble(); }
      }
      """;
  private static final CompilationUnit UNIT =
      new JavaParser(Linter.parserConfiguration()).parse(SCORES).getResult().orElseThrow();
  private static final Analysis A = new Analysis(UNIT);

  private static List<MethodCallExpr> logsIn(String method) {
    MethodDeclaration m = UNIT.findFirst(MethodDeclaration.class, d -> d.getNameAsString().equals(method))
        .orElseThrow();
    return m.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("log"));
  }

  private static Optional<Argument> argumentOf(MethodCallExpr log) {
    return ZeroLogs.of(log, log.getArgument(0), log.getScope().get().toString().equals("Transforms"), A);
  }

  @Test
  void aUniformDrawIsExactlyZeroNowAndThen() {
    Argument dbl = argumentOf(logsIn("boxMuller").get(0)).orElseThrow();
    assertTrue(dbl.reason().contains("once in 2^53 draws") && !dbl.mechanism(), dbl.toString());
    Argument flt = argumentOf(logsIn("exponential").get(0)).orElseThrow();
    assertTrue(flt.mechanism(), "once in 2^24 draws in float: " + flt);
    assertTrue(argumentOf(logsIn("complement").get(0)).isEmpty(), "1 - u is in (0, 1]");
    assertTrue(argumentOf(logsIn("notARandom").get(0)).isEmpty(), "a nextDouble of an unknown type says nothing");
  }

  @Test
  void aDifferenceIsAShapeThatCanAlsoBeNegative() {
    Argument gap = argumentOf(logsIn("gap").get(0)).orElseThrow();
    assertFalse(gap.mechanism(), gap.toString());
    assertFalse(gap.isContract());
    assertTrue(gap.canBeNegative());
  }

  @Test
  void theStructureOfACrossEntropySaysItsArgumentIsAProbability() {
    Argument labelled = argumentOf(logsIn("crossEntropyLoss").get(0)).orElseThrow();
    assertTrue(labelled.mechanism());
    assertTrue(labelled.reason().startsWith("out is the prediction this cross-entropy multiplies by the labels"),
        labelled.reason());
    List<MethodCallExpr> binary = logsIn("logLoss");
    Argument sigmoid = argumentOf(binary.get(0)).orElseThrow();
    assertFalse(sigmoid.mechanism(), "a sigmoid in double is 0 only past a logit of 709.78");
    assertTrue(sigmoid.reason().contains("as a sigmoid in double precision"), sigmoid.reason());
    assertTrue(argumentOf(binary.get(1)).orElseThrow().mechanism(), "1 - sigmoid reaches 0 from a logit of about 37");
  }

  @Test
  void aTotalOfAnInputsValuesIsAContractAndAClampLeavesNothing() {
    Argument total = argumentOf(logsIn("logTotal").get(0)).orElseThrow();
    assertTrue(total.isContract());
    assertFalse(total.mechanism(), "a contract is reported as one, not as a mechanism");
    assertTrue(total.when().contains("an all-zero input"), total.when());
    assertEquals(Optional.empty(), argumentOf(logsIn("clipped").get(0)));
  }

  @Test
  void anIntegerQuotientTruncatesToZero() {
    MethodCallExpr log = logsIn("accuracy").get(0);
    assertTrue(ZeroLogs.truncatedQuotient(log.getArgument(0), A).isPresent());
    assertEquals(Optional.empty(), ZeroLogs.truncatedQuotient(logsIn("gap").get(0).getArgument(0), A));
  }

  @Test
  void aSameDiffLogOfANormCanBeMinusInfinity() {
    assertTrue(ZeroLogs.ofSameDiff(logsIn("logNorm").get(0).getArgument(0), A).isPresent());
    assertEquals(Optional.empty(), ZeroLogs.ofSameDiff(logsIn("logShifted").get(0).getArgument(0), A));
  }
}
