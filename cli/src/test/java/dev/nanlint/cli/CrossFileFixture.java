package dev.nanlint.cli;

/** Two files of one project, as in the processor's CrossFileFactsTest: a helper class and its caller. */
final class CrossFileFixture {
  static final String[] PROBABILITIES = {
      "package demo.util;",
      "",
      "public final class Probabilities {",
      "  private static final double EPS = 1e-7;",
      "",
      "  private Probabilities() {",
      "  }",
      "",
      "  public static double clippedSigmoid(double z) {",
      "    return Math.max(EPS, Math.min(1 - EPS, 1.0 / (1.0 + Math.exp(-z))));",
      "  }",
      "",
      "  public static double sigmoid(double z) {",
      "    return 1.0 / (1.0 + Math.exp(-z));",
      "  }",
      "",
      "  public static int batches(int examples, int batchSize) {",
      "    return examples / batchSize;",
      "  }",
      "}"};
  static final String[] LOSS = {
      "package demo;",
      "",
      "import demo.util.Probabilities;",
      "",
      "class Loss {",
      "  double clippedLoss(double z) {",
      "    return -Math.log(Probabilities.clippedSigmoid(z));",
      "  }",
      "",
      "  double rawLoss(double z) {",
      "    return -Math.log(Probabilities.sigmoid(z));",
      "  }",
      "",
      "  double lossPerBatch(double totalLoss, int examples, int batchSize) {",
      "    return totalLoss / Probabilities.batches(examples, batchSize);",
      "  }",
      "}"};

  private CrossFileFixture() {
  }
}
