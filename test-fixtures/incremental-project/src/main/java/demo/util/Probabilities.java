package demo.util;

public final class Probabilities {
  private static final double EPS = 1e-7;

  private Probabilities() {
  }

  public static double clippedSigmoid(double z) {
    return Math.max(EPS, Math.min(1 - EPS, 1.0 / (1.0 + Math.exp(-z))));
  }

  public static double sigmoid(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }

  public static int batches(int examples, int batchSize) {
    return examples / batchSize;
  }
}
