package dev.nanlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.engine.Config;
import dev.nanlint.engine.ConfigException;
import dev.nanlint.engine.FileResult;
import dev.nanlint.engine.Finding;
import dev.nanlint.engine.Linter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the compiled fixtures cannot show: thresholds from configuration, APIs that no longer exist in
 * the DL4J version the fixtures compile against (0.x {@code .learningRate} on configuration builders),
 * and how imports decide between ND4J's and Tribuo's classes of the same name.
 */
class ConfigurationRulesTest {

  private static List<String> findings(String source, Config config, String rule) {
    FileResult r = new Linter(BuiltInRules.all(), config).lint("T.java", source);
    assertTrue(r.errors().isEmpty(), () -> r.errors().toString());
    return r.findings().stream().filter(f -> f.rule().equals(rule)).map(Finding::message).toList();
  }

  private static List<String> findings(String source, String rule) {
    return findings(source, Config.defaults(), rule);
  }

  private static final String ADAM_005 = """
      import org.nd4j.linalg.learning.config.Adam;
      class T { Object u() { return new Adam(0.05); } }
      """;

  @Test
  void thresholdsComeFromConfiguration() throws ConfigException {
    assertEquals(0, findings(ADAM_005, "HighLearningRate").size());
    assertEquals(1, findings(ADAM_005, config("HighLearningRate.adam = 0.01"), "HighLearningRate").size());
    ConfigException bad = assertThrows(ConfigException.class, () -> config("HighLearningRate.adam = not a number"));
    assertEquals("t.properties:1: HighLearningRate.adam: 'not a number' is not a learning rate (expected a positive"
        + " number such as 0.01)", bad.getMessage());
    assertThrows(ConfigException.class, () -> config("HighLearningRate.adam = -1"));
  }

  private static Config config(String text) throws ConfigException {
    return Config.parse(text, "t.properties", BuiltInRules.all());
  }

  @Test
  void sgdThresholdIsConfigurableToo() throws ConfigException {
    String source = """
        import org.nd4j.linalg.learning.config.Sgd;
        class T { Object u() { return new Sgd(0.5); } }
        """;
    assertEquals(0, findings(source, "HighLearningRate").size());
    assertEquals(1, findings(source, config("HighLearningRate.sgd = 0.2"), "HighLearningRate").size());
  }

  @Test
  void legacyLearningRateOnConfigurationBuilders() {
    String source = """
        import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
        import org.deeplearning4j.nn.conf.Updater;
        class T {
          Object sgd() { return new NeuralNetConfiguration.Builder().learningRate(1.5).list(); }
          Object adam() { return new NeuralNetConfiguration.Builder().learningRate(0.5).updater(Updater.ADAM).list(); }
          Object fine() { return new NeuralNetConfiguration.Builder().learningRate(0.05).updater(Updater.ADAM).list(); }
        }
        """;
    List<String> messages = findings(source, "HighLearningRate");
    assertEquals(2, messages.size(), messages.toString());
    assertTrue(messages.get(0).contains("DL4J Sgd"), messages.get(0));
    assertTrue(messages.get(1).contains("DL4J Adam"), messages.get(1));
  }

  @Test
  void wildcardImportsDecideTheLibrary() {
    String tribuo = """
        import org.tribuo.math.optimisers.*;
        class T { Object u() { return new Adam(0.01, 0.0); } }
        """;
    // Tribuo's Adam(learningRate, epsilon): the 0.0 is an epsilon
    assertEquals(1, findings(tribuo, "ZeroEpsilon").size());
    String nd4j = """
        import org.nd4j.linalg.learning.config.*;
        class T { Object u() { return new AdaGrad(0.1, 0); } }
        """;
    assertEquals(1, findings(nd4j, "ZeroEpsilon").size());
    String both = """
        import org.nd4j.linalg.learning.config.*;
        import org.tribuo.math.optimisers.*;
        class T { Object u() { return new Adam(0.9); } }
        """;
    assertEquals(0, findings(both, "HighLearningRate").size(), "ambiguous: javac rejects it, we claim nothing");
    String qualified = """
        class T { Object u() { return new org.nd4j.linalg.learning.config.Adam(0.9); } }
        """;
    assertEquals(1, findings(qualified, "HighLearningRate").size());
    String none = """
        class T { Object u() { return new Adam(0.9); } }
        """;
    assertEquals(0, findings(none, "HighLearningRate").size());
  }

  @Test
  void effectivelyFinalLocalsAndFieldsAreConstants() {
    String source = """
        import org.nd4j.linalg.learning.config.Adam;
        class T {
          private static double rate = 0.5;
          private double tuned = 0.5;
          void setTuned(double t) { this.tuned = t; }
          Object a() { return new Adam(rate); }
          Object b() { return new Adam(tuned); }
          Object c() { double lr = 0.5; lr = lr / 100; return new Adam(lr); }
        }
        """;
    assertEquals(1, findings(source, "HighLearningRate").size());
  }

  @Test
  void negativeIndicesUnderAGuardAreSilent() {
    String source = """
        import org.nd4j.linalg.util.FeatureUtil;
        class T {
          Object a(boolean pos) { int label = pos ? 1 : -1; return label >= 0 ? FeatureUtil.toOutcomeVector(label, 2) : null; }
          Object b(String s) { int label = -1; if (s.equals("yes")) label = 1; return FeatureUtil.toOutcomeVector(label, 2); }
        }
        """;
    List<String> messages = findings(source, "NegativeClassLabel");
    assertEquals(1, messages.size(), messages.toString());
  }
}
