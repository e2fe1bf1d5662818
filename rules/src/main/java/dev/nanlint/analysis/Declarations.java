package dev.nanlint.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the declaration a simple name refers to, by walking the enclosing scopes (locals, parameters, fields). */
public final class Declarations {

  public enum Kind { LOCAL, PARAMETER, FIELD }

  /**
   * A declaration: its kind, its type (null for {@code var} and untyped lambda parameters), its
   * initializer when it has one, and the node (a {@link VariableDeclarator} or {@link Parameter}).
   */
  public record Declaration(Kind kind, String name, Type type, Node node, boolean isFinal) {
    public Optional<com.github.javaparser.ast.expr.Expression> initializer() {
      return node instanceof VariableDeclarator v ? v.getInitializer() : Optional.empty();
    }

    public String typeName() {
      return type == null || type.isVarType() ? "" : type.asString();
    }
  }

  /** The declaration each name use resolves to, once: the flow analysis asks again on every pass over a loop. */
  private final Map<NameExpr, Optional<Declaration>> resolved = new IdentityHashMap<>();

  Declarations() {}

  public Optional<Declaration> find(Node use, String name) {
    if (use instanceof NameExpr n && n.getNameAsString().equals(name)) {
      Optional<Declaration> known = resolved.get(n);
      if (known == null) {
        known = search(use, name);
        resolved.put(n, known);
      }
      return known;
    }
    return search(use, name);
  }

  private Optional<Declaration> search(Node use, String name) {
    Optional<Declaration> sibling = earlierDeclarator(use, name);
    if (sibling.isPresent()) {
      return sibling;
    }
    Node child = use;
    for (Node p = use.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
      Optional<Declaration> found = Optional.empty();
      if (p instanceof BlockStmt block) {
        found = inStatements(block.getStatements(), child, name);
      } else if (p instanceof SwitchEntry entry) {
        found = inStatements(entry.getStatements(), child, name);
      } else if (p instanceof ForStmt loop) {
        for (var init : loop.getInitialization()) {
          if (init instanceof VariableDeclarationExpr vars) {
            found = inVariables(vars, name);
            if (found.isPresent()) break;
          }
        }
      } else if (p instanceof ForEachStmt loop) {
        found = inVariables(loop.getVariable(), name);
      } else if (p instanceof TryStmt tryStmt) {
        for (var resource : tryStmt.getResources()) {
          if (resource instanceof VariableDeclarationExpr vars) {
            found = inVariables(vars, name);
            if (found.isPresent()) break;
          }
        }
      } else if (p instanceof CatchClause clause) {
        found = parameter(clause.getParameter(), name);
      } else if (p instanceof LambdaExpr lambda) {
        for (Parameter param : lambda.getParameters()) {
          found = parameter(param, name);
          if (found.isPresent()) break;
        }
      } else if (p instanceof CallableDeclaration<?> callable) {
        for (Parameter param : callable.getParameters()) {
          found = parameter(param, name);
          if (found.isPresent()) break;
        }
      } else if (p instanceof TypeDeclaration<?> type) {
        found = field(type, name);
      }
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private Optional<Declaration> inStatements(NodeList<Statement> statements, Node child, String name) {
    Block block = blocks.computeIfAbsent(statements, Block::new);
    int index = child instanceof Statement s ? block.positions.getOrDefault(s, -1) : statements.size();
    List<Integer> declared = block.locals.get(name);
    if (declared == null) {
      return Optional.empty();
    }
    for (int i = declared.size() - 1; i >= 0; i--) { // the nearest declaration before the use
      int at = declared.get(i);
      if (at < index) {
        return inVariables((VariableDeclarationExpr) ((ExpressionStmt) statements.get(at)).getExpression(), name);
      }
    }
    return Optional.empty();
  }

  /**
   * A block's statements by position and its local declarations by name, built once: every name in a
   * method asks for its declaration, and scanning back through a long block each time was quadratic.
   */
  private static final class Block {
    final Map<Statement, Integer> positions = new IdentityHashMap<>();
    final Map<String, List<Integer>> locals = new HashMap<>();

    Block(NodeList<Statement> statements) {
      for (int i = 0; i < statements.size(); i++) {
        Statement s = statements.get(i);
        positions.put(s, i);
        if (s instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr vars) {
          for (VariableDeclarator v : vars.getVariables()) {
            locals.computeIfAbsent(v.getNameAsString(), k -> new ArrayList<>()).add(i);
          }
        }
      }
    }
  }

  private final Map<NodeList<Statement>, Block> blocks = new IdentityHashMap<>();

  /** {@code double v = a / b, w = log(v)}: an earlier declarator of the same declaration is in scope. */
  private static Optional<Declaration> earlierDeclarator(Node use, String name) {
    Optional<VariableDeclarator> own = use.findAncestor(VariableDeclarator.class);
    if (own.isEmpty() || !(own.get().getParentNode().orElse(null) instanceof VariableDeclarationExpr vars)) {
      return Optional.empty();
    }
    for (VariableDeclarator v : vars.getVariables()) {
      if (v == own.get()) {
        return Optional.empty();
      }
      if (v.getNameAsString().equals(name)) {
        return inVariables(vars, name);
      }
    }
    return Optional.empty();
  }

  private static Optional<Declaration> inVariables(VariableDeclarationExpr vars, String name) {
    for (VariableDeclarator v : vars.getVariables()) {
      if (v.getNameAsString().equals(name)) {
        return Optional.of(new Declaration(Kind.LOCAL, name, v.getType(), v, vars.isFinal()));
      }
    }
    return Optional.empty();
  }

  private static Optional<Declaration> parameter(Parameter param, String name) {
    if (!param.getNameAsString().equals(name)) {
      return Optional.empty();
    }
    Type type = param.getType().isUnknownType() ? null : param.getType();
    if (type != null && param.isVarArgs()) {
      type = new com.github.javaparser.ast.type.ArrayType(type);
    }
    return Optional.of(new Declaration(Kind.PARAMETER, name, type, param, param.isFinal()));
  }

  /** Each class's fields by name, built on the first search through it: every name a method does not declare asks. */
  private final Map<TypeDeclaration<?>, Map<String, Declaration>> fields = new IdentityHashMap<>();

  private Optional<Declaration> field(TypeDeclaration<?> type, String name) {
    return Optional.ofNullable(fields.computeIfAbsent(type, Declarations::fieldsOf).get(name));
  }

  /** A class's fields (a record's components too); of two of one name, the first declared, as a search finds it. */
  private static Map<String, Declaration> fieldsOf(TypeDeclaration<?> type) {
    Map<String, Declaration> byName = new HashMap<>();
    for (FieldDeclaration field : type.getFields()) {
      for (VariableDeclarator v : field.getVariables()) {
        byName.putIfAbsent(v.getNameAsString(),
            new Declaration(Kind.FIELD, v.getNameAsString(), v.getType(), v, field.isFinal()));
      }
    }
    if (type instanceof RecordDeclaration record) {
      for (Parameter param : record.getParameters()) {
        byName.putIfAbsent(param.getNameAsString(),
            new Declaration(Kind.FIELD, param.getNameAsString(), param.getType(), param, true));
      }
    }
    return byName;
  }
}
