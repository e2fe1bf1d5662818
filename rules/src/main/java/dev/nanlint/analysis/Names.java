package dev.nanlint.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What identifiers say about values. ML code names things consistently ({@code probs}, {@code yHat},
 * {@code sumExp}, {@code numExamples}, {@code EPSILON}); these word lists are the shared vocabulary.
 */
public final class Names {
  private Names() {}

  static final Set<String> EPSILON = Set.of("eps", "epsilon", "tiny", "smooth", "smoothing",
      "minvalue", "stabilizer", "stabiliser", "jitter");

  static final Set<String> PROBABILITY = Set.of("p", "prob", "probs", "probability", "probabilities",
      "proba", "pred", "preds", "prediction", "predictions", "predicted", "yhat", "hat", "output",
      "outputs", "activation", "activations", "softmax", "sigmoid", "likelihood", "likelihoods",
      "posterior", "posteriors", "confidence", "confidences");

  static final Set<String> COUNT = Set.of("n", "count", "counts", "num", "size", "total", "len",
      "length", "cnt", "examples", "samples", "batchsize", "minibatch", "minibatchsize", "rows",
      "columns", "cols", "observations", "instances");

  static final Set<String> SUM = Set.of("sum", "sums", "denom", "denominator", "norm", "norms",
      "magnitude", "std", "stddev", "stdev", "variance", "var", "normalizer", "normaliser", "partition",
      "range", "total");

  /** Hyperparameters that are exponents and are conventionally real-valued and non-negative. */
  static final Set<String> EXPONENT = Set.of("gamma", "alpha", "beta", "power", "exponent", "expo",
      "lambda", "kappa", "nu", "rho", "tau", "order");

  /** Values that are cosines or correlations, bounded by [-1, 1] only in exact arithmetic. */
  static final Set<String> COSINE = Set.of("cos", "cosine", "cosines", "cossim", "similarity",
      "similarities", "sim", "sims", "corr", "correlation", "correlations", "pearson");

  /** Splits camelCase, snake_case and digits into lower-case words: "sumExpLogits_2" -> sum, exp, logits. */
  public static List<String> words(String identifier) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < identifier.length(); i++) {
      char c = identifier.charAt(i);
      boolean boundary = Character.isUpperCase(c) && word.length() > 0
          && (Character.isLowerCase(identifier.charAt(i - 1))
              || (i + 1 < identifier.length() && Character.isLowerCase(identifier.charAt(i + 1))));
      if (!Character.isLetter(c) || boundary) {
        if (word.length() > 0) {
          out.add(word.toString().toLowerCase(Locale.ROOT));
          word.setLength(0);
        }
        if (!Character.isLetter(c)) {
          continue;
        }
      }
      word.append(c);
    }
    if (word.length() > 0) {
      out.add(word.toString().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  static boolean any(String identifier, Set<String> vocabulary) {
    for (String w : words(identifier)) {
      if (vocabulary.contains(w)) {
        return true;
      }
    }
    return vocabulary.contains(identifier.toLowerCase(Locale.ROOT));
  }

  public static boolean isEpsilon(String identifier) {
    return any(identifier, EPSILON);
  }

  public static boolean isProbability(String identifier) {
    return any(identifier, PROBABILITY);
  }

  public static boolean isCount(String identifier) {
    return any(identifier, COUNT);
  }

  public static boolean isSumOrNorm(String identifier) {
    return any(identifier, SUM);
  }

  public static boolean isExponent(String identifier) {
    return any(identifier, EXPONENT);
  }

  public static boolean isCosine(String identifier) {
    return any(identifier, COSINE);
  }
}
