package dev.nanlint.analysis;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a DL4J weight initialisation amounts to ({@code .weightInit(...)} / {@code .dist(...)}): constant weights
 * ({@code WeightInit.ZERO/ONES}, a constant distribution), a distribution with a standard deviation above 1,
 * or something fine; through {@code WeightInitDistribution} and locals. Also which layers take the network's
 * default.
 */
public final class WeightInits {
  private static final Set<String> NORMALS = Set.of("NormalDistribution", "GaussianDistribution",
      "TruncatedNormalDistribution");

  /** What an initialisation argument amounts to. */
  public enum Kind { FINE, CONSTANT, HUGE }

  /**
   * The verdict on one initialisation: its kind, how to show it in a message ({@code WeightInit.ZERO},
   * {@code new NormalDistribution(0, 10) (standard deviation 10)}), and whether constant weights are zero.
   */
  public record Verdict(Kind kind, String shown, boolean zero) {
    static final Verdict FINE = new Verdict(Kind.FINE, "", false);
  }

  private final Declarations declarations;
  private final Constants constants;
  private final BuilderChains chains;

  WeightInits(Declarations declarations, Constants constants, BuilderChains chains) {
    this.declarations = declarations;
    this.constants = constants;
    this.chains = chains;
  }

  /** The verdict on the argument of {@code .weightInit(e)} or {@code .dist(e)}. */
  public Verdict classify(Expression e) {
    return classify(e, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  /**
   * The layers of a network that take its default initialisation of this kind: the hidden layers with weights
   * that set none of their own (constant weights), and for a huge variance the output layers too.
   */
  public static List<BuilderChains.Layer> inheriting(BuilderChains.Network network, Kind kind) {
    return network.allLayers().stream()
        .filter(l -> !l.isWrapper() && !l.has("weightInit", "dist"))
        .filter(l -> kind == Kind.CONSTANT ? l.isHiddenWithWeights() : l.isHiddenWithWeights() || l.isOutputLayer())
        .toList();
  }

  private Verdict classify(Expression e, Set<Expression> visited) {
    if (!visited.add(e)) {
      return Verdict.FINE;
    }
    Optional<String> constant = chains.enumConstant(e, "WeightInit");
    if (constant.isPresent()) {
      String text = e instanceof NameExpr ? e + " (WeightInit." + constant.get() + ")" : e.toString();
      return switch (constant.get()) {
        case "ZERO" -> new Verdict(Kind.CONSTANT, text, true);
        case "ONES" -> new Verdict(Kind.CONSTANT, text, false);
        default -> Verdict.FINE;
      };
    }
    if (e instanceof NameExpr n) {
      return declarations.find(n, n.getNameAsString())
          .filter(d -> d.kind() == Declarations.Kind.LOCAL || d.isFinal())
          .flatMap(Declarations.Declaration::initializer)
          .map(init -> classify(init, visited))
          .map(v -> v.kind() == Kind.FINE || v.shown().startsWith(n + " ") ? v
              : new Verdict(v.kind(), n + " (" + v.shown() + ")", v.zero()))
          .orElse(Verdict.FINE);
    }
    if (!(e instanceof ObjectCreationExpr creation)) {
      return Verdict.FINE;
    }
    String type = creation.getType().getNameAsString();
    List<Expression> args = creation.getArguments();
    if (type.equals("WeightInitDistribution") && args.size() == 1) {
      return classify(args.get(0), visited);
    }
    if ((type.equals("ConstantDistribution") || type.equals("WeightInitConstant")) && args.size() == 1) {
      return new Verdict(Kind.CONSTANT, e.toString(), constants.value(args.get(0)) == 0.0);
    }
    if (NORMALS.contains(type) && args.size() == 2) {
      double std = constants.value(args.get(1));
      if (!Double.isNaN(std) && Math.abs(std) > 1) {
        return new Verdict(Kind.HUGE, e + " (standard deviation " + format(Math.abs(std)) + ")", false);
      }
    }
    if (type.equals("UniformDistribution") && args.size() == 2) {
      double lower = constants.value(args.get(0));
      double upper = constants.value(args.get(1));
      double std = (upper - lower) / Math.sqrt(12);
      if (!Double.isNaN(std) && std > 1) {
        return new Verdict(Kind.HUGE, e + " (standard deviation " + format(std) + ")", false);
      }
    }
    return Verdict.FINE;
  }

  private static String format(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
  }
}
