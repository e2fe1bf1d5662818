package dev.nanlint.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.analysis.TrainingSetup.Receiver;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one model of "is this receiver a network" that the configuration rules ask. */
class TrainingSetupTest {
  private static final String SOURCE = """
      import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
      import org.deeplearning4j.nn.graph.ComputationGraph;
      import org.nd4j.autodiff.samediff.SameDiff;
      import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
      class T {
        private MultiLayerNetwork net;
        void run(ComputationGraph graph, SameDiff sd, NormalizerStandardize norm, Object data, Trainer other) {
          var local = new MultiLayerNetwork(null);
          net.fit(data);
          this.net.fit(data);
          graph.fit(data);
          sd.fit(data);
          local.fit(data);
          norm.fit(data);
          other.model.fit(data);
          getModel().fit(data);
          Helpers.fit(data);
        }
      }
      """;

  @Test
  void receiversAreClassifiedByTheirDeclaredType() {
    CompilationUnit unit = StaticJavaParser.parse(SOURCE);
    Analysis analysis = new Analysis(unit);
    Map<String, Receiver> seen = new LinkedHashMap<>();
    for (MethodCallExpr fit : unit.findAll(MethodCallExpr.class, m -> m.getNameAsString().equals("fit"))) {
      seen.put(fit.getScope().orElseThrow().toString(), TrainingSetup.receiver(fit.getScope().get(), analysis.types()));
    }
    Map<String, Receiver> expected = new LinkedHashMap<>();
    expected.put("net", Receiver.NETWORK);
    expected.put("this.net", Receiver.NETWORK);
    expected.put("graph", Receiver.NETWORK);
    expected.put("sd", Receiver.NETWORK);
    expected.put("local", Receiver.NETWORK);
    expected.put("norm", Receiver.OTHER);
    expected.put("other.model", Receiver.UNKNOWN);
    expected.put("getModel()", Receiver.UNKNOWN);
    expected.put("Helpers", Receiver.OTHER);
    assertEquals(expected, seen);
  }

  private static double epochs(String training) {
    String source = """
        import org.deeplearning4j.nn.conf.*;
        import org.deeplearning4j.nn.conf.layers.*;
        import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
        import org.deeplearning4j.earlystopping.termination.*;
        import org.deeplearning4j.datasets.iterator.MultipleEpochsIterator;
        class T {
          void run(Object data, int n) {
            MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().list()
                .layer(new OutputLayer.Builder().nIn(4).nOut(3).build()).build();
            MultiLayerNetwork net = new MultiLayerNetwork(conf);
            %s
          }
        }
        """.formatted(training);
    CompilationUnit unit = StaticJavaParser.parse(source);
    Analysis analysis = new Analysis(unit);
    BuilderChains.Network network = analysis.builderChains().networks().get(0);
    return analysis.trainingSetup(network).length().epochs();
  }

  @Test
  void trainingLengthComesFromFitArgumentsLoopsAndMaxEpochs() {
    assertEquals(200, epochs("net.fit(data, 200);"));
    assertEquals(50 * 10, epochs("for (int e = 0; e < 50; e++) { for (int b = 0; b < 10; b++) net.fit(data); }"));
    assertEquals(30, epochs("Object c = new MaxEpochsTerminationCondition(30);"));
    assertEquals(40, epochs("var it = new MultipleEpochsIterator(40, null); net.fit(it);"));
    assertEquals(Double.NaN, epochs("for (int e = 0; e < n; e++) net.fit(data);"));
  }
}
