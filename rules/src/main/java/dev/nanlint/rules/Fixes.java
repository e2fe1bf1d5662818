package dev.nanlint.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import dev.nanlint.analysis.Names;

/** Shared wording of fix suggestions: the epsilon to use, reusing the class's own constant when it has one. */
final class Fixes {
  private Fixes() {}

  /** The file's own epsilon constant if it declares one (static final, named eps/epsilon/...), else a literal. */
  static String epsilon(Node near, boolean isFloat) {
    return near.findCompilationUnit().flatMap(cu -> cu.findAll(FieldDeclaration.class).stream()
            .filter(f -> f.isStatic() && f.isFinal())
            .flatMap(f -> f.getVariables().stream())
            .filter(v -> Names.isEpsilon(v.getNameAsString()) && isNumeric(v, isFloat))
            .map(VariableDeclarator::getNameAsString)
            .findFirst())
        .orElse(isFloat ? "1e-7f" : "1e-12");
  }

  private static boolean isNumeric(VariableDeclarator v, boolean isFloat) {
    String t = v.getType().asString();
    return isFloat ? t.equals("float") : t.equals("double") || t.equals("float");
  }
}
