package dev.nanlint.analysis.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.analysis.Printed;
import dev.nanlint.analysis.facts.NumFact.Evidence;
import dev.nanlint.analysis.facts.NumFact.Tag;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Lengths and sizes in the evidence of a {@link Tag#LENGTH} fact: which inputs a value measures, and whether
 * it is 0 when any one of them is empty (a length, or one of several on different paths) or only when all
 * of them are ({@code a.length + b.length}, {@code Math.max(s.length(), t.length())}).
 */
public final class Sizes {
  private Sizes() {}

  /** The input {@code read} measures: {@code xs} of {@code xs.length}, {@code xs.size()} or {@code s.length()}. */
  public static Optional<Expression> measured(Node read) {
    if (read instanceof FieldAccessExpr f && f.getNameAsString().equals("length")) {
      return Optional.of(f.getScope());
    }
    if (read instanceof MethodCallExpr c && c.getArguments().isEmpty() && c.getScope().isPresent()
        && (c.getNameAsString().equals("size") || c.getNameAsString().equals("length"))) {
      return c.getScope();
    }
    return Optional.empty();
  }

  /** The inputs whose lengths or sizes {@code fact}'s evidence was read from. */
  public static List<Expression> inputs(NumFact fact) {
    List<Expression> out = new ArrayList<>();
    for (Evidence e : fact.evidence()) {
      measured(e.node()).ifPresent(out::add);
    }
    return out;
  }

  /** Whether {@code fact} is a sum or maximum of sizes: 0 only when every input it measures is empty. */
  public static boolean emptyOnlyTogether(NumFact fact) {
    return fact.evidence().stream().anyMatch(e -> isCombination(e.node()));
  }

  private static boolean isCombination(Node n) {
    return n instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS
        || n instanceof MethodCallExpr c && c.getNameAsString().equals("max") && c.getArguments().size() == 2;
  }

  /**
   * {@code result}, the sum or maximum {@code at} of the sizes {@code l} and {@code r}: a size too, 0 only when
   * both are. Its evidence is the reads behind both and one reason that says so; anything else is
   * {@code result} as it was.
   */
  static NumFact together(NumFact result, NumFact l, NumFact r, Node at) {
    if (!isSize(l) || !isSize(r) || !result.canBeZero() || result.lo() < 0) {
      return result;
    }
    List<Evidence> reads = new ArrayList<>();
    for (NumFact side : List.of(l, r)) {
      for (Evidence e : side.evidence()) {
        if (measured(e.node()).isPresent() && !reads.contains(e)) {
          reads.add(e);
        }
      }
    }
    List<String> names = reads.stream().map(e -> Printed.of(measured(e.node()).get())).distinct().toList();
    if (names.size() < 2) {
      return result;
    }
    String all = names.size() == 2 ? names.get(0) + " and " + names.get(1) + " are both empty"
        : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1)
            + " are all empty";
    // the combined reason first: evidence is capped, and without it the reads would say "any one empty"
    NumFact size = result.without(Tag.SUM_OF_NONNEGATIVES).tagged(Tag.LENGTH).withEvidence(List.of())
        .because(Printed.of(at) + " is 0 only when " + all, at);
    for (Evidence e : reads) {
      size = size.because(e.reason(), e.node());
    }
    return size;
  }

  /** A length or size and nothing else, never negative. */
  private static boolean isSize(NumFact f) {
    return f.has(Tag.LENGTH) && f.lo() >= 0 && f.tags().equals(EnumSet.of(Tag.LENGTH));
  }
}
