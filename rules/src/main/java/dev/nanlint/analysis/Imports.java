package dev.nanlint.analysis;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which class a type name in the file means, decided from its imports alone (no symbol solver). Library
 * class names clash ({@code Adam} and {@code AdaGrad} exist in ND4J and in Tribuo), so a rule asks
 * "which of these packages does this name come from?" and gets an answer only when the imports settle it.
 * Cheap to build (it reads the import list and the file's own type names), so rules build it on demand.
 */
public final class Imports {
  private final Map<String, String> single = new HashMap<>();
  private final List<String> wildcards = new ArrayList<>();
  private final Set<String> declaredHere = new HashSet<>();
  private final String filePackage;

  public Imports(CompilationUnit unit) {
    for (ImportDeclaration imp : unit.getImports()) {
      if (imp.isStatic()) {
        continue;
      }
      String name = imp.getNameAsString();
      if (imp.isAsterisk()) {
        wildcards.add(name);
      } else {
        single.put(name.substring(name.lastIndexOf('.') + 1), name);
      }
    }
    filePackage = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    unit.getTypes().forEach(this::collectTypeNames);
  }

  /** The file's classes and their member classes (without walking method bodies). */
  private void collectTypeNames(TypeDeclaration<?> type) {
    declaredHere.add(type.getNameAsString());
    for (var member : type.getMembers()) {
      if (member instanceof TypeDeclaration<?> nested) {
        collectTypeNames(nested);
      }
    }
  }

  /** The imports of the file {@code node} belongs to. */
  public static Optional<Imports> of(Node node) {
    return node.findCompilationUnit().map(Imports::new);
  }

  /**
   * The package, among {@code candidates}, that the (simple or qualified) type name {@code written}
   * comes from; empty when the imports do not say, or say two of them at once.
   */
  public Optional<String> packageOf(String written, String... candidates) {
    int dot = written.lastIndexOf('.');
    if (dot > 0 && Character.isLowerCase(written.charAt(0))) {
      String pkg = written.substring(0, dot);
      for (String c : candidates) {
        if (c.equals(pkg)) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }
    // Outer.Inner: the outer class decides
    String simple = dot > 0 ? written.substring(0, written.indexOf('.')) : written;
    String imported = single.get(simple);
    if (imported != null) {
      String pkg = imported.substring(0, Math.max(0, imported.lastIndexOf('.')));
      for (String c : candidates) {
        if (c.equals(pkg)) {
          return Optional.of(c);
        }
      }
      return Optional.empty(); // explicitly imported from somewhere else
    }
    if (declaredHere.contains(simple)) {
      return Optional.empty(); // the file's own class of that name
    }
    for (String c : candidates) {
      if (c.equals(filePackage)) {
        return Optional.of(c);
      }
    }
    String found = null;
    for (String c : candidates) {
      if (wildcards.contains(c)) {
        if (found != null) {
          return Optional.empty(); // ambiguous: javac would reject the file
        }
        found = c;
      }
    }
    return Optional.ofNullable(found);
  }

  /** {@code written} names the class {@code pkg.simple} (directly or as the outer class of a nested one). */
  public boolean is(String written, String pkg, String simple) {
    if (written.startsWith(pkg + ".")) {
      String rest = written.substring(pkg.length() + 1);
      return (rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest).equals(simple);
    }
    if (written.isEmpty() || Character.isLowerCase(written.charAt(0))) {
      return false;
    }
    String head = written.contains(".") ? written.substring(0, written.indexOf('.')) : written;
    return head.equals(simple) && packageOf(head, pkg).isPresent();
  }

  /** The written form of a class type without type arguments: {@code EarlyStoppingConfiguration.Builder}. */
  public static String written(ClassOrInterfaceType type) {
    StringBuilder out = new StringBuilder(type.getNameAsString());
    for (Optional<ClassOrInterfaceType> s = type.getScope(); s.isPresent(); s = s.get().getScope()) {
      out.insert(0, s.get().getNameAsString() + ".");
    }
    return out.toString();
  }
}
