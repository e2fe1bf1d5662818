package dev.nanlint.analysis.index;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.ZeroMechanisms;
import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.analysis.facts.NumFact.Precision;
import dev.nanlint.engine.Nodes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The second pass's answers (issue 15, item 1): summaries of the methods the {@link ProjectIndex.Plan}
 * found behind the operand calls of other files, computed once by the file's own {@link
 * dev.nanlint.analysis.Summaries} (return fact, tags, reasons; parameters unknown), and the resolution of
 * each call through the index. Immutable once built, so the files of the second pass share it across threads.
 * A callee's own calls to further files are not followed (one level).
 */
public final class IndexedSummaries implements CrossFileCalls {
  private final ProjectIndex index;
  /** By {@link ProjectIndex.Callee#key}: the fact without evidence, and the callee's reason as the caller reads it. */
  private final Map<String, Summary> summaries;

  record Summary(NumFact fact, String reason, boolean onlySigmoids) {}

  private IndexedSummaries(ProjectIndex index, Map<String, Summary> summaries) {
    this.index = index;
    this.summaries = Map.copyOf(summaries);
  }

  /**
   * Summarises the plan's callees, parsing each declaring file once with {@code parse} (null when it cannot
   * be parsed: its methods stay unknown).
   */
  public static IndexedSummaries build(ProjectIndex index, ProjectIndex.Plan plan, Function<String, CompilationUnit> parse) {
    Map<String, Summary> out = new HashMap<>();
    for (String path : plan.calleeFiles()) {
      CompilationUnit unit = parse.apply(path);
      if (unit == null) {
        continue;
      }
      Analysis analysis = new Analysis(unit);
      String file = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
      for (ProjectIndex.Callee callee : plan.callees().values()) {
        if (!callee.path().equals(path)) {
          continue;
        }
        Optional<MethodDeclaration> m = find(unit, callee);
        if (m.isEmpty()) {
          continue;
        }
        Optional<NumFact> fact = analysis.facts().summaries().returnedBy(m.get());
        if (fact.isPresent()) {
          String reason = fact.get().evidence().isEmpty() ? null : fact.get().evidence().get(0).reason();
          out.put(callee.key(), new Summary(fact.get().withoutEvidence(), reason == null ? null
              : callee.owner().simpleName() + "." + reason.replaceFirst(" \\(line ", " (" + file + " line "),
              ZeroMechanisms.returnsOnlySigmoids(m.get(), analysis)));
        }
      }
    }
    return new IndexedSummaries(index, out);
  }

  /** The declaration a callee's record describes: same class, name, parameter types and line. */
  private static Optional<MethodDeclaration> find(CompilationUnit unit, ProjectIndex.Callee callee) {
    return Nodes.all(unit, MethodDeclaration.class).stream()
        .filter(m -> m.getNameAsString().equals(callee.method().name())
            && m.getBegin().map(b -> b.line).orElse(0) == callee.method().line()
            && m.getParameters().stream().map(p -> p.getType().asString()).toList().equals(callee.method().parameterTypes()))
        .findFirst();
  }

  /** How many methods have a summary (for the command's statistics and tests). */
  public int size() {
    return summaries.size();
  }

  /** The summaries by method, for statistics and reviews. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    new java.util.TreeMap<>(summaries).forEach((k, v) -> out.append(k).append(": ").append(v.fact())
        .append(v.reason() == null ? "" : " (" + v.reason() + ")").append('\n'));
    return out.toString();
  }

  @Override
  public InFile forFile(String path, Analysis analysis) {
    return new Calls(path, analysis);
  }

  /** One file's questions; memoised per call (a flow asks about the same call again and again). */
  private final class Calls implements InFile {
    private final String path;
    private final Analysis analysis;
    private FileRecord record;
    private final Map<MethodCallExpr, Optional<ProjectIndex.Callee>> resolved = new java.util.IdentityHashMap<>();

    Calls(String path, Analysis analysis) {
      this.path = path;
      this.analysis = analysis;
    }

    @Override
    public Optional<Boolean> returnsOnlySigmoids(MethodCallExpr call) {
      return resolve(call).map(c -> summaries.get(c.key())).map(Summary::onlySigmoids);
    }

    @Override
    public Optional<NumFact> returned(MethodCallExpr call, List<NumFact> args) {
      Optional<ProjectIndex.Callee> callee = resolve(call);
      Summary s = callee.map(c -> summaries.get(c.key())).orElse(null);
      if (s == null) {
        return Optional.empty();
      }
      NumFact f = s.fact();
      boolean questionable = f.canBeNonPositive() || f.canBeNaN() || f.canBeInfinite();
      return Optional.of(questionable && s.reason() != null ? f.because(s.reason(), call) : f);
    }

    @Override
    public Optional<String> returnType(MethodCallExpr call) {
      Optional<String> type = resolve(call).map(c -> c.method().returnType()).or(() -> declaredReturnType(call));
      return type.filter(t -> Precision.ofType(t) != Precision.UNKNOWN);
    }

    /** The return type an instance call's receiver type declares, whichever override runs. */
    private Optional<String> declaredReturnType(MethodCallExpr call) {
      return record == null ? Optional.empty() : receiverType(call).flatMap(receiver ->
          index.returnType(receiver, call.getNameAsString(), call.getArguments().size(), record));
    }

    /**
     * The declared type of an instance call's receiver; empty for an unqualified call, {@code this.}/{@code super.},
     * a static call ({@code Type.m()}) or a receiver of unknown type.
     */
    private Optional<String> receiverType(MethodCallExpr call) {
      Expression scope = call.getScope().map(FileRecord::unwrap).orElse(null);
      if (scope == null || scope.isThisExpr() || scope.isSuperExpr()
          || scope instanceof NameExpr n && analysis.declarations().find(n, n.getNameAsString()).isEmpty()) {
        return Optional.empty();
      }
      String type = analysis.types().typeOf(scope);
      return type.isEmpty() ? Optional.empty() : Optional.of(type);
    }

    private Optional<ProjectIndex.Callee> resolve(MethodCallExpr call) {
      Optional<ProjectIndex.Callee> known = resolved.get(call);
      if (known == null) {
        resolved.put(call, Optional.empty()); // a receiver typed through this very call: unknown
        known = resolveOnce(call).filter(c -> !c.path().equals(path)); // the file's own: Summaries' business
        resolved.put(call, known);
      }
      return known;
    }

    private Optional<ProjectIndex.Callee> resolveOnce(MethodCallExpr call) {
      CompilationUnit unit = call.findCompilationUnit().orElse(null);
      if (unit == null) {
        return Optional.empty();
      }
      if (record == null) {
        record = FileRecord.of(path, unit);
      }
      String name = call.getNameAsString();
      List<String> argumentTypes = call.getArguments().stream().map(a -> analysis.types().typeOf(a)).toList();
      Expression scope = call.getScope().map(FileRecord::unwrap).orElse(null);
      if (scope == null) {
        if (record.classes().stream().anyMatch(c -> c.methods().stream().anyMatch(m -> m.name().equals(name)))) {
          return Optional.empty(); // a method of this file (or an overload of one): not another file's
        }
        return resolveUnqualified(call, name, argumentTypes);
      }
      if (scope.isThisExpr() || scope.isSuperExpr()) {
        return Optional.empty();
      }
      if (scope instanceof NameExpr n && analysis.declarations().find(n, n.getNameAsString()).isEmpty()) {
        return Character.isUpperCase(n.getNameAsString().charAt(0))
            ? index.resolveStatic(n.getNameAsString(), name, argumentTypes, record) : Optional.empty();
      }
      return receiverType(call).flatMap(type -> index.resolveInstance(type, name, argumentTypes, record));
    }

    /** Static imports, then what the enclosing class inherits. */
    private Optional<ProjectIndex.Callee> resolveUnqualified(MethodCallExpr call, String name, List<String> argumentTypes) {
      return index.resolveUnqualified(enclosingClass(call), name, argumentTypes, record);
    }
  }

  /** The qualified name of the class around {@code call}; "" inside an anonymous or local class (it may inherit anything). */
  static String enclosingClass(MethodCallExpr call) {
    for (Node p = call.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
        return "";
      }
      if (p instanceof TypeDeclaration<?> t) {
        return t instanceof ClassOrInterfaceDeclaration c && c.isLocalClassDeclaration() ? ""
            : t.getFullyQualifiedName().orElse("");
      }
    }
    return "";
  }
}
