package dev.nanlint.analysis.index;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.engine.FileNodes;
import dev.nanlint.engine.Nodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the first pass keeps of one file for the project index: its package and imports, the classes it
 * declares ({@link ClassRecord}), and the calls in the operands the rules ask facts about (divisors, the
 * arguments of {@code log} and {@code sqrt}) that no method of the file answers ({@link OperandCall}).
 * A few hundred bytes per class; the AST is not kept.
 */
public record FileRecord(String path, String packageName, Map<String, String> singleImports,
    List<String> wildcardImports, Map<String, String> staticImports, List<String> staticWildcards,
    List<ClassRecord> classes, Set<OperandCall> operandCalls) {

  /** Methods whose name the operand calls name: {@code Math.log(x)}, {@code Transforms.sqrt(x)}, {@code a.div(b)}. */
  private static final Set<String> OPERAND_TAKING = Set.of("log", "log10", "log1p", "sqrt");
  private static final Set<String> DIVIDING = Set.of("div", "divi", "rdiv", "rdivi");

  public static FileRecord of(String path, CompilationUnit unit) {
    String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    Map<String, String> single = new HashMap<>();
    List<String> wildcards = new ArrayList<>();
    Map<String, String> staticSingle = new HashMap<>();
    List<String> staticWildcards = new ArrayList<>();
    for (ImportDeclaration imp : unit.getImports()) {
      String name = imp.getNameAsString();
      int dot = name.lastIndexOf('.');
      if (imp.isStatic() && imp.isAsterisk()) {
        staticWildcards.add(name);
      } else if (imp.isStatic() && dot > 0) {
        staticSingle.put(name.substring(dot + 1), name.substring(0, dot));
      } else if (imp.isAsterisk()) {
        wildcards.add(name);
      } else {
        single.put(name.substring(dot + 1), name);
      }
    }
    List<ClassRecord> classes = new ArrayList<>();
    for (TypeDeclaration<?> t : unit.getTypes()) {
      collect(t, pkg.isEmpty() ? "" : pkg + ".", classes);
    }
    return new FileRecord(path, pkg, Map.copyOf(single), List.copyOf(wildcards), Map.copyOf(staticSingle),
        List.copyOf(staticWildcards), List.copyOf(classes), operandCalls(unit, classes));
  }

  private static void collect(TypeDeclaration<?> t, String prefix, List<ClassRecord> out) {
    String qualified = prefix + t.getNameAsString();
    String superclass = "";
    boolean isFinal = t.hasModifier(Modifier.Keyword.FINAL) || t instanceof RecordDeclaration;
    boolean isInterface = false;
    if (t instanceof ClassOrInterfaceDeclaration c) {
      isInterface = c.isInterface();
      if (!c.isInterface() && !c.getExtendedTypes().isEmpty()) {
        superclass = c.getExtendedTypes(0).asString();
      }
    } else if (t instanceof EnumDeclaration e) {
      isFinal = e.getEntries().stream().allMatch(entry -> entry.getClassBody().isEmpty());
    }
    List<MethodRecord> methods = new ArrayList<>();
    for (BodyDeclaration<?> member : t.getMembers()) {
      if (member instanceof MethodDeclaration m) {
        methods.add(new MethodRecord(m.getNameAsString(),
            m.getParameters().stream().map(p -> p.getType().asString()).toList(), m.getType().asString(),
            m.isStatic(), m.isPrivate(), m.isFinal(), m.getBody().isPresent(),
            m.getParameters().stream().anyMatch(p -> p.isVarArgs()), m.getBegin().map(b -> b.line).orElse(0)));
      } else if (member instanceof TypeDeclaration<?> nested) {
        collect(nested, qualified + ".", out);
      }
    }
    out.add(new ClassRecord(qualified, t.getNameAsString(), superclass, isFinal, isInterface, List.copyOf(methods)));
  }

  /** The operand calls no method of the file answers, with their receivers' declared types. */
  private static Set<OperandCall> operandCalls(CompilationUnit unit, List<ClassRecord> classes) {
    Set<String> ownMethods = new HashSet<>();
    Set<String> ownClasses = new HashSet<>();
    for (ClassRecord c : classes) {
      ownClasses.add(c.simpleName());
      c.methods().forEach(m -> ownMethods.add(m.name()));
    }
    List<Expression> operands = new ArrayList<>();
    FileNodes nodes = FileNodes.of(unit);
    for (BinaryExpr b : nodes.all(BinaryExpr.class)) {
      if (b.getOperator() == BinaryExpr.Operator.DIVIDE) {
        operands.add(b.getRight());
      }
    }
    for (AssignExpr a : nodes.all(AssignExpr.class)) {
      if (a.getOperator() == AssignExpr.Operator.DIVIDE) {
        operands.add(a.getValue());
      }
    }
    for (MethodCallExpr c : nodes.all(MethodCallExpr.class)) {
      if (OPERAND_TAKING.contains(c.getNameAsString()) || DIVIDING.contains(c.getNameAsString())) {
        operands.addAll(c.getArguments());
        c.getScope().ifPresent(operands::add);
      }
    }
    Set<OperandCall> calls = new HashSet<>();
    Analysis analysis = null; // for declared types, built only when an operand calls a method
    for (Expression operand : operands) {
      for (MethodCallExpr c : Nodes.all(operand, MethodCallExpr.class)) {
        if (analysis == null) {
          analysis = new Analysis(unit);
        }
        if (!analysis.types().typeOf(c).isEmpty()) {
          continue; // a call the file's types already know: Math, ND4J, a size, a method of this file
        }
        String name = c.getNameAsString();
        int arity = c.getArguments().size();
        Expression scope = c.getScope().map(FileRecord::unwrap).orElse(null);
        if (scope == null) {
          if (!ownMethods.contains(name)) {
            calls.add(new OperandCall(OperandCall.Kind.UNQUALIFIED, IndexedSummaries.enclosingClass(c), name, arity));
          }
          continue;
        }
        if (scope.isThisExpr() || scope.isSuperExpr()) {
          continue;
        }
        if (scope instanceof NameExpr n && analysis.declarations().find(n, n.getNameAsString()).isEmpty()) {
          if (Character.isUpperCase(n.getNameAsString().charAt(0)) && !ownClasses.contains(n.getNameAsString())) {
            calls.add(new OperandCall(OperandCall.Kind.STATIC, n.getNameAsString(), name, arity));
          }
          continue;
        }
        String type = analysis.types().typeOf(scope);
        if (!type.isEmpty()) {
          calls.add(new OperandCall(OperandCall.Kind.INSTANCE, type, name, arity));
        }
      }
    }
    return Set.copyOf(calls);
  }

  static Expression unwrap(Expression e) {
    Expression x = e;
    while (x instanceof EnclosedExpr en) {
      x = en.getInner();
    }
    return x;
  }

  /** The same record under another path (the processor keeps a file's absolute path in the {@link IndexCache}). */
  public FileRecord withPath(String newPath) {
    return new FileRecord(newPath, packageName, singleImports, wildcardImports, staticImports, staticWildcards,
        classes, operandCalls);
  }

  /** The class of this file with this qualified name, if any. */
  ClassRecord classNamed(String qualifiedName) {
    for (ClassRecord c : classes) {
      if (c.qualifiedName().equals(qualifiedName)) {
        return c;
      }
    }
    return null;
  }
}
