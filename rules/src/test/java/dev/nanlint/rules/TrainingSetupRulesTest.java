package dev.nanlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.engine.Config;
import dev.nanlint.engine.FileResult;
import dev.nanlint.engine.Finding;
import dev.nanlint.engine.Linter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The configuration rules warn only where the code shows their divergence mechanism (the training setup:
 * updater, BPTT window, whether the file trains or saves a model), and say so at a lower level otherwise.
 * Fixture markers do not carry a severity, so the levels are pinned here.
 */
class TrainingSetupRulesTest {

  private static List<String> levels(String source, String rule) {
    FileResult r = new Linter(BuiltInRules.all(), Config.defaults()).lint("T.java", source);
    assertTrue(r.errors().isEmpty(), () -> r.errors().toString());
    return r.findings().stream().filter(f -> f.rule().equals(rule)).map(f -> f.severity().label()).toList();
  }

  private static List<Finding> findings(String source, String rule) {
    FileResult r = new Linter(BuiltInRules.all(), Config.defaults()).lint("T.java", source);
    return r.findings().stream().filter(f -> f.rule().equals(rule)).toList();
  }

  /** A two-layer LSTM network; {@code %s} is the updater line and {@code %s} the training code. */
  private static String lstm(String updater, String extraNetwork, String training) {
    return """
        import org.deeplearning4j.nn.conf.*;
        import org.deeplearning4j.nn.conf.layers.*;
        import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
        import org.deeplearning4j.util.ModelSerializer;
        import org.nd4j.linalg.activations.Activation;
        import org.nd4j.linalg.learning.config.*;
        import org.nd4j.linalg.lossfunctions.LossFunctions;
        import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
        import java.io.File;
        class T {
          void run(DataSetIterator data) throws Exception {
            MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                %s
                .list()
                .layer(new LSTM.Builder().nIn(10).nOut(50).activation(Activation.TANH).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                    .nIn(50).nOut(10).build())
                %s
                .build();
            MultiLayerNetwork net = new MultiLayerNetwork(conf);
            net.init();
            %s
          }
        }
        """.formatted(updater, extraNetwork, training);
  }

  @Test
  void clippingWarnsForMomentumSgdOverALongWindow() {
    String source = lstm(".updater(new Nesterovs(0.1, 0.9))",
        ".backpropType(BackpropType.TruncatedBPTT).tBPTTForwardLength(50).tBPTTBackwardLength(50)",
        "for (int i = 0; i < 5; i++) net.fit(data);");
    assertEquals(List.of("warning"), levels(source, "MissingGradientClipping"));
    assertTrue(findings(source, "MissingGradientClipping").get(0).message().contains("50-step truncated BPTT"));
  }

  private static final String TBPTT_50 = ".backpropType(BackpropType.TruncatedBPTT).tBPTTForwardLength(50).tBPTTBackwardLength(50)";

  @Test
  void clippingWithTheDefaultUpdaterIsSgd() {
    assertEquals(List.of("warning"), levels(lstm("", TBPTT_50, "net.fit(data);"), "MissingGradientClipping"));
  }

  @Test
  void anUpdaterWithoutARateTrainsAtNd4jsDefault() {
    String momentumOnly = lstm(".updater(new Nesterovs(0.9))", TBPTT_50, "net.fit(data);");
    assertTrue(findings(momentumOnly, "MissingGradientClipping").get(0).message().contains("Nesterovs (learning rate 0.1)"),
        "the one argument of Nesterovs is the momentum");
    String adam = lstm(".updater(new Adam())", TBPTT_50, "net.fit(data);");
    assertTrue(findings(adam, "MissingGradientClipping").get(0).message().contains("Adam (learning rate 0.001)"));
    String schedule = lstm(".updater(new Nesterovs(new org.nd4j.linalg.schedule.ExponentialSchedule("
        + "org.nd4j.linalg.schedule.ScheduleType.EPOCH, 0.1, 0.99)))", TBPTT_50, "net.fit(data);");
    assertFalse(findings(schedule, "MissingGradientClipping").get(0).message().contains("learning rate 0.1"),
        "a schedule in the rate's place is not the default rate");
  }

  @Test
  void clippingIsANoteWhenTheCodeDoesNotShowHowLongTheSequencesAre() {
    String source = lstm(".updater(new Nesterovs(0.1, 0.9))", "", "for (int i = 0; i < 5; i++) net.fit(data);");
    assertEquals(List.of("note"), levels(source, "MissingGradientClipping"));
    assertTrue(findings(source, "MissingGradientClipping").get(0).message().contains("does not show how long"));
  }

  @Test
  void clippingReadsTheSequenceLengthTheConfigurationDeclares() {
    String declared = lstm(".updater(new Nesterovs(0.1, 0.9))", ".setInputType(InputType.recurrent(10, 100))",
        "net.fit(data);").replace("import org.deeplearning4j.nn.conf.*;",
        "import org.deeplearning4j.nn.conf.*;\nimport org.deeplearning4j.nn.conf.inputs.InputType;");
    assertEquals(List.of("warning"), levels(declared, "MissingGradientClipping"));
    assertTrue(findings(declared, "MissingGradientClipping").get(0).message().contains("whole 100-step sequence"));
    assertEquals(List.of(), levels(declared.replace("recurrent(10, 100)", "recurrent(10, 5)"), "MissingGradientClipping"),
        "5 declared steps cannot explode");
    assertEquals(List.of("note"), levels(declared.replace("recurrent(10, 100)", "recurrent(10, -1)"),
        "MissingGradientClipping"), "-1: a variable length");
    assertEquals(List.of("note"), levels(declared.replace("recurrent(10, 100)", "recurrent(10)"),
        "MissingGradientClipping"), "no length declared");
  }

  @Test
  void clippingIsANoteForAdaptiveUpdaters() {
    String source = lstm(".updater(new Adam(1e-3))", "", "net.fit(data);");
    assertEquals(List.of("note"), levels(source, "MissingGradientClipping"));
    String rms = lstm(".updater(RmsProp.builder().learningRate(1e-3).build())", "", "net.fit(data);");
    assertEquals(List.of("note"), levels(rms, "MissingGradientClipping"));
  }

  @Test
  void clippingIsSilentOverAShortWindow() {
    String source = lstm(".updater(new Sgd(0.1))",
        ".backpropType(BackpropType.TruncatedBPTT).tBPTTForwardLength(5).tBPTTBackwardLength(5)",
        "net.fit(data);");
    assertEquals(List.of(), levels(source, "MissingGradientClipping"));
  }

  @Test
  void clippingReadsTheSequenceLengthOfTheArraysTheFileBuilds() {
    String shortSequences = lstm(".updater(new Sgd(0.1))", "",
        "org.nd4j.linalg.api.ndarray.INDArray x = org.nd4j.linalg.factory.Nd4j.rand(new int[] {32, 10, 5});"
            + " net.fit(new org.nd4j.linalg.dataset.DataSet(x, org.nd4j.linalg.factory.Nd4j.zeros(32, 10, 5)));")
        .replace("org.nd4j.linalg.factory.Nd4j", "Nd4j").replace("import java.io.File;",
            "import java.io.File;\nimport org.nd4j.linalg.factory.Nd4j;");
    assertEquals(List.of(), levels(shortSequences, "MissingGradientClipping"), "5 steps cannot explode");
    String longSequences = shortSequences.replace("{32, 10, 5}", "{32, 10, 60}");
    assertEquals(List.of("warning"), levels(longSequences, "MissingGradientClipping"));
    assertTrue(findings(longSequences, "MissingGradientClipping").get(0).message().contains("whole 60-step sequence"));
    String unknownLength = shortSequences.replace("{32, 10, 5}", "{32, 10, steps}")
        .replace("void run(DataSetIterator data)", "void run(DataSetIterator data, int steps)");
    assertEquals(List.of("note"), levels(unknownLength, "MissingGradientClipping"), "a length the code does not fix");
    String timeMajor = shortSequences.replace(".build();\n    MultiLayerNetwork", ".build();\n    Object f = RNNFormat.NWC;\n    MultiLayerNetwork");
    assertEquals(List.of("note"), levels(timeMajor, "MissingGradientClipping"), "NWC: time is not the last dimension");
  }

  @Test
  void anArrayOnlyPredictedOnSaysNothingAboutTheTrainingSequences() {
    String source = lstm(".updater(new Sgd(0.1))", "",
        "INDArray seed = Nd4j.zeros(1, 10, 1); net.fit(data); net.rnnTimeStep(seed);")
        .replace("import java.io.File;", "import java.io.File;\nimport org.nd4j.linalg.factory.Nd4j;\n"
            + "import org.nd4j.linalg.api.ndarray.INDArray;");
    assertEquals(List.of("note"), levels(source, "MissingGradientClipping"), "a 1-step prediction input is not the training length");
    String trainedOn = source.replace("net.fit(data);", "net.fit(new org.nd4j.linalg.dataset.DataSet(seed, seed));");
    assertEquals(List.of(), levels(trainedOn, "MissingGradientClipping"), "1-step sequences it trains on cannot explode");
  }

  @Test
  void clippingIsANoteWhenTheFileNeverTrains() {
    assertEquals(List.of("note"), levels(lstm(".updater(new Sgd(0.1))", "", "net.output(null);"),
        "MissingGradientClipping"));
  }

  @Test
  void regularizationIsNeverAWarningForDl4jNetworks() {
    String source = lstm(".updater(new Sgd(0.1))", "", "for (int i = 0; i < 500; i++) net.fit(data);");
    assertEquals(List.of("note"), levels(source, "MissingRegularization"));
    assertTrue(findings(source, "MissingRegularization").get(0).message().contains("alone does not make training NaN"));
  }

  @Test
  void uncheckedLossOnlyForLongRunsOrSavedModels() {
    String shortRun = lstm(".updater(new Adam(1e-3))", "", "for (int epoch = 0; epoch < 10; epoch++) net.fit(data);");
    assertEquals(List.of(), levels(shortRun, "UncheckedTrainingLoss"));
    String longRun = lstm(".updater(new Adam(1e-3))", "", "for (int epoch = 0; epoch < 200; epoch++) net.fit(data);");
    assertEquals(List.of("note"), levels(longRun, "UncheckedTrainingLoss"));
    String saved = lstm(".updater(new Adam(1e-3))", "", """
        for (int epoch = 0; epoch < 10; epoch++) net.fit(data);
        ModelSerializer.writeModel(net, new File("model.zip"), true);""");
    assertEquals(List.of("note"), levels(saved, "UncheckedTrainingLoss"));
    assertTrue(findings(saved, "UncheckedTrainingLoss").get(0).message().contains("saves a model"));
  }

  @Test
  void uncheckedLossOncePerMethod() {
    String twoLoops = lstm(".updater(new Adam(1e-3))", "", """
        for (int epoch = 0; epoch < 200; epoch++) net.fit(data);
        for (int epoch = 0; epoch < 300; epoch++) net.fit(data);""");
    assertEquals(List.of("note"), levels(twoLoops, "UncheckedTrainingLoss"));
  }

  @Test
  void learningRateOfAnUpdaterAppliedByHandIsANote() {
    String source = """
        import org.nd4j.linalg.learning.AdamUpdater;
        import org.nd4j.linalg.learning.config.Adam;
        class T { Object u() { return new AdamUpdater(new Adam(2, 0.9, 0.999, 1e-8)); } }
        """;
    assertEquals(List.of("note"), levels(source, "HighLearningRate"));
  }

  @Test
  void aRateThatLooksLikeTheDecayIsNamed() {
    String source = """
        import org.nd4j.linalg.learning.config.RmsProp;
        class T { Object u() { return new RmsProp(0.95); } }
        """;
    assertEquals(List.of("warning"), levels(source, "HighLearningRate"));
    assertTrue(findings(source, "HighLearningRate").get(0).message().contains("rmsDecay"));
  }

  /** DL4J 0.x: the updater per layer as {@code Updater.X}, the rate on the network builder. */
  private static final String LEGACY = """
      import org.deeplearning4j.nn.conf.*;
      import org.deeplearning4j.nn.conf.layers.*;
      import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
      import org.nd4j.linalg.learning.config.RmsProp;
      import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
      class T {
        void run(DataSetIterator data) {
          MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
              .iterations(1).learningRate(0.1)
              .list()
              .layer(0, new GravesLSTM.Builder().nIn(10).nOut(50).updater(%s).build())
              .layer(1, new RnnOutputLayer.Builder().nIn(50).nOut(10).updater(%s).build())
              .backpropType(BackpropType.TruncatedBPTT).tBPTTForwardLength(50)
              .build();
          MultiLayerNetwork net = new MultiLayerNetwork(conf);
          net.fit(data);
          Object decay = new RmsProp(0.95);
        }
      }
      """;

  @Test
  void aLayersOwnUpdaterDecidesForThatLayer() {
    assertEquals(List.of("note"), levels(LEGACY.formatted("Updater.RMSPROP", "Updater.RMSPROP"),
        "MissingGradientClipping"));
    assertEquals(List.of("warning"), levels(LEGACY.formatted("Updater.NESTEROVS", "Updater.RMSPROP"),
        "MissingGradientClipping"));
  }

  @Test
  void theOneArgumentRmsPropOfDl4j0xIsTheDecay() {
    assertEquals(List.of(), levels(LEGACY.formatted("Updater.RMSPROP", "Updater.RMSPROP"), "HighLearningRate"));
  }

  /** A dense regression network fitted on literal features; {@code %s} is the updater. */
  private static final String LITERAL_FEATURES = """
      import org.deeplearning4j.nn.conf.*;
      import org.deeplearning4j.nn.conf.layers.*;
      import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
      import org.nd4j.linalg.api.ndarray.INDArray;
      import org.nd4j.linalg.factory.Nd4j;
      import org.nd4j.linalg.learning.config.*;
      import org.nd4j.linalg.lossfunctions.LossFunctions;
      class T {
        void run() {
          INDArray x = Nd4j.create(new double[][] {{2104, 3}, {1600, 3}});
          INDArray y = Nd4j.create(new double[][] {{0.4}, {0.3}});
          MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
              %s
              .list()
              .layer(new DenseLayer.Builder().nIn(2).nOut(8).build())
              .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(8).nOut(1).build())
              .build();
          MultiLayerNetwork net = new MultiLayerNetwork(conf);
          net.fit(x, y);
        }
      }
      """;

  @Test
  void literalFeaturesInTheThousandsWarnUnderPlainSgdAndAreANoteUnderAdam() {
    assertEquals(List.of("warning"), levels(LITERAL_FEATURES.formatted(".updater(new Sgd(0.01))"),
        "MissingInputNormalization"));
    assertEquals(List.of("warning"), levels(LITERAL_FEATURES.formatted(""), "MissingInputNormalization"));
    assertEquals(List.of("note"), levels(LITERAL_FEATURES.formatted(".updater(new Adam(1e-3))"),
        "MissingInputNormalization"));
  }

  @Test
  void theSameLiteralsScaledInPlaceAreSilent() {
    String scaled = LITERAL_FEATURES.formatted(".updater(new Sgd(0.01))").replace("net.fit(x, y);",
        "x.divi(2104); net.fit(x, y);");
    assertEquals(List.of(), levels(scaled, "MissingInputNormalization"));
  }
}
