package dev.nanlint.analysis.index;

import com.github.javaparser.ast.CompilationUnit;
import dev.nanlint.analysis.facts.NumFact.Precision;
import dev.nanlint.engine.Linter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The project index (issue 15, item 1): the declarations of every file of a run, recorded in the first
 * pass ({@link #parsed}, as a {@link Linter.UnitObserver}), and resolution of a call from one file to a
 * method another file declares. A call resolves only to a unique method with a body that cannot be
 * overridden out of sight: static, final, private, or of a final class. An interface method or an
 * overridable method is unknown, as is a class or superclass outside the run; its declared return type is
 * still known ({@link #returnType}), since an override may only narrow it.
 */
public final class ProjectIndex implements Linter.UnitObserver {
  private final Map<String, FileRecord> files = new ConcurrentHashMap<>();
  /** Built on first resolution, once every file is recorded. */
  private volatile Map<String, Declared> classes;

  /** A class and the file declaring it (whose imports name its superclass). */
  record Declared(ClassRecord type, FileRecord file) {}

  /** A resolved callee: the method, the class declaring it, and that class's file. */
  public record Callee(MethodRecord method, ClassRecord owner, String path) {
    /** A key naming the method across the run: its class, name and parameter types. */
    public String key() {
      return owner.qualifiedName() + "#" + method.name() + method.parameterTypes();
    }
  }

  @Override
  public void parsed(String path, CompilationUnit unit) {
    add(FileRecord.of(path, unit));
  }

  public void add(FileRecord record) {
    files.put(record.path(), record);
    classes = null;
  }

  /**
   * Whether the file's operands call methods it does not declare, so a second pass may change its findings
   * once every file is recorded (the processor holds such a file's report back until then).
   */
  public boolean dependsOnOthers(String path) {
    FileRecord f = files.get(path);
    return f != null && !f.operandCalls().isEmpty();
  }

  /** The record of the file at {@code path}, or null. */
  public FileRecord file(String path) {
    return files.get(path);
  }

  public Collection<FileRecord> files() {
    return files.values();
  }

  private Map<String, Declared> classes() {
    Map<String, Declared> byName = classes;
    if (byName == null) {
      Map<String, Declared> built = new HashMap<>();
      Set<String> twice = new TreeSet<>();
      for (FileRecord f : files.values()) {
        for (ClassRecord c : f.classes()) {
          if (built.put(c.qualifiedName(), new Declared(c, f)) != null) {
            twice.add(c.qualifiedName());
          }
        }
      }
      twice.forEach(built::remove); // one name declared twice (two source sets): unknown
      byName = Map.copyOf(built);
      classes = byName;
    }
    return byName;
  }

  // ---- the plan between the passes ------------------------------------------------------------------

  /**
   * What the second pass does: the files whose operand calls may resolve to a summarisable method of
   * another file (to check again), and those methods (to summarise), by key. Generous on purpose: the
   * second pass resolves each call by its receiver's type; this plan only needs to contain what it finds.
   */
  public record Plan(Set<String> dependents, Map<String, Callee> callees) {
    /** The files declaring the callees: the ones the second pass parses to summarise them. */
    public Set<String> calleeFiles() {
      Set<String> out = new TreeSet<>();
      callees.values().forEach(c -> out.add(c.path()));
      return out;
    }
  }

  public Plan plan() {
    return plan(files.keySet());
  }

  /**
   * The plan for the files {@code checked} only: the processor checks the files of its compile again, while
   * the index also holds the files of earlier compiles ({@link IndexCache}), whose callees need no summary.
   */
  public Plan plan(Set<String> checked) {
    Set<String> dependents = new TreeSet<>();
    Map<String, Callee> callees = new TreeMap<>();
    for (FileRecord f : files.values()) {
      if (!checked.contains(f.path())) {
        continue;
      }
      for (OperandCall call : f.operandCalls()) {
        for (Callee c : candidates(call, f)) {
          if (!c.path().equals(f.path())) {
            dependents.add(f.path());
            callees.put(c.key(), c);
          }
        }
      }
    }
    return new Plan(Set.copyOf(dependents), Map.copyOf(callees));
  }

  /** What {@code call} may resolve to in the second pass: every overload of its arity (argument types aside). */
  private List<Callee> candidates(OperandCall call, FileRecord from) {
    return switch (call.kind()) {
      case STATIC -> {
        Declared d = declared(call.type(), from);
        yield d == null ? List.of() : lookup(d, call.name(), call.arity(), null, true);
      }
      case INSTANCE -> {
        Declared d = declared(call.type(), from);
        yield d == null || d.type().isInterface() ? List.of() : lookup(d, call.name(), call.arity(), null, false);
      }
      case UNQUALIFIED -> unqualified(call.type(), call.name(), call.arity(), null, from);
    };
  }

  /** A method whose return the summaries describe: a number, a numeric array or an INDArray, with a body. */
  static boolean summarisable(MethodRecord m) {
    if (!m.hasBody() || m.varargs() || m.isPrivate()) {
      return false; // a private method is out of reach from another file
    }
    String type = m.returnType();
    return Precision.ofType(type) != Precision.UNKNOWN || type.equals("INDArray")
        || type.endsWith("[]") && !type.endsWith("[][]") && Precision.ofType(type.substring(0, type.length() - 2)) != Precision.UNKNOWN;
  }

  // ---- resolution ----------------------------------------------------------------------------------

  /**
   * The class a type name written in {@code from} means: a class of that file, a single-type import, the
   * file's package, or exactly one on-demand import; empty when the run does not declare it or two match.
   */
  public Optional<ClassRecord> classNamed(String written, FileRecord from) {
    Declared d = declared(written, from);
    return d == null ? Optional.empty() : Optional.of(d.type());
  }

  private Declared declared(String written, FileRecord from) {
    String name = stripTypeArguments(written);
    if (name.isEmpty()) {
      return null;
    }
    Map<String, Declared> byName = classes();
    int dot = name.indexOf('.');
    if (dot > 0 && Character.isLowerCase(name.charAt(0))) {
      return byName.get(name); // qualified
    }
    String first = dot > 0 ? name.substring(0, dot) : name;
    String rest = dot > 0 ? name.substring(dot) : "";
    for (ClassRecord c : from.classes()) { // a class of the file, top-level or nested
      if (c.simpleName().equals(first)) {
        return byName.get(c.qualifiedName() + rest);
      }
    }
    String imported = from.singleImports().get(first);
    if (imported != null) {
      return byName.get(imported + rest);
    }
    Declared samePackage = byName.get((from.packageName().isEmpty() ? "" : from.packageName() + ".") + name);
    if (samePackage != null) {
      return samePackage;
    }
    Declared found = null;
    for (String w : from.wildcardImports()) {
      Declared d = byName.get(w + "." + name);
      if (d != null) {
        if (found != null) {
          return null; // two on-demand imports offer the name
        }
        found = d;
      }
    }
    return found;
  }

  /** {@code Map<String, List<X>>} and {@code Foo[]} as the class they name: Map, and "" for an array. */
  static String stripTypeArguments(String type) {
    String t = type.trim();
    if (t.endsWith("]")) {
      return "";
    }
    int lt = t.indexOf('<');
    return lt < 0 ? t : t.substring(0, lt).trim();
  }

  /**
   * The method {@code name} a call on a receiver declared as {@code receiverType} (written in {@code from})
   * runs, when it cannot be overridden out of sight; {@code argumentTypes} tell overloads of one arity apart
   * (exact declared types only).
   */
  public Optional<Callee> resolveInstance(String receiverType, String name, List<String> argumentTypes, FileRecord from) {
    Declared d = declared(receiverType, from);
    return d == null || d.type().isInterface() ? Optional.empty()
        : unique(lookup(d, name, argumentTypes.size(), argumentTypes, false));
  }

  /**
   * The declared return type of {@code receiver.name(...)} for a receiver whose class (or interface) the run
   * declares, found in it or its superclasses: whatever overrides the method, Java keeps that type (an override
   * may only narrow it), so unlike the method's body the type does not depend on which override runs. Empty
   * unless every method of that name and arity declares the same type.
   */
  public Optional<String> returnType(String receiverType, String name, int arity, FileRecord from) {
    // every method of that name and arity up the superclass chain: an overload in a superclass may be the one
    // Java picks, so the type is known only when they all declare the same one
    List<MethodRecord> candidates = new ArrayList<>();
    Declared d = declared(receiverType, from);
    for (int depth = 0; d != null; depth++) {
      d.type().methods().stream().filter(m -> m.name().equals(name) && m.arity() == arity)
          .forEach(candidates::add);
      if (d.type().superclass().isEmpty()) {
        break;
      }
      d = depth < 20 ? declared(d.type().superclass(), d.file()) : null;
      if (d == null) {
        return Optional.empty(); // a superclass outside the run may declare an overload
      }
    }
    if (d == null) {
      return Optional.empty();
    }
    List<String> types = candidates.stream().map(MethodRecord::returnType).distinct().toList();
    return types.size() == 1 ? Optional.of(types.get(0)) : Optional.empty();
  }

  /** A static call {@code Type.name(...)} with the class name as written in {@code from}. */
  public Optional<Callee> resolveStatic(String type, String name, List<String> argumentTypes, FileRecord from) {
    Declared d = declared(type, from);
    return d == null ? Optional.empty() : unique(lookup(d, name, argumentTypes.size(), argumentTypes, true));
  }

  /**
   * An unqualified call that no method of {@code from} declares: a static import, or a static or final
   * method the enclosing class {@code enclosing} (qualified; "" for none) inherits from a class of the run.
   */
  public Optional<Callee> resolveUnqualified(String enclosing, String name, List<String> argumentTypes, FileRecord from) {
    return unique(unqualified(enclosing, name, argumentTypes.size(), argumentTypes, from));
  }

  private static Optional<Callee> unique(List<Callee> found) {
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  /**
   * Inherited methods shadow static imports, so the enclosing class's superclasses come first: one outside
   * the run may declare the name (unknown); then a static import, single or on demand (one match only).
   */
  private List<Callee> unqualified(String enclosing, String name, int arity, List<String> argumentTypes, FileRecord from) {
    Map<String, Declared> byName = classes();
    Declared self = enclosing.isEmpty() ? null : byName.get(enclosing);
    if (self == null) {
      return List.of(); // an anonymous or local class, or a class declared twice
    }
    if (!self.type().superclass().isEmpty()) {
      Declared parent = declared(self.type().superclass(), self.file());
      if (parent == null) {
        return List.of();
      }
      List<Callee> inherited = lookup(parent, name, arity, argumentTypes, false);
      if (!inherited.isEmpty()) {
        return inherited;
      }
    }
    String owner = from.staticImports().get(name);
    if (owner != null) {
      Declared d = byName.get(owner);
      return d == null ? List.of() : lookup(d, name, arity, argumentTypes, true);
    }
    List<Callee> found = new ArrayList<>();
    for (String w : from.staticWildcards()) {
      Declared d = byName.get(w);
      if (d != null) {
        found.addAll(lookup(d, name, arity, argumentTypes, true));
      }
    }
    return found;
  }

  /**
   * The methods {@code name}/{@code arity} of {@code start} or, when it declares none of that name, of its
   * nearest superclass in the run that does (a superclass outside the run ends the search: unknown). With
   * {@code argumentTypes}, overloads of one arity are told apart by exact types; without, all are kept
   * (the plan). Each must have a body and be impossible to override out of sight, or none is returned.
   */
  private List<Callee> lookup(Declared start, String name, int arity, List<String> argumentTypes, boolean staticOnly) {
    Declared d = start;
    for (int depth = 0; d != null && depth < 20; depth++) {
      List<MethodRecord> named = d.type().methods().stream().filter(m -> m.name().equals(name)).toList();
      if (!named.isEmpty()) {
        List<MethodRecord> candidates = named.stream().filter(m -> m.arity() == arity).toList();
        if (candidates.size() > 1 && argumentTypes != null) {
          candidates = candidates.stream().filter(m -> m.parameterTypes().equals(argumentTypes)).toList();
        }
        List<Callee> out = new ArrayList<>();
        for (MethodRecord m : candidates) {
          boolean fixed = m.isStatic() || m.isFinal() || d.type().isFinal() && !d.type().isInterface();
          if (!fixed || staticOnly && !m.isStatic() || !summarisable(m)) {
            return List.of();
          }
          out.add(new Callee(m, d.type(), d.file().path()));
        }
        return out;
      }
      if (d.type().superclass().isEmpty()) {
        return List.of();
      }
      d = declared(d.type().superclass(), d.file());
    }
    return List.of();
  }
}
