package dev.nanlint.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Is this loss, gradient, optimiser, normalisation, metric or training code? Division by a value that
 * can be 0 matters there; in ordinary code (indexing, layout, I/O) nanlint stays quiet about it.
 * Decided from the enclosing method's and class's names and the ML types the class implements.
 */
public final class Scope {
  private static final Set<String> NUMERIC_WORDS = Set.of("loss", "losses", "cost", "objective", "score",
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
  private static final Set<String> LOSS_WORDS = Set.of("loss", "losses", "cost", "objective", "entropy",
      "xent", "crossentropy", "likelihood", "nll", "score", "kl", "divergence", "perplexity", "mcxent",
      "logloss", "dice", "jaccard", "iou", "focal", "huber", "hinge", "triplet", "contrastive");
  private static final Set<String> ML_TYPES = Set.of("ILossFunction", "IActivation", "BaseActivationFunction",
      "IUpdater", "GradientUpdater", "LabelObjective", "RegressionObjective", "Objective",
      "StochasticGradientOptimiser", "DataNormalization", "Normalizer", "AbstractDataSetNormalizer",
      "BaseLayer", "IEvaluation", "BaseEvaluation", "Trainer", "Optimizer", "ConvexOptimizer",
      "BaseOptimizer", "StepFunction", "IMetric", "EvaluationMetric");

  Scope() {}

  /** Monitoring and presentation around training, where a division is for display, not for the model. */
  private static final Set<String> NON_NUMERIC_WORDS = Set.of("listener", "benchmark", "logger", "reporter",
      "printer", "timer", "stopwatch", "progress", "ui", "display", "render", "chart", "plot", "format",
      "formatter", "summary", "tostring");

  /** Loss, gradient, optimiser, normalisation, metric or training code. */
  public boolean isNumericCode(Node n) {
    for (String name : enclosingNames(n)) {
      if (Names.any(name, NON_NUMERIC_WORDS)) {
        return false;
      }
    }
    for (String name : enclosingNames(n)) {
      if (mentions(name, NUMERIC_WORDS)) {
        return true;
      }
    }
    return implementsMlType(n);
  }

  /** Code computing a loss or score, where even an unexplained log argument is a probability. */
  public boolean isLossCode(Node n) {
    for (String name : enclosingNames(n)) {
      if (Names.any(name, LOSS_WORDS)) {
        return true;
      }
    }
    return n.findAncestor(ClassOrInterfaceDeclaration.class)
        .map(c -> supertypes(c).stream().anyMatch(t -> t.equals("ILossFunction") || t.endsWith("Objective")))
        .orElse(false);
  }

  /** A word of {@code name} in {@code vocabulary}, also as a plural: FeatureScalers, Advantages, Rewards. */
  private static boolean mentions(String name, Set<String> vocabulary) {
    if (Names.any(name, vocabulary)) {
      return true;
    }
    for (String word : Names.words(name)) {
      if (word.length() > 3 && word.endsWith("s") && vocabulary.contains(word.substring(0, word.length() - 1))) {
        return true;
      }
    }
    return false;
  }

  private static List<String> enclosingNames(Node n) {
    List<String> names = new ArrayList<>();
    for (Node p = n; p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof CallableDeclaration<?> c) {
        names.add(c.getNameAsString());
      } else if (p instanceof TypeDeclaration<?> t) {
        names.add(t.getNameAsString());
      }
    }
    return names;
  }

  private static boolean implementsMlType(Node n) {
    for (Node p = n; p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof ClassOrInterfaceDeclaration c && supertypes(c).stream().anyMatch(ML_TYPES::contains)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> supertypes(ClassOrInterfaceDeclaration c) {
    List<String> out = new ArrayList<>();
    for (ClassOrInterfaceType t : c.getExtendedTypes()) {
      out.add(t.getNameAsString());
    }
    for (ClassOrInterfaceType t : c.getImplementedTypes()) {
      out.add(t.getNameAsString());
    }
    return out;
  }
}
