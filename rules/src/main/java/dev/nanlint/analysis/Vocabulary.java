package dev.nanlint.analysis;

import java.util.List;
import java.util.Set;

/**
 * Every list of identifier words the analysis takes as evidence, in one place. ML code names things
 * consistently ({@code probs}, {@code sumExp}, {@code numExamples}, {@code trainLoss}), so a word of a name
 * tells something where no type or computation does; but it is only weak evidence: the code may name a
 * value as it likes. A finding that rests on one of these lists must say so in its message ("named like a
 * count", "in a method named like loss code"), so the user can see and judge the guess.
 *
 * <p>Words are lower case and matched against the words {@link Names#words} splits an identifier into
 * (camelCase, snake_case, digits), and usually against the whole identifier lower-cased as well
 * ({@link Names#any}). Library method names (ND4J ops, DL4J builder methods) are not name evidence and stay
 * with the code that knows the library. Two lists of {@code Origins} are not here yet: its
 * {@code NOT_PROBABILITIES} words and its inline softmax/sigmoid words.
 */
final class Vocabulary {
  private Vocabulary() {}

  // ---- what a value is (read through the predicates of Names) ---------------------------------------

  /**
   * A small positive constant added or clamped to keep a value off 0 ({@code eps}, {@code smoothing},
   * {@code tol}): evidence that a term is positive. Read by {@link Names#isEpsilon} (asked by Values,
   * Origins, Fixes).
   */
  static final Set<String> EPSILON = Set.of("eps", "epsilon", "tiny", "smooth", "smoothing",
      "minvalue", "stabilizer", "stabiliser", "jitter", "tol", "tolerance");

  /**
   * A probability or model output in [0, 1], which can be exactly 0 or 1 ({@code probs}, {@code yHat},
   * {@code precision}): evidence that a log argument can be 0. Read by {@link Names#isProbability}
   * (asked by Values, Summaries, NumFact).
   */
  static final Set<String> PROBABILITY = Set.of("p", "prob", "probs", "probability", "probabilities",
      "proba", "pred", "preds", "prediction", "predictions", "predicted", "yhat", "hat", "output",
      "outputs", "activation", "activations", "softmax", "sigmoid", "likelihood", "likelihoods",
      "posterior", "posteriors", "confidence", "confidences", "density", "densities", "pdf", "precision",
      "recall", "sensitivity", "specificity", "tpr", "fpr");

  /**
   * A data count, 0 when nothing matched ({@code count}, {@code n}, {@code numExamples}): evidence that a
   * divisor can be 0. Read by {@link Names#isCount} (asked by Values), which excludes structural sizes.
   */
  static final Set<String> COUNT = Set.of("n", "count", "counts", "size", "total", "len",
      "length", "cnt", "examples", "samples", "rows", "observations", "instances");

  /**
   * A sum, norm, spread or normaliser ({@code denom}, {@code std}, {@code partition}), 0 for empty or
   * constant data: evidence that a divisor can be 0. Read by {@link Names#isSumOrNorm} (asked by Values).
   * Near {@link #NORMALISER}, which is narrower and read only to describe a softmax.
   */
  static final Set<String> SUM = Set.of("sum", "sums", "denom", "denominator", "norm", "norms",
      "magnitude", "std", "stddev", "stdev", "variance", "var", "normalizer", "normaliser", "partition",
      "range", "total");

  /**
   * A hyperparameter used as an exponent, conventionally real-valued and non-negative ({@code gamma},
   * {@code alpha}): evidence about {@code Math.pow}'s exponent. Read by {@link Names#isExponent} (asked by
   * the rule PowDomain).
   */
  static final Set<String> EXPONENT = Set.of("gamma", "alpha", "beta", "power", "exponent", "expo",
      "lambda", "kappa", "nu", "rho", "tau", "order");

  /**
   * A signed quantity: differences, residuals, advantages, which can be negative. Read by
   * {@link Names#isSigned} (asked by Values).
   */
  static final Set<String> SIGNED = Set.of("diff", "diffs", "difference", "delta", "deltas", "residual",
      "residuals", "advantage", "advantages", "td");

  /**
   * A cosine or correlation, in [-1, 1] only in exact arithmetic: evidence that {@code acos}/{@code asin}
   * can get an argument just outside. Read by {@link Names#isCosine} (asked by the rule InverseTrigDomain).
   */
  static final Set<String> COSINE = Set.of("cos", "cosine", "cosines", "cossim", "similarity",
      "similarities", "sim", "sims", "corr", "correlation", "correlations", "pearson");

  /**
   * An array of per-bucket counts ({@code classCounts[k]}, {@code pulls[a]}), which holds zeros for buckets
   * never seen: evidence that an element divisor can be 0. Read by {@link Names#isHistogram} (asked by
   * Values).
   */
  static final Set<String> HISTOGRAM = Set.of("count", "counts", "cnt", "freq", "freqs", "frequency",
      "frequencies", "hist", "histogram", "total", "totals", "tally", "pulls", "visits", "trials",
      "impressions", "occurrences");

  /**
   * A wall-clock quantity ({@code elapsed}, {@code millis}): evidence that a difference ({@code end - start})
   * is timing code, not training math, and is not reported as "0 when both sides are equal". Read by
   * {@link Names#isTime} (asked by Values).
   */
  static final Set<String> TIME = Set.of("time", "times", "millis", "nanos", "ms", "ns", "timestamp", "duration",
      "elapsed", "start", "end", "now", "clock");

  /**
   * An exponential decay rate of an optimiser or moving average, in (0, 1) ({@code beta}, {@code rho}).
   * Read by {@link Names#isDecayRate} (asked by Values).
   */
  static final Set<String> DECAY_RATE = Set.of("beta", "decay", "rho", "momentum");

  /**
   * Observed target values ({@code actual[i]}, {@code truth}), which can be 0 (zero sales): evidence for
   * percentage errors. Read by {@link Names#isTarget} (asked by Values, Labels, Constants), which also takes
   * {@code y}, {@code ys} and {@code yTrue}. Overlaps {@link #LABEL}, which is about class labels.
   */
  static final Set<String> TARGET = Set.of("actual", "actuals", "target", "targets", "truth", "observed");

  /**
   * A distance between two points, 0 when they coincide ({@code dist[i]}): evidence that a divisor can be
   * 0. Read by {@link Names#isDistance} (asked by Values).
   */
  static final Set<String> DISTANCE = Set.of("dist", "dists", "distance", "distances");

  /**
   * Class labels ({@code labels}, {@code y}, {@code classIdx}, {@code gold}): evidence that an array holds
   * class indices or one-hot rows. Read by {@link Labels#isLabelName} (asked by Labels and the rules
   * LabelOutOfRange, NegativeClassLabel, LabelLossMismatch), which also takes "one" with "hot".
   */
  static final Set<String> LABEL = Set.of("label", "labels", "target", "targets", "y", "ys",
      "class", "classes", "cls", "clazz", "klass", "outcome", "outcomes", "category", "categories", "onehot",
      "truth", "gold");

  // ---- softmax and log-sum-exp (read by Exponentials) -------------------------------------------------

  /**
   * A maximum subtracted before {@code exp} ({@code max}, {@code lse}): evidence that an exponent is
   * shifted to at most 0. Read by Exponentials.
   */
  static final Set<String> MAX = Set.of("max", "maximum", "amax", "lse", "logsumexp");

  /**
   * With the word "log", a log-normaliser subtracted from logits ({@code logSum}, {@code logZ},
   * {@code logPartition}): evidence of a log-softmax. Read by Exponentials.
   */
  static final Set<String> LOG_NORMALISER = Set.of("sum", "z", "norm", "partition", "normalizer",
      "normaliser");

  /**
   * A softmax's normaliser named as such ({@code sum}, {@code denom}, {@code partition}): evidence that a
   * division normalises exponentials. Read by Exponentials. Near {@link #SUM}, which is about divisors
   * that can be 0: SUM adds norm, norms, magnitude, std, stddev, stdev, variance, var and range, and lacks
   * normalization and normalisation.
   */
  static final Set<String> NORMALISER = Set.of("sum", "sums", "total", "denom", "denominator",
      "partition", "normalizer", "normaliser", "normalization", "normalisation");

  // ---- what code is (enclosing method and class names, read by Scope) --------------------------------

  /**
   * Loss, gradient, optimiser, normalisation, metric or training code, from the names of the enclosing
   * methods and classes (plurals count): where a division by a value that can be 0 is worth a report.
   * Read by {@link Scope#isNumericCode} (asked by the rules UnguardedDivision and HalfPrecision). Chosen on
   * real code: "optimizer" alone is not here (general numerical optimizers are not ML code).
   */
  static final Set<String> NUMERIC_CODE = Set.of("loss", "losses", "cost", "objective", "score",
      "gradient", "gradients", "grad", "grads", "backprop", "backward", "forward", "entropy", "xent",
      "crossentropy", "likelihood", "nll", "logit", "logits", "softmax", "sigmoid", "activation", "activate",
      "normalize", "normalise", "normalized", "normalised", "normalization", "normalisation", "normalizer",
      "normaliser", "standardize", "standardise", "zscore", "scaler", "update", "updater",
      "adam", "adagrad", "adadelta", "rmsprop", "sgd", "nesterovs",
      "momentum", "kl", "divergence", "perplexity", "mean", "average", "avg", "variance", "std", "stddev",
      "norm", "cosine", "similarity", "probability", "probabilities", "prob", "probs", "proba", "predict",
      "metric", "metrics", "precision", "recall", "accuracy", "auc", "train", "trainer", "training", "fit",
      "epoch", "batchnorm", "attention", "regularization", "regularisation", "regularizer", "weight",
      "weights", "distance", "moment", "moments", "statistics", "stats", "calibration", "temperature",
      "frequency", "frequencies", "balancing", "embedding", "embeddings", "em", "mixture", "kmeans",
      "centroid", "centroids", "gd", "dice", "jaccard", "iou", "focal", "huber", "hinge", "triplet",
      "contrastive",
      // feature scaling, text features, reinforcement learning, probabilistic models, clustering
      "scale", "scaling", "rescale", "tfidf", "idf", "advantage", "reward", "policy", "bayes", "posterior",
      "prior", "emission", "markov", "hmm", "viterbi", "silhouette", "bandit", "ctr", "lamb", "adafactor",
      "trust", "knn", "neighbour", "neighbor");

  /**
   * Monitoring and presentation around training ({@code listener}, {@code formatter}), where a division is
   * for display, not for the model: it overrides {@link #NUMERIC_CODE}. Read by {@link Scope#isNumericCode}.
   */
  static final Set<String> NON_NUMERIC_CODE = Set.of("listener", "benchmark", "logger", "reporter",
      "printer", "timer", "stopwatch", "progress", "ui", "display", "render", "chart", "plot", "format",
      "formatter", "summary", "tostring");

  /**
   * Code computing a loss or score, from the enclosing method and class names, where even an unexplained
   * log argument is a probability. Read by {@link Scope#isLossCode}. Not {@link #LOSS}, which is a subset:
   * this one adds loss-function names (entropy, crossentropy, likelihood, kl, divergence, perplexity, mcxent,
   * logloss, dice, jaccard, iou, focal, huber, hinge, triplet, contrastive) and matches whole identifiers
   * too.
   */
  static final Set<String> LOSS_CODE = Set.of("loss", "losses", "cost", "objective", "entropy",
      "xent", "crossentropy", "likelihood", "nll", "score", "kl", "divergence", "perplexity", "mcxent",
      "logloss", "dice", "jaccard", "iou", "focal", "huber", "hinge", "triplet", "contrastive");

  /**
   * Package prefixes of machine-learning libraries: a file that imports from one of them is ML code by what
   * it uses, whatever its names (issue 15, item 4). Read by {@link Scope#usesMlLibrary}.
   */
  static final List<String> ML_LIBRARY_PACKAGES = List.of("org.nd4j.", "org.deeplearning4j.", "org.datavec.",
      "org.tribuo.", "smile.", "weka.", "moa.", "org.encog.", "ai.djl.", "org.tensorflow.", "ml.dmlc.xgboost4j.",
      "cc.mallet.", "org.apache.mahout.", "opennlp.tools.ml.", "org.apache.spark.ml.", "org.apache.spark.mllib.",
      "de.bwaldvogel.liblinear.", "libsvm.", "jsat.", "elki.", "de.lmu.ifi.dbs.elki.", "net.librec.",
      "org.neuroph.", "hex.genmodel.", "ai.h2o.", "org.apache.flink.ml.", "com.alibaba.alink.", "meka.",
      "net.sf.javaml.");

  /**
   * Simple names of DL4J, ND4J and Tribuo types whose implementations are ML code (losses, activations,
   * updaters, normalisers, evaluations, optimisers). Type names, not words: matched whole against the
   * supertypes a class declares, so a class implementing one is ML code whatever its name. Read by
   * {@link Scope#isNumericCode}.
   */
  static final Set<String> ML_TYPES = Set.of("ILossFunction", "IActivation", "BaseActivationFunction",
      "IUpdater", "GradientUpdater", "LabelObjective", "RegressionObjective", "Objective",
      "StochasticGradientOptimiser", "DataNormalization", "Normalizer", "AbstractDataSetNormalizer",
      "BaseLayer", "IEvaluation", "BaseEvaluation", "Trainer", "Optimizer", "ConvexOptimizer",
      "BaseOptimizer", "StepFunction", "IMetric", "EvaluationMetric");

  // ---- training loops (read by TrainingLoops) ---------------------------------------------------------

  /**
   * A variable or call holding the training loss ({@code loss}, {@code score}, {@code nll}): evidence that a
   * loop computes a loss, and that a loop variable is not an epoch counter. Read by TrainingLoops. A subset
   * of {@link #LOSS_CODE} (which adds the names of loss functions), matched word by word only.
   */
  static final Set<String> LOSS = Set.of("loss", "losses", "score", "cost", "objective", "nll", "xent");

  /**
   * An epoch or iteration counter ({@code epoch}, {@code episode}, {@code iter}): evidence that a loop is the
   * outer loop of training. Read by TrainingLoops.
   */
  static final Set<String> LOOP = Set.of("epoch", "epochs", "episode", "episodes", "iter", "iters",
      "iteration", "iterations", "round", "rounds");

  /**
   * A model ({@code net}, {@code classifier}, {@code lstm}): evidence that a call fits or runs a model.
   * Read by TrainingLoops.
   */
  static final Set<String> MODEL = Set.of("model", "net", "network", "classifier", "graph", "mlp",
      "lstm", "rnn", "cnn", "autoencoder", "vae", "nn", "regressor", "learner", "computation");

  /**
   * A learning rate ({@code lr}, {@code eta}, {@code stepSize}): evidence that an update is a gradient
   * step. Read by TrainingLoops.
   */
  static final Set<String> RATE = Set.of("lr", "learning", "rate", "alpha", "eta", "stepsize");

  /**
   * Model parameters ({@code weights}, {@code theta}, {@code bias}): evidence that an assignment updates a
   * model. Read by TrainingLoops.
   */
  static final Set<String> WEIGHT = Set.of("w", "weight", "weights", "theta", "params", "parameters",
      "bias", "biases", "coef", "coefficients");

  // ---- squares (read by Roots) ------------------------------------------------------------------------

  /**
   * A squared quantity or norm ({@code norm}, {@code sq}, {@code squares}): evidence that a square root's
   * argument is non-negative. Read by Roots.
   */
  static final Set<String> SQUARED = Set.of("norm", "sq", "squared", "squares");
}
