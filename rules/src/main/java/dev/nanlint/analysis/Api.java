package dev.nanlint.analysis;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.nanlint.engine.FileNodes;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which library a call belongs to, decided from the file's imports (no symbol solver): java.lang
 * {@code Math}/{@code StrictMath}, Commons Math {@code FastMath}/{@code AccurateMath}, ND4J
 * {@code Transforms}, Smile {@code MathEx}, including static imports of their members.
 */
public final class Api {
  private final Set<String> mathClasses = new HashSet<>(Set.of("Math", "StrictMath", "java.lang.Math",
      "java.lang.StrictMath", "org.apache.commons.math3.util.FastMath",
      "org.apache.commons.math4.core.jdkmath.AccurateMath"));
  private final Set<String> staticMath = new HashSet<>();
  private final Set<String> staticTransforms = new HashSet<>();
  private final CompilationUnit unit;
  /** Names of the methods declared in the file, collected on first use (most files never ask). */
  private Set<String> localMethods;
  private final Set<String> singleImports = new HashSet<>();
  private final Set<String> wildcardImports = new HashSet<>();
  private final Set<String> staticImports = new HashSet<>();
  private boolean transformsVisible;
  private boolean mathExVisible;

  Api(CompilationUnit unit) {
    for (ImportDeclaration imp : unit.getImports()) {
      String name = imp.getNameAsString();
      String simple = name.substring(name.lastIndexOf('.') + 1);
      (imp.isStatic() ? staticImports : imp.isAsterisk() ? wildcardImports : singleImports)
          .add(imp.isAsterisk() && imp.isStatic() ? name + ".*" : name);
      if (imp.isStatic()) {
        String owner = imp.isAsterisk() ? name : name.substring(0, Math.max(0, name.lastIndexOf('.')));
        String member = imp.isAsterisk() ? "*" : simple;
        String ownerSimple = owner.substring(owner.lastIndexOf('.') + 1);
        if (isMathClassName(owner, ownerSimple)) {
          staticMath.add(member);
        } else if (ownerSimple.equals("Transforms")) {
          staticTransforms.add(member);
        }
        continue;
      }
      if (imp.isAsterisk()) {
        if (name.startsWith("org.nd4j.linalg.ops.transforms")) {
          transformsVisible = true;
        }
        if (name.equals("org.apache.commons.math3.util") || name.equals("org.apache.commons.math4.core.jdkmath")) {
          mathClasses.add("FastMath");
          mathClasses.add("AccurateMath");
        }
        if (name.equals("smile.math")) {
          mathExVisible = true;
        }
      } else if (simple.equals("Math") && !name.equals("java.lang.Math")) {
        mathClasses.remove("Math"); // a different class named Math shadows java.lang.Math
      } else if (simple.equals("FastMath") || simple.equals("AccurateMath")) {
        mathClasses.add(simple);
      } else if (simple.equals("Transforms")) {
        transformsVisible = true;
      } else if (simple.equals("MathEx") && name.startsWith("smile")) {
        mathExVisible = true;
      }
    }
    this.unit = unit;
  }

  private Set<String> localMethods() {
    if (localMethods == null) {
      localMethods = new HashSet<>();
      FileNodes.of(unit).all(MethodDeclaration.class).forEach(m -> localMethods.add(m.getNameAsString()));
    }
    return localMethods;
  }

  private static boolean isMathClassName(String owner, String simple) {
    return owner.equals("java.lang.Math") || owner.equals("java.lang.StrictMath")
        || simple.equals("FastMath") || simple.equals("AccurateMath");
  }

  /** The function name when {@code call} is a java.lang.Math-like static function, else empty. */
  public Optional<String> mathFunction(MethodCallExpr call) {
    String name = call.getNameAsString();
    Optional<Expression> scope = call.getScope();
    if (scope.isPresent()) {
      String written = Printed.ofName(scope.get());
      return written != null && mathClasses.contains(written) ? Optional.of(name) : Optional.empty();
    }
    boolean imported = staticMath.contains(name) || staticMath.contains("*");
    return imported && !localMethods().contains(name) ? Optional.of(name) : Optional.empty();
  }

  public boolean isMath(MethodCallExpr call, String... names) {
    // the function's name is the call's name: compare it first, and look at the scope only on a match
    String name = call.getNameAsString();
    for (String n : names) {
      if (n.equals(name)) {
        return mathFunction(call).isPresent();
      }
    }
    return false;
  }

  /** ND4J {@code Transforms.name(...)}, qualified, imported or statically imported. */
  public boolean isTransforms(MethodCallExpr call, String... names) {
    String name = call.getNameAsString();
    boolean matches = false;
    for (String n : names) {
      matches |= n.equals(name);
    }
    if (!matches) {
      return false;
    }
    Optional<Expression> scope = call.getScope();
    if (scope.isPresent()) {
      String s = Printed.ofName(scope.get());
      return s != null && (s.equals("org.nd4j.linalg.ops.transforms.Transforms") || s.equals("Transforms") && transformsVisible);
    }
    return (staticTransforms.contains(name) || staticTransforms.contains("*")) && !localMethods().contains(name);
  }

  /**
   * Does the type name {@code written} (simple or qualified, as in the source) denote {@code qualified}:
   * written out in full, imported by name, or imported with its package's wildcard (and not shadowed by
   * another single-type import of the same simple name)?
   */
  public boolean refersTo(String written, String qualified) {
    if (written.equals(qualified)) {
      return true;
    }
    String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
    if (!written.equals(simple)) {
      return false;
    }
    if (singleImports.contains(qualified)) {
      return true;
    }
    boolean shadowed = singleImports.stream().anyMatch(i -> i.endsWith("." + simple));
    String pkg = qualified.substring(0, Math.max(0, qualified.lastIndexOf('.')));
    return !shadowed && wildcardImports.contains(pkg);
  }

  /**
   * A static method of the class {@code qualified}: written on the class (qualified, or by a simple name
   * the imports resolve to it) or, without a scope, statically imported and not declared in this file.
   */
  public boolean isStaticCallOn(MethodCallExpr call, String qualified) {
    Optional<Expression> scope = call.getScope();
    if (scope.isPresent()) {
      String written = Printed.ofName(scope.get());
      return written != null && refersTo(written, qualified);
    }
    String name = call.getNameAsString();
    boolean imported = staticImports.contains(qualified + "." + name) || staticImports.contains(qualified + ".*");
    return imported && !localMethods().contains(name);
  }

  /** A constant of the enum {@code qualified} named one of {@code names}: {@code DataType.HALF}, qualified or statically imported. */
  public boolean isEnumConstant(Expression e, String qualified, String... names) {
    String constant = e instanceof FieldAccessExpr f ? f.getNameAsString()
        : e instanceof NameExpr n ? n.getNameAsString() : null;
    if (constant == null || !List.of(names).contains(constant)) {
      return false; // the name first: it rules out nearly every argument without resolving anything
    }
    if (e instanceof FieldAccessExpr f) {
      String written = Printed.ofName(f.getScope());
      return written != null && refersTo(written, qualified);
    }
    return staticImports.contains(qualified + "." + constant) || staticImports.contains(qualified + ".*");
  }

  /** ND4J's {@code org.nd4j.linalg.api.buffer.DataType} constant named one of {@code names}. */
  public boolean isNd4jDataType(Expression e, String... names) {
    return isEnumConstant(e, "org.nd4j.linalg.api.buffer.DataType", names);
  }

  /** Smile's {@code MathEx}, whose log and softmax guard against 0 themselves. */
  public boolean isSmileMathEx(MethodCallExpr call) {
    return call.getScope().map(Printed::of).map(s -> s.equals("smile.math.MathEx")
        || (s.equals("MathEx") && mathExVisible)).orElse(false);
  }

  /** A method declared in this file (helpers like {@code clamp} or {@code softmax}). */
  public boolean isLocalMethod(String name) {
    return localMethods().contains(name);
  }
}
