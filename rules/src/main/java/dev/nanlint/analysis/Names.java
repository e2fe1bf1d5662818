package dev.nanlint.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What identifiers say about values. ML code names things consistently ({@code probs}, {@code yHat},
 * {@code sumExp}, {@code numExamples}, {@code EPSILON}); the predicates here read the word lists of
 * {@link Vocabulary}, where every list of identifier words lives.
 */
public final class Names {
  private Names() {}

  /** Signed quantities: differences, residuals and advantages can be negative. */
  public static boolean isSigned(String identifier) {
    return any(identifier, Vocabulary.SIGNED);
  }

  /** The words of identifiers already split, per thread: rules ask about the same names again and again. */
  private static final ThreadLocal<Map<String, List<String>>> WORDS = ThreadLocal.withInitial(HashMap::new);

  /** Splits camelCase, snake_case and digits into lower-case words: "sumExpLogits_2" -> sum, exp, logits. */
  public static List<String> words(String identifier) {
    Map<String, List<String>> cache = WORDS.get();
    List<String> words = cache.get(identifier);
    if (words == null) {
      if (cache.size() > 20_000) {
        cache.clear(); // identifiers repeat within a file and a project; a bound keeps a huge scan's memory flat
      }
      words = split(identifier);
      cache.put(identifier, words);
    }
    return words;
  }

  private static List<String> split(String identifier) {
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
    return List.copyOf(out);
  }

  static boolean any(String identifier, Set<String> vocabulary) {
    for (String w : words(identifier)) {
      if (vocabulary.contains(w)) {
        return true;
      }
    }
    return vocabulary.contains(identifier.toLowerCase(Locale.ROOT));
  }

  /** A getter's name: {@code getX}, not {@code get} itself. */
  public static boolean isGetter(String identifier) {
    return identifier.startsWith("get") && identifier.length() > 3;
  }

  public static boolean isEpsilon(String identifier) {
    return any(identifier, Vocabulary.EPSILON);
  }

  public static boolean isProbability(String identifier) {
    List<String> w = words(identifier);
    if (w.size() == 2 && w.get(1).equals("hat") && (w.get(0).equals("m") || w.get(0).equals("v"))) {
      return false; // mHat, vHat: Adam's bias-corrected moments, not predictions like yHat
    }
    return any(identifier, Vocabulary.PROBABILITY);
  }

  /**
   * A data count: how many examples, hits or rows were seen, which is 0 when nothing matched. Not a
   * structural size fixed by configuration ({@code numLabels}, {@code nClasses}, {@code batchSize}).
   */
  public static boolean isCount(String identifier) {
    return any(identifier, Vocabulary.COUNT) && !isStructuralSize(identifier);
  }

  /** An array of per-bucket counts ({@code classCounts[k]}), which holds zeros for buckets never seen. */
  public static boolean isHistogram(String identifier) {
    return any(identifier, Vocabulary.HISTOGRAM) && !isStructuralSize(identifier);
  }

  /** Wall-clock quantities: timing code, not training math. */
  public static boolean isTime(String identifier) {
    return any(identifier, Vocabulary.TIME);
  }

  /** Exponential decay rates of optimisers and moving averages, which lie in (0, 1). */
  public static boolean isDecayRate(String identifier) {
    return any(identifier, Vocabulary.DECAY_RATE);
  }

  /** numLabels, num_classes, nOut, nClasses, getNumColumns, batchSize, miniBatchSize: sizes a model or config fixes. */
  public static boolean isStructuralSize(String identifier) {
    String id = identifier.startsWith("get") && identifier.length() > 3 ? identifier.substring(3) : identifier;
    boolean numPrefix = id.length() > 3 && id.regionMatches(true, 0, "num", 0, 3)
        && (Character.isUpperCase(id.charAt(3)) || id.charAt(3) == '_');
    boolean nPrefix = id.length() > 1 && id.charAt(0) == 'n' && Character.isUpperCase(id.charAt(1));
    List<String> w = words(identifier);
    return numPrefix || nPrefix || w.contains("batch") || w.contains("minibatch") || w.contains("bins");
  }

  /**
   * Observed target values ({@code actual[i]}, {@code y[i]}, {@code yTrue[i]}): data, and 0 for many
   * (zero sales, a zero label), which percentage errors divide by.
   */
  public static boolean isTarget(String identifier) {
    List<String> words = words(identifier);
    return any(identifier, Vocabulary.TARGET) || identifier.equals("y") || identifier.equals("ys")
        || (words.size() == 2 && words.get(0).equals("y") && words.get(1).equals("true"));
  }

  /** A distance between two points: 0 when they coincide (a duplicate row, a query from the training set). */
  public static boolean isDistance(String identifier) {
    return any(identifier, Vocabulary.DISTANCE);
  }

  public static boolean isSumOrNorm(String identifier) {
    return any(identifier, Vocabulary.SUM);
  }

  /** Hyperparameters that are exponents and are conventionally real-valued and non-negative. */
  public static boolean isExponent(String identifier) {
    return any(identifier, Vocabulary.EXPONENT);
  }

  /** Values that are cosines or correlations, bounded by [-1, 1] only in exact arithmetic. */
  public static boolean isCosine(String identifier) {
    return any(identifier, Vocabulary.COSINE);
  }
}
