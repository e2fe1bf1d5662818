package dev.nanlint.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.nanlint.analysis.facts.Degenerate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Is this loss, gradient, optimiser, normalisation, metric or training code? Division by a value that
 * can be 0 matters there; in ordinary code (indexing, layout, I/O) nanlint stays quiet about it.
 * Decided from the enclosing method's and class's names and the ML types the class implements.
 */
public final class Scope {

  Scope() {}

  /** Where a division stands, for UnguardedDivision. */
  public enum Division {
    /** In code named for ML, or in a class implementing an ML type. */
    NAMED,
    /** Elsewhere, by an integer or a counter: checked when the flow shows a count that can stay 0. */
    COUNT,
    /** Elsewhere, in a file using an ML library, a floating quotient that reaches a result: at most a note. */
    ML_LIBRARY_USER,
    /**
     * Elsewhere, a floating quotient that reaches a result, by a reduction of data that degenerate data makes 0
     * (a sum of non-negative terms, a norm, a spread, a variance): numeric code by what it computes. At most a note.
     */
    DATA_REDUCTION,
    OUTSIDE
  }

  /**
   * Where {@code division} by {@code denominator} stands. Outside code named for ML, a counter the code shows can
   * stay 0 is still a risk (a ratio of counts); in a file that uses an ML library a floating quotient that reaches
   * a result (a returned metric, a stored feature) counts too, the names being weak evidence either way.
   */
  public static Division ofDivision(Node division, Expression denominator, Analysis a) {
    if (a.scope().isNumericCode(division)) {
      return Division.NAMED;
    }
    if (a.types().isIntegral(Flow.strip(denominator)) || ZeroContracts.isCounter(denominator, a)) {
      return Division.COUNT; // double n = 0; ... n += 1 counts too
    }
    if (!(division instanceof Expression quotient) || !a.types().isFloating(quotient)) {
      return Division.OUTSIDE;
    }
    boolean library = a.scope().usesMlLibrary(division);
    if (!library && !Degenerate.isZeroOnDegenerateData(a.facts().at(denominator))) {
      return Division.OUTSIDE;
    }
    if (a.consequences().of(quotient).fate() != Consequences.Fate.REACHES_RESULT) {
      return Division.OUTSIDE;
    }
    return library ? Division.ML_LIBRARY_USER : Division.DATA_REDUCTION;
  }

  /** Loss, gradient, optimiser, normalisation, metric or training code. */
  public boolean isNumericCode(Node n) {
    for (String name : enclosingNames(n)) {
      if (Names.any(name, Vocabulary.NON_NUMERIC_CODE)) {
        return false;
      }
    }
    for (String name : enclosingNames(n)) {
      if (mentions(name, Vocabulary.NUMERIC_CODE)) {
        return true;
      }
    }
    return implementsMlType(n);
  }

  /**
   * The file imports a machine-learning library ({@link Vocabulary#ML_LIBRARY_PACKAGES}) it is not part of:
   * code that uses the library (a training program, an evaluation, a data pipeline), by what it uses, not what
   * it is called. The library's own files import each other and are judged by their names.
   */
  public boolean usesMlLibrary(Node n) {
    return n.findCompilationUnit().map(unit -> {
      String own = unit.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("");
      return unit.getImports().stream().anyMatch(imp -> {
        String name = imp.getNameAsString() + ".";
        return Vocabulary.ML_LIBRARY_PACKAGES.stream().anyMatch(lib -> name.startsWith(lib) && !own.startsWith(lib));
      });
    }).orElse(false);
  }

  /** Code computing a loss or score, where even an unexplained log argument is a probability. */
  public boolean isLossCode(Node n) {
    for (String name : enclosingNames(n)) {
      if (Names.any(name, Vocabulary.LOSS_CODE)) {
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
      if (p instanceof ClassOrInterfaceDeclaration c && supertypes(c).stream().anyMatch(Vocabulary.ML_TYPES::contains)) {
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

  /**
   * Inside {@code logProbability(x)}, {@code logDensity(x)}, {@code logPmf(x)}: a distribution's log
   * probability, whose contract is -Infinity for an impossible outcome. (A loss or log-likelihood is not
   * such a function: there -Infinity is the bug.)
   */
  public boolean isLogProbabilityFunction(Node call) {
    return call.findAncestor(MethodDeclaration.class).map(m -> {
      String name = m.getNameAsString();
      return name.startsWith("log") && (name.contains("Probability") || name.contains("Density")
          || name.endsWith("Pdf") || name.endsWith("Pmf"));
    }).orElse(false);
  }
}
