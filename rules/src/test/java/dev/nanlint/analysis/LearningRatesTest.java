package dev.nanlint.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.nanlint.analysis.LearningRates.Rate;
import dev.nanlint.analysis.LearningRates.Swapped;
import dev.nanlint.analysis.Optimisers.Family;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The constant learning rates a file sets, read once for HighLearningRate. */
class LearningRatesTest {
  private static final String ND4J = """
      import org.nd4j.linalg.learning.config.*;
      import org.nd4j.linalg.learning.AdamUpdater;
      class T {
        static final double LR = 0.5;
        void run(double fromCaller) {
          double local = 0.25;
          Object a = new Adam(LR);
          Object b = new Sgd(local);
          Object c = new Adam(fromCaller);
          Object d = new RmsProp(0.95);
          Object e = new AdamUpdater(new Adam(2));
          Object f = new Nesterovs(0.9, 0.01);
          Object g = new Nesterovs(0.9, 0.9);
          Object h = Adam.builder().learningRate(0.3).build();
        }
      }
      """;

  private static Map<String, List<Rate>> ratesByCreation(String source) {
    CompilationUnit unit = StaticJavaParser.parse(source);
    LearningRates rates = new LearningRates(new Analysis(unit));
    Map<String, List<Rate>> out = new LinkedHashMap<>();
    unit.findAll(ObjectCreationExpr.class).forEach(c -> out.put(c.toString(), rates.of(c)));
    return out;
  }

  @Test
  void constantRatesAreReadThroughConstantsAndLocals() {
    Map<String, List<Rate>> rates = ratesByCreation(ND4J);
    assertEquals(0.5, rates.get("new Adam(LR)").get(0).value());
    assertEquals(Family.ADAM, rates.get("new Adam(LR)").get(0).setting().family());
    assertEquals(0.25, rates.get("new Sgd(local)").get(0).value());
    assertEquals(List.of(), rates.get("new Adam(fromCaller)"), "a parameter is not a constant rate");
  }

  @Test
  void anUpdaterAppliedByHandIsToldApart() {
    Map<String, List<Rate>> rates = ratesByCreation(ND4J);
    assertTrue(rates.get("new Adam(2)").get(0).appliedByHand());
    assertFalse(rates.get("new Adam(LR)").get(0).appliedByHand());
  }

  @Test
  void aRateInTheDecayOrMomentumRangeSaysWhatItWasLikelyMeantAs() {
    Map<String, List<Rate>> rates = ratesByCreation(ND4J);
    assertEquals(Optional.of("rmsDecay"), rates.get("new RmsProp(0.95)").get(0).likelyMeantAs());
    assertEquals(Optional.of("momentum"), rates.get("new Nesterovs(0.9, 0.9)").get(0).likelyMeantAs());
    assertEquals(Optional.empty(), rates.get("new Adam(LR)").get(0).likelyMeantAs());
  }

  @Test
  void swappedRateAndMomentumAreReportedWithHowFarOffTheStepIs() {
    CompilationUnit unit = StaticJavaParser.parse(ND4J);
    LearningRates rates = new LearningRates(new Analysis(unit));
    Map<String, Optional<Swapped>> swapped = new LinkedHashMap<>();
    unit.findAll(ObjectCreationExpr.class).forEach(c -> swapped.put(c.toString(), rates.swapped(c)));
    Swapped s = swapped.get("new Nesterovs(0.9, 0.01)").orElseThrow();
    assertEquals(0.9, s.rate().value());
    assertEquals(0.01, s.momentumValue());
    assertEquals(90, s.timesMeant());
    assertEquals(2 / 0.9, s.overshootsAbove());
    assertEquals(Optional.empty(), swapped.get("new Nesterovs(0.9, 0.9)"), "both look like momenta");
    assertEquals(Optional.empty(), swapped.get("new Adam(LR)"));
  }

  @Test
  void builderCallsSetRatesToo() {
    CompilationUnit unit = StaticJavaParser.parse(ND4J);
    LearningRates rates = new LearningRates(new Analysis(unit));
    MethodCallExpr call = unit.findFirst(MethodCallExpr.class, m -> m.getNameAsString().equals("learningRate"))
        .orElseThrow();
    assertEquals(0.3, rates.of(call).get(0).value());
  }

  private static final String LEGACY = """
      import org.deeplearning4j.nn.conf.*;
      import org.deeplearning4j.nn.conf.layers.*;
      import org.nd4j.linalg.learning.config.*;
      class T {
        void run() {
          MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()%s
              .updater(new RmsProp(0.95)).list()
              .layer(new OutputLayer.Builder().nIn(4).nOut(3).build())
              .build();
        }
      }
      """;

  @Test
  void aDl4j0xFileReadsTheOneArgumentRmsPropAsTheDecay() {
    List<Rate> legacy = ratesByCreation(LEGACY.formatted(".iterations(1)")).get("new RmsProp(0.95)");
    List<Rate> current = ratesByCreation(LEGACY.formatted("")).get("new RmsProp(0.95)");
    assertEquals(List.of(), legacy);
    assertEquals(0.95, current.get(0).value());
  }

  @Test
  void aFamilyWithoutARateToJudgeGivesNone() {
    CompilationUnit unit = StaticJavaParser.parse(LEGACY.formatted(".updater(Updater.ADADELTA).learningRate(2)"));
    LearningRates rates = new LearningRates(new Analysis(unit));
    MethodCallExpr call = unit.findFirst(MethodCallExpr.class, m -> m.getNameAsString().equals("learningRate"))
        .orElseThrow();
    assertEquals(Family.ADADELTA, Optimisers.learningRate(call, new Imports(unit)).orElseThrow().family());
    assertEquals(List.of(), rates.of(call));
    assertFalse(Family.ADADELTA.judged());
    assertFalse(Family.PEGASOS.judged());
    assertEquals(0.1, Family.ADAM.highRate());
    assertEquals(1.0, Family.SGD.highRate());
    assertEquals("0.1", Family.ADAGRAD.usualRate());
  }
}
