package dev.nanlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.BuilderChains;
import dev.nanlint.analysis.BuilderChains.Call;
import dev.nanlint.analysis.BuilderChains.Layer;
import dev.nanlint.analysis.BuilderChains.Network;
import dev.nanlint.rules.BuiltInRules;
import dev.nanlint.engine.Config;
import dev.nanlint.engine.FileResult;
import dev.nanlint.engine.Finding;
import dev.nanlint.engine.Linter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DL4J configuration reader, and the cases fixtures cannot hold: DL4J 0.x code (which no longer
 * compiles against the 1.0 jars the fixtures use) and non-DL4J look-alikes.
 */
class BuilderChainsTest {
  private static final String IMPORTS = """
      import org.deeplearning4j.nn.conf.*;
      import org.deeplearning4j.nn.conf.layers.*;
      import org.deeplearning4j.nn.conf.layers.recurrent.*;
      import org.nd4j.linalg.activations.Activation;
      import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
      """;

  private static BuilderChains chains(String source) {
    CompilationUnit unit = new JavaParser(Linter.parserConfiguration()).parse(source).getResult().orElseThrow();
    return new Analysis(unit).builderChains();
  }

  private static Network onlyNetwork(BuilderChains chains) {
    List<Network> networks = chains.networks();
    assertEquals(1, networks.size(), () -> "networks: " + networks);
    return networks.get(0);
  }

  private static List<String> findings(String source) {
    FileResult r = new Linter(BuiltInRules.all(), Config.defaults()).lint("T.java", source);
    assertTrue(r.errors().isEmpty(), () -> "errors: " + r.errors());
    return r.findings().stream().map(f -> f.line() + ":" + f.rule()).toList();
  }

  @Test
  void followsAChainSplitAcrossLocals() {
    BuilderChains chains = chains(IMPORTS + """
        class T {
          Object conf() {
            NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder();
            b.l2(1e-4);
            b = b.seed(1);
            NeuralNetConfiguration.ListBuilder list = b.list();
            DenseLayer.Builder hidden = new DenseLayer.Builder().nIn(4);
            hidden.nOut(8);
            list.layer(hidden.build());
            list.layer(new Bidirectional(new LSTM.Builder().nOut(8).build()));
            list.layer(new MaskLayer());
            list.layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(3).build());
            return list.build();
          }
        }
        """);
    Network network = onlyNetwork(chains);
    assertEquals(BuilderChains.Kind.MULTI_LAYER, network.kind());
    assertEquals(List.of("l2", "seed"), network.calls().stream().map(Call::name).toList());
    assertEquals("1e-4", network.settings().get("l2").get(0).toString());
    assertEquals(List.of("DenseLayer", "Bidirectional", "MaskLayer", "OutputLayer"),
        network.layers().stream().map(Layer::type).toList());
    assertEquals(List.of("nIn", "nOut"), network.layers().get(0).calls().stream().map(Call::name).toList());
    assertEquals("LSTM", network.layers().get(1).wrapped().orElseThrow().type());
    assertTrue(network.layers().get(1).isRecurrent());
    assertTrue(network.isComplete());
    assertTrue(network.setAnywhere("l2"));
    assertFalse(network.setAnywhere("dropOut"));
  }

  @Test
  void graphLayersAndEscapes() {
    BuilderChains chains = chains(IMPORTS + """
        class T {
          ComputationGraphConfiguration.GraphBuilder graph() {
            return new NeuralNetConfiguration.Builder()
                .graphBuilder()
                .addInputs("in")
                .addLayer("a", new DenseLayer.Builder().nIn(3).nOut(4).dropOut(0.5).build(), "in")
                .addLayer("b", helper(), "a");
          }
          Layer helper() { return null; }
        }
        """);
    Network network = onlyNetwork(chains);
    assertEquals(BuilderChains.Kind.GRAPH, network.kind());
    assertTrue(network.isOpen(), "returned unbuilt: more may be added by the caller");
    assertEquals(1, network.unknownLayers());
    assertTrue(network.setAnywhere("dropOut"));
    assertFalse(network.isComplete());
  }

  @Test
  void onlyDl4jFilesAreRead() {
    BuilderChains chains = chains("""
        class T {
          static class NeuralNetConfiguration { static class Builder { Builder list() { return this; } } }
          Object f() { return new NeuralNetConfiguration.Builder().list(); }
        }
        """);
    assertFalse(chains.isDl4j());
    assertTrue(chains.networks().isEmpty());
  }

  @Test
  void ownClassNamedLikeALayerShadowsTheWildcardImport() {
    String source = IMPORTS + """
        class T {
          static class OutputLayer { static class Builder { Builder activation(Object a) { return this; } } }
          Object head() { return new OutputLayer.Builder().activation(null); }
          Object real() { return new DenseLayer.Builder().nOut(3).build(); }
        }
        """;
    CompilationUnit unit = new JavaParser(Linter.parserConfiguration()).parse(source).getResult().orElseThrow();
    BuilderChains chains = new Analysis(unit).builderChains();
    List<ObjectCreationExpr> creations = unit.findAll(ObjectCreationExpr.class);
    assertTrue(chains.isDl4j());
    assertTrue(chains.layer(creations.get(0)).isEmpty(), "the file's own OutputLayer is not DL4J's");
    assertEquals("DenseLayer", chains.layer(creations.get(1)).orElseThrow().type());
  }

  @Test
  void legacyRegularizationFalseIgnoresL2() {
    List<String> found = findings(IMPORTS + """
        class T {
          MultiLayerConfiguration conf() {
            return new NeuralNetConfiguration.Builder()
                .regularization(
                    false)
                .l2(1e-4)
                .list()
                .layer(0, new DenseLayer.Builder().nIn(4).nOut(8).build())
                .layer(1, new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX).nIn(8).nOut(3).build())
                .build();
          }
        }
        """);
    assertEquals(List.of("10:MissingRegularization"), found);
  }

  @Test
  void legacyRegularizationTrueWithL2IsRegularised() {
    List<String> found = findings(IMPORTS + """
        class T {
          MultiLayerConfiguration conf() {
            return new NeuralNetConfiguration.Builder()
                .regularization(true).l2(1e-4)
                .list()
                .layer(0, new DenseLayer.Builder().nIn(4).nOut(8).build())
                .layer(1, new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX).nIn(8).nOut(3).build())
                .build();
          }
        }
        """);
    assertEquals(List.of(), found);
  }

  @Test
  void legacyRegularizationTrueAloneRegularisesNothing() {
    List<String> found = findings(IMPORTS + """
        class T {
          MultiLayerConfiguration conf() {
            return new NeuralNetConfiguration.Builder()
                .regularization(true)
                .list()
                .layer(0, new DenseLayer.Builder().nIn(4).nOut(8).build())
                .layer(1, new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX).nIn(8).nOut(3).build())
                .build();
          }
        }
        """);
    assertEquals(List.of("8:MissingRegularization"), found);
  }

  @Test
  void suppressedOnTheMethod() {
    List<String> found = findings(IMPORTS + """
        class T {
          @SuppressWarnings("nanlint:MissingRegularization")
          MultiLayerConfiguration conf() {
            return new NeuralNetConfiguration.Builder()
                .list()
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX).nIn(8).nOut(3).build())
                .build();
          }
        }
        """);
    assertEquals(List.of(), found);
  }

  @Test
  void findingsCarryTheirFix() {
    FileResult r = new Linter(BuiltInRules.all(), Config.defaults()).lint("T.java", IMPORTS + """
        class T {
          MultiLayerConfiguration conf() {
            return new NeuralNetConfiguration.Builder().l2(1e-4).list()
                .layer(new LSTM.Builder().nIn(4).nOut(8).build())
                .layer(new RnnOutputLayer.Builder(LossFunction.MCXENT).nIn(8).nOut(3).build())
                .build();
          }
        }
        """);
    List<Finding> findings = r.findings();
    assertEquals(1, findings.size(), () -> findings.toString());
    assertEquals("MissingGradientClipping", findings.get(0).rule());
    assertEquals(9, findings.get(0).line());
    assertTrue(findings.get(0).fix().contains("ClipElementWiseAbsoluteValue"), findings.get(0).fix());
  }
}
