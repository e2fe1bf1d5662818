package dev.nanlint.analysis;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.nanlint.engine.FileNodes;
import dev.nanlint.engine.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * DL4J output layers and losses: which loss functions a file writes, the loss and activation an output or
 * loss layer ends up with (its own, the builder's default, or the network's), and how many classes a
 * classifier output layer ({@code nOut} of a softmax/cross-entropy output) has.
 */
public final class OutputLayers {
  private static final String LAYERS = "org.deeplearning4j.nn.conf.layers";
  private static final Set<String> CLASSIFIER_LAYERS = Set.of("OutputLayer", "RnnOutputLayer", "CenterLossOutputLayer",
      "Cnn3DLossLayer");
  private static final Set<String> CLASSIFICATION = Set.of("SOFTMAX", "MCXENT", "NEGATIVELOGLIKELIHOOD", "XENT",
      "LossMCXENT", "LossNegativeLogLikelihood", "LossBinaryXENT", "SPARSE_MCXENT", "LossSparseMCXENT");

  /** The label values a loss is defined for. */
  public enum LabelDomain {
    /** Cross-entropy (XENT, MCXENT, NEGATIVELOGLIKELIHOOD): log of the output weighted by a label in [0, 1]. */
    PROBABILITY,
    /** MSLE takes log of the target (log(y + 1)), Poisson weights log(output) by it: no negative label. */
    NON_NEGATIVE,
    /** HINGE, SQUARED_HINGE: labels -1 and +1. */
    SIGNED,
    /** Any other loss: nothing to say about its labels. */
    ANY;

    /** Is the loss undefined for these label values (negative for the first two, exactly {0, 1} for hinge)? */
    public boolean rejects(Set<Double> labels) {
      return switch (this) {
        case PROBABILITY, NON_NEGATIVE -> labels.stream().anyMatch(v -> v < 0);
        case SIGNED -> labels.size() == 2 && labels.contains(0.0) && labels.contains(1.0);
        case ANY -> false;
      };
    }

    /** The label domain of a loss named as in {@link BuilderChains#loss}. */
    public static LabelDomain of(String loss) {
      return switch (loss) {
        case "XENT", "MCXENT", "NEGATIVELOGLIKELIHOOD" -> PROBABILITY;
        case "MEAN_SQUARED_LOGARITHMIC_ERROR", "POISSON" -> NON_NEGATIVE;
        case "HINGE", "SQUARED_HINGE" -> SIGNED;
        default -> ANY;
      };
    }
  }

  private final CompilationUnit unit;
  private final Imports imports;
  private final Constants constants;
  private final BuilderChains chains;

  OutputLayers(CompilationUnit unit, Imports imports, Constants constants, BuilderChains chains) {
    this.unit = unit;
    this.imports = imports;
    this.constants = constants;
    this.chains = chains;
  }

  /** A loss function written in the file, and where. */
  public record Loss(String name, Node at) {}

  /** The loss of an output or loss layer: its name and the expression choosing it (null for DL4J's default). */
  public record LayerLoss(String name, Expression written) {}

  /** The class count of the classifier output layers of a class, and the line of (the last) one. */
  public record Width(long classes, int line) {}

  /**
   * Every loss the file writes: {@code new LossMCXENT()}, {@code LossFunction.XENT}, and an
   * {@code OutputLayer.Builder()} / {@code RnnOutputLayer.Builder()} with no loss at all (DL4J's default MCXENT).
   */
  public List<Loss> losses() {
    List<Loss> out = new ArrayList<>();
    for (ObjectCreationExpr creation : FileNodes.of(unit).all(ObjectCreationExpr.class)) {
      String name = creation.getType().getNameAsString();
      if (name.startsWith("Loss") && !name.equals("LossLayer")) {
        chains.loss(creation).ifPresent(l -> out.add(new Loss(l, creation)));
      } else if (name.equals("Builder") && creation.getType().getScope().isPresent()) {
        String owner = creation.getType().getScope().get().getNameAsString();
        if ((owner.equals("OutputLayer") || owner.equals("RnnOutputLayer")) && creation.getArguments().isEmpty()) {
          Optional<BuilderChains.Layer> layer = chains.layer(creation);
          if (layer.isPresent() && !layer.get().isOpen() && !layer.get().has("lossFunction")) {
            out.add(new Loss("MCXENT", creation));
          }
        }
      }
    }
    for (FieldAccessExpr field : FileNodes.of(unit).all(FieldAccessExpr.class)) {
      if (field.getScope().toString().endsWith("LossFunction")) {
        chains.loss(field).ifPresent(l -> out.add(new Loss(l, field)));
      }
    }
    return out;
  }

  /**
   * The loss of a layer: {@code .lossFunction(...)} wins over the constructor argument, and a builder with
   * neither gets MCXENT. Empty when the written loss is not one nanlint can name.
   */
  public Optional<LayerLoss> loss(BuilderChains.Layer layer) {
    ObjectCreationExpr creation = layer.creation();
    Expression written = layer.last("lossFunction").flatMap(c -> c.arg(0))
        .orElse(creation.getArguments().isEmpty() ? null : creation.getArgument(0));
    Optional<String> name = written == null ? Optional.of("MCXENT") : chains.loss(written);
    return name.map(n -> new LayerLoss(n, written));
  }

  /**
   * The activation a layer that sets none gets: the builder's own default (OutputLayer: softmax, LossLayer:
   * identity), else the network's, else DL4J's network default SIGMOID. Empty when the network's is not visible.
   */
  public Optional<String> defaultActivation(BuilderChains.Layer layer) {
    switch (layer.type()) {
      case "OutputLayer", "RnnOutputLayer" -> {
        return Optional.of("SOFTMAX");
      }
      case "LossLayer" -> {
        return Optional.of("IDENTITY");
      }
      case "CenterLossOutputLayer" -> {
        if (layer.creation().getArguments().isEmpty()) {
          return Optional.of("SOFTMAX");
        }
      }
      default -> { }
    }
    Optional<BuilderChains.Network> network = layer.network();
    if (network.isEmpty()) {
      return Optional.empty();
    }
    Optional<BuilderChains.Call> set = network.get().last("activation");
    if (set.isPresent()) {
      return set.get().arg(0).flatMap(chains::activation);
    }
    return network.get().isOpen() ? Optional.empty() : Optional.of("SIGMOID");
  }

  /** Is this {@code nOut(k)} on a classifier output layer ({@code new OutputLayer.Builder(LossFunction.MCXENT)...activation(Activation.SOFTMAX).nOut(k)})? */
  public boolean isClassifierOutput(MethodCallExpr nOut) {
    if (!(Optimisers.chainRoot(nOut) instanceof ObjectCreationExpr root) || !root.getType().getNameAsString().equals("Builder")
        || root.getType().getScope().isEmpty()) {
      return false;
    }
    String outer = Imports.written(root.getType().getScope().get());
    String simple = outer.substring(outer.lastIndexOf('.') + 1);
    if (!CLASSIFIER_LAYERS.contains(simple) || !imports.is(outer, LAYERS, simple)) {
      return false;
    }
    List<Node> parts = new ArrayList<>(root.getArguments());
    parts.addAll(Optimisers.chain(nOut));
    for (Node part : parts) {
      for (String word : part.toString().split("[^A-Za-z_]+")) {
        if (CLASSIFICATION.contains(word)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The {@code nOut} of the classifier output layers configured in the class around {@code use}, if they all
   * agree on one constant. Several widths, or one that is not a constant: empty.
   */
  public Optional<Width> classifierWidth(Node use) {
    Optional<TypeDeclaration> type = use.findAncestor(TypeDeclaration.class);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    Width found = null;
    for (MethodCallExpr nOut : Nodes.all(((TypeDeclaration<?>) type.get()), MethodCallExpr.class,
        m -> m.getNameAsString().equals("nOut") && m.getArguments().size() == 1)) {
      if (!isClassifierOutput(nOut)) {
        continue;
      }
      OptionalLong width = constants.intValue(nOut.getArgument(0));
      if (width.isEmpty() || (found != null && found.classes() != width.getAsLong())) {
        return Optional.empty();
      }
      found = new Width(width.getAsLong(), nOut.getBegin().map(p -> p.line).orElse(0));
    }
    return Optional.ofNullable(found);
  }
}
