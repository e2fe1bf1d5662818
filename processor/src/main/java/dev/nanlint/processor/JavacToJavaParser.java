package dev.nanlint.processor;

import com.github.javaparser.Range;
import com.github.javaparser.ast.ArrayCreationLevel;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.PackageDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MarkerAnnotationExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.ReferenceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;
import com.github.javaparser.ast.type.UnionType;
import com.github.javaparser.ast.type.UnknownType;
import com.github.javaparser.ast.type.VoidType;
import com.github.javaparser.ast.type.WildcardType;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.AssertTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.WildcardTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.SourcePositions;
import dev.nanlint.engine.SourceText;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the JavaParser AST the rules read from the tree javac has already parsed, so nanlint inside javac
 * does not parse every file a second time (parsing was nearly all of its cost there, docs/performance.md).
 * The result must equal what JavaParser itself would produce, node for node and position for position:
 * {@code JavacToJavaParserTest} checks that on every fixture. Where javac's tree keeps less than JavaParser's
 * (modifier order, names' positions, the literal's spelling) the source text fills in. Anything this class
 * does not know, such as records, annotation types, switch patterns or javac's folded string constants,
 * throws {@link Unsupported}, and the caller parses the file with JavaParser instead: slower, never wrong.
 */
final class JavacToJavaParser {
  /** A construct this converter leaves to JavaParser. */
  static final class Unsupported extends RuntimeException {
    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  private static final Set<String> MODIFIERS = Set.of("public", "protected", "private", "abstract", "static",
      "final", "transient", "volatile", "synchronized", "native", "strictfp", "default", "sealed", "transitive");

  private final CompilationUnitTree unit;
  private final SourcePositions positions;
  private final String text;
  private final SourceText source;

  private JavacToJavaParser(CompilationUnitTree unit, SourcePositions positions, SourceText source) {
    this.unit = unit;
    this.positions = positions;
    this.text = source.text();
    this.source = source;
  }

  /**
   * The JavaParser AST of {@code unit}, whose text is {@code source}.
   *
   * @throws Unsupported for a construct left to JavaParser; StackOverflowError for very deep nesting
   */
  static CompilationUnit convert(CompilationUnitTree unit, SourcePositions positions, SourceText source) {
    return new JavacToJavaParser(unit, positions, source).compilationUnit();
  }

  // ---- positions and the source text ----

  private int start(Tree tree) {
    long start = positions.getStartPosition(unit, tree);
    if (start < 0 || start > text.length()) {
      throw new Unsupported("no start position for " + tree.getKind());
    }
    return (int) start;
  }

  /** Exclusive end offset. */
  private int end(Tree tree) {
    long end = positions.getEndPosition(unit, tree);
    if (end <= 0 || end > text.length()) {
      throw new Unsupported("no end position for " + tree.getKind());
    }
    return (int) end;
  }

  /** Gives {@code node} the range [start, end) of the text. */
  private <N extends Node> N at(N node, int start, int end) {
    if (end <= start) {
      throw new Unsupported("empty range");
    }
    node.setRange(new Range(source.position(start), source.position(end - 1)));
    return node;
  }

  private <N extends Node> N at(N node, Tree tree) {
    return at(node, start(tree), end(tree));
  }

  private int beginOf(Node node) {
    return source.offset(node.getBegin().orElseThrow().line, node.getBegin().orElseThrow().column);
  }

  private int endOf(Node node) {
    return source.offset(node.getEnd().orElseThrow().line, node.getEnd().orElseThrow().column) + 1;
  }

  /** The offset of the next token at or after {@code i}: whitespace and comments skipped. */
  private int skip(int i) {
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '\u001a') {
        i++;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
        while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int close = text.indexOf("*/", i + 2);
        if (close < 0) {
          throw new Unsupported("unclosed comment");
        }
        i = close + 2;
      } else {
        return i;
      }
    }
    return i;
  }

  private int identifierEnd(int i) {
    int j = i;
    while (j < text.length() && Character.isJavaIdentifierPart(text.charAt(j))) {
      j++;
    }
    return j;
  }

  /** Offset just after the character {@code c}, the next token from {@code i}. */
  private int expect(int i, char c) {
    int at = skip(i);
    if (at >= text.length() || text.charAt(at) != c) {
      throw new Unsupported("expected '" + c + "'");
    }
    return at + 1;
  }

  private boolean nextIs(int i, String token) {
    return text.startsWith(token, skip(i));
  }

  /** The identifier {@code name}, the next token from {@code i}. */
  private SimpleName nameAfter(int i, CharSequence name) {
    int at = skip(i);
    String expected = name.toString();
    if (!text.startsWith(expected, at) || identifierEnd(at) != at + expected.length()) {
      throw new Unsupported("expected the name " + expected);
    }
    return at(new SimpleName(expected), at, at + expected.length());
  }

  /** The identifier {@code name} ending where {@code tree} ends (a member select, say). */
  private SimpleName nameEndingAt(Tree tree, CharSequence name) {
    int end = end(tree);
    int begin = end - name.length();
    if (begin < 0 || !text.startsWith(name.toString(), begin)) {
      throw new Unsupported("name not at the end of " + tree.getKind());
    }
    return at(new SimpleName(name.toString()), begin, end);
  }

  // ---- compilation unit and declarations ----

  private CompilationUnit compilationUnit() {
    if (unit.getModule() != null) {
      throw new Unsupported("module declaration");
    }
    PackageDeclaration pkg = null;
    if (unit.getPackage() != null) {
      Tree packageTree = unit.getPackage();
      NodeList<AnnotationExpr> annotations = new NodeList<>();
      for (AnnotationTree annotation : unit.getPackageAnnotations()) {
        annotations.add(annotation(annotation));
      }
      pkg = at(new PackageDeclaration(annotations, name(unit.getPackageName())), packageTree);
    }
    NodeList<ImportDeclaration> imports = new NodeList<>();
    for (ImportTree tree : unit.getImports()) {
      Tree qualified = tree.getQualifiedIdentifier();
      boolean asterisk = qualified instanceof MemberSelectTree select && select.getIdentifier().contentEquals("*");
      Name name = name(asterisk ? ((MemberSelectTree) qualified).getExpression() : (ExpressionTree) qualified);
      imports.add(at(new ImportDeclaration(name, tree.isStatic(), asterisk), tree));
    }
    NodeList<TypeDeclaration<?>> types = new NodeList<>();
    for (Tree tree : unit.getTypeDecls()) {
      if (tree.getKind() == Tree.Kind.EMPTY_STATEMENT) {
        continue; // a stray ';' between types
      }
      types.add(typeDeclaration((ClassTree) tree));
    }
    CompilationUnit result = new CompilationUnit(pkg, imports, types, null);
    if (text.isEmpty()) {
      throw new Unsupported("empty file");
    }
    return at(result, 0, text.length()); // JavaParser's unit spans the whole text
  }

  private TypeDeclaration<?> typeDeclaration(ClassTree tree) {
    NodeList<Modifier> modifiers = new NodeList<>();
    NodeList<AnnotationExpr> annotations = new NodeList<>();
    int afterModifiers = modifiers(start(tree), tree.getModifiers(), modifiers, annotations);
    String keyword = switch (tree.getKind()) {
      case CLASS -> "class";
      case INTERFACE -> "interface";
      case ENUM -> "enum";
      case RECORD -> "record";
      default -> throw new Unsupported(tree.getKind().toString());
    };
    SimpleName name = nameAfter(skip(afterModifiers) + keyword.length(), tree.getSimpleName());
    if (!text.startsWith(keyword, skip(afterModifiers))) {
      throw new Unsupported("expected " + keyword);
    }
    if (tree.getKind() == Tree.Kind.RECORD) {
      return record(tree, modifiers, annotations, name);
    }
    NodeList<BodyDeclaration<?>> members = new NodeList<>();
    if (tree.getKind() == Tree.Kind.ENUM) {
      NodeList<EnumConstantDeclaration> constants = new NodeList<>();
      members(tree.getMembers(), members, constants);
      NodeList<ClassOrInterfaceType> implemented = classTypes(tree.getImplementsClause());
      return at(new EnumDeclaration(modifiers, annotations, name, implemented, constants, members), tree);
    }
    members(tree.getMembers(), members, null);
    NodeList<TypeParameter> typeParameters = typeParameters(tree.getTypeParameters());
    boolean isInterface = tree.getKind() == Tree.Kind.INTERFACE;
    NodeList<ClassOrInterfaceType> extended = isInterface ? classTypes(tree.getImplementsClause())
        : tree.getExtendsClause() == null ? new NodeList<>() : new NodeList<>(classType(tree.getExtendsClause()));
    NodeList<ClassOrInterfaceType> implemented = isInterface ? new NodeList<>() : classTypes(tree.getImplementsClause());
    NodeList<ClassOrInterfaceType> permitted = classTypes(tree.getPermitsClause());
    return at(new ClassOrInterfaceDeclaration(modifiers, annotations, isInterface, name, typeParameters, extended,
        implemented, permitted, members, false), tree);
  }

  /**
   * A record: javac lists the header's components among the members, as fields; each is followed by
   * {@code ,} or {@code )} in the text, where a field of the body is followed by its {@code ;}.
   */
  private TypeDeclaration<?> record(ClassTree tree, NodeList<Modifier> modifiers, NodeList<AnnotationExpr> annotations,
      SimpleName name) {
    NodeList<TypeParameter> typeParameters = typeParameters(tree.getTypeParameters());
    NodeList<Parameter> parameters = new NodeList<>();
    List<Tree> body = new ArrayList<>();
    for (Tree member : tree.getMembers()) {
      // once javac has entered the record, its generated members (no end position) come first
      if (member.getKind() == Tree.Kind.VARIABLE && positions.getEndPosition(unit, member) > 0
          && (nextIs(end(member), ",") || nextIs(end(member), ")"))) {
        parameters.add(parameter((VariableTree) member));
      } else {
        body.add(member);
      }
    }
    NodeList<BodyDeclaration<?>> members = new NodeList<>();
    members(body, members, null);
    NodeList<ClassOrInterfaceType> implemented = classTypes(tree.getImplementsClause());
    return at(new RecordDeclaration(modifiers, annotations, name, parameters, typeParameters, implemented, members,
        null), tree);
  }

  /**
   * The modifier keywords and annotations from {@code from} on, in source order (javac keeps the keywords
   * as an unordered set, without positions). Returns the offset after the last one.
   */
  private int modifiers(int from, ModifiersTree tree, NodeList<Modifier> modifiers, NodeList<AnnotationExpr> annotations) {
    List<? extends AnnotationTree> annotationTrees = tree == null ? List.of() : tree.getAnnotations();
    int used = 0;
    int i = from;
    while (true) {
      int at = skip(i);
      if (at < text.length() && text.charAt(at) == '@' && !text.startsWith("interface", skip(at + 1))) {
        if (used >= annotationTrees.size() || start(annotationTrees.get(used)) != at) {
          throw new Unsupported("annotation out of place");
        }
        annotations.add(annotation(annotationTrees.get(used)));
        i = end(annotationTrees.get(used++));
        continue;
      }
      int wordEnd = identifierEnd(at);
      String word = text.substring(at, wordEnd);
      if (word.equals("non") && text.startsWith("-sealed", wordEnd)) {
        modifiers.add(at(new Modifier(Modifier.Keyword.NON_SEALED), at, wordEnd + "-sealed".length()));
        i = wordEnd + "-sealed".length();
      } else if (MODIFIERS.contains(word)) {
        modifiers.add(at(new Modifier(Modifier.Keyword.valueOf(word.toUpperCase(Locale.ROOT))), at, wordEnd));
        i = wordEnd;
      } else {
        break;
      }
    }
    if (used != annotationTrees.size()) {
      throw new Unsupported("annotations not among the modifiers");
    }
    return i;
  }

  /**
   * Class members, with consecutive variables of one declaration ({@code double a, b;}) as one field. In an
   * enum, the constants go to {@code constants}. Members javac generated (a default constructor, once the
   * classes are entered) have no end position and are left out.
   */
  private void members(List<? extends Tree> trees, NodeList<BodyDeclaration<?>> members,
      NodeList<EnumConstantDeclaration> constants) {
    for (int i = 0; i < trees.size(); i++) {
      Tree tree = trees.get(i);
      if (positions.getEndPosition(unit, tree) < 0) {
        continue;
      }
      switch (tree.getKind()) {
        case VARIABLE -> {
          VariableTree variable = (VariableTree) tree;
          if (constants != null && isEnumConstant(variable)) {
            constants.add(enumConstant(variable));
            continue;
          }
          int count = declarationSize(trees, i);
          NodeList<Modifier> modifiers = new NodeList<>();
          NodeList<AnnotationExpr> annotations = new NodeList<>();
          int afterModifiers = modifiers(start(variable), variable.getModifiers(), modifiers, annotations);
          NodeList<VariableDeclarator> declarators = declarators(trees.subList(i, i + count), afterModifiers);
          members.add(at(new FieldDeclaration(modifiers, annotations, declarators), start(variable),
              end(trees.get(i + count - 1))));
          i += count - 1;
        }
        case METHOD -> members.add(method((MethodTree) tree));
        case CLASS, INTERFACE, ENUM, RECORD -> members.add(typeDeclaration((ClassTree) tree));
        case BLOCK -> {
          BlockTree block = (BlockTree) tree;
          BlockStmt body = block(block);
          if (block.isStatic()) { // javac's block starts at the keyword, JavaParser's at the brace
            at(body, skip(start(block) + "static".length()), end(block));
          }
          members.add(at(new InitializerDeclaration(block.isStatic(), body), tree));
        }
        case EMPTY_STATEMENT -> { }
        default -> throw new Unsupported("member " + tree.getKind());
      }
    }
  }

  /** How many variables from {@code i} on belong to one declaration: javac gives them one start. */
  private int declarationSize(List<? extends Tree> trees, int i) {
    int start = start(trees.get(i));
    int count = 1;
    while (i + count < trees.size() && trees.get(i + count).getKind() == Tree.Kind.VARIABLE
        && positions.getStartPosition(unit, trees.get(i + count)) == start) {
      count++;
    }
    return count;
  }

  /** An enum constant is written as its bare name, not as a type followed by a name. */
  private boolean isEnumConstant(VariableTree variable) {
    int afterModifiers = skip(modifiers(start(variable), variable.getModifiers(), new NodeList<>(), new NodeList<>()));
    int nameEnd = identifierEnd(afterModifiers);
    if (!text.substring(afterModifiers, nameEnd).contentEquals(variable.getName())) {
      return false;
    }
    int next = skip(nameEnd);
    return next >= text.length() || ",;({}".indexOf(text.charAt(next)) >= 0;
  }

  private EnumConstantDeclaration enumConstant(VariableTree variable) {
    NodeList<AnnotationExpr> annotations = new NodeList<>();
    NodeList<Modifier> modifiers = new NodeList<>();
    int afterModifiers = modifiers(start(variable), variable.getModifiers(), modifiers, annotations);
    if (!modifiers.isEmpty()) {
      throw new Unsupported("modifier on an enum constant");
    }
    SimpleName name = nameAfter(afterModifiers, variable.getName());
    NodeList<Expression> arguments = new NodeList<>();
    NodeList<BodyDeclaration<?>> body = new NodeList<>();
    int end = endOf(name);
    if (variable.getInitializer() instanceof NewClassTree creation) {
      for (ExpressionTree argument : creation.getArguments()) {
        arguments.add(expression(argument));
      }
      if (nextIs(end, "(")) {
        end = expect(arguments.isEmpty() ? expect(end, '(') : endOf(arguments.getLast().orElseThrow()), ')');
      }
      if (creation.getClassBody() != null) {
        members(creation.getClassBody().getMembers(), body, null);
        end = end(creation.getClassBody());
      }
    }
    return at(new EnumConstantDeclaration(annotations, name, arguments, body), start(variable), end);
  }

  private BodyDeclaration<?> method(MethodTree tree) {
    NodeList<Modifier> modifiers = new NodeList<>();
    NodeList<AnnotationExpr> annotations = new NodeList<>();
    int afterModifiers = modifiers(start(tree), tree.getModifiers(), modifiers, annotations);
    if (tree.getReceiverParameter() != null || tree.getDefaultValue() != null) {
      throw new Unsupported("receiver parameter or annotation default");
    }
    NodeList<TypeParameter> typeParameters = typeParameters(tree.getTypeParameters());
    int beforeName = typeParameters.isEmpty() ? afterModifiers : expect(endOf(typeParameters.getLast().orElseThrow()), '>');
    if (tree.getName().contentEquals("<init>") && tree.getBody() != null) {
      int nameAt = skip(beforeName);
      int nameEnd = identifierEnd(nameAt);
      if (nameEnd > nameAt && nextIs(nameEnd, "{")) { // a record's compact constructor: its parameters are javac's
        SimpleName name = nameAfter(nameAt, text.substring(nameAt, nameEnd));
        return at(new CompactConstructorDeclaration(modifiers, annotations, typeParameters, name, new NodeList<>(),
            block(tree.getBody())), tree);
      }
    }
    NodeList<Parameter> parameters = new NodeList<>();
    for (VariableTree parameter : tree.getParameters()) {
      parameters.add(parameter(parameter));
    }
    NodeList<ReferenceType> thrown = new NodeList<>();
    for (ExpressionTree type : tree.getThrows()) {
      thrown.add((ReferenceType) type(type));
    }
    BlockStmt body = tree.getBody() == null ? null : block(tree.getBody());
    if (tree.getName().contentEquals("<init>")) {
      int nameAt = skip(beforeName);
      SimpleName name = nameAfter(nameAt, text.substring(nameAt, identifierEnd(nameAt)));
      return at(new ConstructorDeclaration(modifiers, annotations, typeParameters, name, parameters, thrown, body, null), tree);
    }
    Type returnType = type(tree.getReturnType());
    if (start(tree.getReturnType()) < beforeName) {
      throw new Unsupported("return type before type parameters");
    }
    SimpleName name = nameAfter(end(tree.getReturnType()), tree.getName());
    int afterParameters = parameters.isEmpty() ? expect(endOf(name), '(') : endOf(parameters.getLast().orElseThrow());
    if (!nextIs(expect(afterParameters, ')'), "throws") && nextIs(expect(afterParameters, ')'), "[")) {
      throw new Unsupported("array brackets after the parameters");
    }
    return at(new MethodDeclaration(modifiers, annotations, typeParameters, returnType, name, parameters, thrown, body,
        null), tree);
  }

  private NodeList<TypeParameter> typeParameters(List<? extends TypeParameterTree> trees) {
    NodeList<TypeParameter> result = new NodeList<>();
    for (TypeParameterTree tree : trees) {
      if (!tree.getAnnotations().isEmpty()) {
        throw new Unsupported("annotated type parameter");
      }
      NodeList<ClassOrInterfaceType> bounds = new NodeList<>();
      for (Tree bound : tree.getBounds()) {
        bounds.add(classType(bound));
      }
      result.add(at(new TypeParameter(nameAfter(start(tree), tree.getName()), bounds, new NodeList<>()), tree));
    }
    return result;
  }

  private NodeList<ClassOrInterfaceType> classTypes(List<? extends Tree> trees) {
    NodeList<ClassOrInterfaceType> result = new NodeList<>();
    if (trees != null) {
      for (Tree tree : trees) {
        result.add(classType(tree));
      }
    }
    return result;
  }

  private Parameter parameter(VariableTree tree) {
    NodeList<Modifier> modifiers = new NodeList<>();
    NodeList<AnnotationExpr> annotations = new NodeList<>();
    int afterModifiers = modifiers(start(tree), tree.getModifiers(), modifiers, annotations);
    if (tree.getType() == null) { // an implicitly typed lambda parameter
      SimpleName name = nameAfter(afterModifiers, tree.getName());
      return at(new Parameter(modifiers, annotations, new UnknownType(), false, new NodeList<>(), name),
          beginOf(name), endOf(name));
    }
    Tree typeTree = tree.getType();
    boolean varArgs = false;
    if (typeTree instanceof ArrayTypeTree array
        && (nextIs(end(typeTree), "...") || text.substring(start(typeTree), end(typeTree)).endsWith("..."))) {
      varArgs = true;
      typeTree = array.getType();
      if (typeTree.getKind() == Tree.Kind.ARRAY_TYPE) {
        throw new Unsupported("varargs of an array type"); // javac's element type ends after the dots
      }
    }
    if (varArgs) {
      Type type = declaredType(typeTree, afterModifiers);
      SimpleName name = nameAfter(skip(endOf(type)) + 3, tree.getName());
      if (nextIs(endOf(name), "[")) {
        throw new Unsupported("array brackets after a varargs parameter's name");
      }
      return at(new Parameter(modifiers, annotations, type, true, new NodeList<>(), name), start(tree), endOf(name));
    }
    Declared declared = declared(typeTree, afterModifiers, tree.getName());
    Type type = typeOf(declared, null);
    return at(new Parameter(modifiers, annotations, type, false, new NodeList<>(), declared.name()), start(tree),
        declared.end());
  }

  /**
   * A variable's written type. {@code var} is absent from javac's parse; JavaParser at language level RAW
   * (nanlint's) reads it as a class named {@code var}.
   */
  private Type declaredType(Tree typeTree, int afterModifiers) {
    if (typeTree == null) {
      int at = skip(afterModifiers);
      if (!text.startsWith("var", at) || identifierEnd(at) != at + 3) {
        throw new Unsupported("variable without a type");
      }
      return at(new ClassOrInterfaceType(null, at(new SimpleName("var"), at, at + 3), null, new NodeList<>()), at, at + 3);
    }
    return type(typeTree);
  }

  /**
   * The declarators of one declaration ({@code int a = 1, b;}), whose modifiers end at {@code afterModifiers}.
   * Brackets after a name ({@code int a[]}) are left to JavaParser.
   */
  private NodeList<VariableDeclarator> declarators(List<? extends Tree> trees, int afterModifiers) {
    NodeList<VariableDeclarator> result = new NodeList<>();
    int after = -1;
    Type written = null;
    for (Tree tree : trees) {
      VariableTree variable = (VariableTree) tree;
      Declared declared;
      Type type;
      if (result.isEmpty()) {
        declared = declared(variable.getType(), afterModifiers, variable.getName());
        written = declared.written();
        type = typeOf(declared, null);
      } else {
        declared = declaredAfterComma(variable, expect(after, ','), written);
        type = typeOf(declared, written);
      }
      Expression initializer = variable.getInitializer() == null ? null : expression(variable.getInitializer());
      VariableDeclarator declarator = new VariableDeclarator(type, declared.name(), initializer);
      after = initializer == null ? declared.end() : endOf(initializer);
      result.add(at(declarator, beginOf(declared.name()), after));
    }
    return result;
  }

  /**
   * A declared name and its type: the type as written before the name, and brackets after the name
   * ({@code double x[]}), which JavaParser turns into arrays of origin NAME, each spanning from the written
   * type to the last bracket.
   */
  private record Declared(Type written, SimpleName name, int nameBrackets, int end) {}

  /**
   * The declarator's type: the written one, or for the second and later names of one declaration a copy of
   * the first's ({@code shared}), inside one array of origin NAME per bracket after the name.
   */
  private Type typeOf(Declared declared, Type shared) {
    Type type = shared == null ? declared.written() : copyOf(shared);
    for (int i = 0; i < declared.nameBrackets(); i++) {
      type = at(new ArrayType(type, ArrayType.Origin.NAME, new NodeList<>()), beginOf(declared.written()), declared.end());
    }
    return type;
  }

  /** Finds the name after the written type (any brackets between them are the type's own). */
  private Declared declared(Tree typeTree, int afterModifiers, CharSequence name) {
    if (typeTree == null) {
      Type var = declaredType(null, afterModifiers);
      SimpleName declaredName = nameAfter(endOf(var), name);
      if (nextIs(endOf(declaredName), "[")) {
        throw new Unsupported("var with brackets");
      }
      return new Declared(var, declaredName, 0, endOf(declaredName));
    }
    Tree element = typeTree;
    while (element.getKind() == Tree.Kind.ARRAY_TYPE) {
      element = ((ArrayTypeTree) element).getType();
    }
    int[] typeBrackets = bracketsAfter(end(element));
    SimpleName declaredName = nameAfter(typeBrackets[1], name);
    int[] nameBrackets = bracketsAfter(endOf(declaredName));
    if (arrayDepth(typeTree) != typeBrackets[0] + nameBrackets[0]) {
      throw new Unsupported("array brackets in an unexpected place");
    }
    Type written = type(stripArrays(typeTree, nameBrackets[0]));
    return new Declared(written, withBrackets(declaredName, nameBrackets), nameBrackets[0], nameBrackets[1]);
  }

  /** The second and later names of {@code double a, b[];}, whose written type is the first one's. */
  private Declared declaredAfterComma(VariableTree variable, int afterComma, Type written) {
    SimpleName declaredName = nameAfter(afterComma, variable.getName());
    int[] nameBrackets = bracketsAfter(endOf(declaredName));
    if (variable.getType() == null
        || !written.equals(type(stripArrays(variable.getType(), nameBrackets[0])))) {
      throw new Unsupported("declarators of different types");
    }
    return new Declared(written, withBrackets(declaredName, nameBrackets), nameBrackets[0], nameBrackets[1]);
  }

  /** JavaParser's name of {@code x[]} spans the brackets too. */
  private SimpleName withBrackets(SimpleName name, int[] brackets) {
    return brackets[0] == 0 ? name : at(name, beginOf(name), brackets[1]);
  }

  /** How many {@code []} follow {@code from}, and the offset after the last. */
  private int[] bracketsAfter(int from) {
    int count = 0;
    int i = from;
    while (nextIs(i, "[")) {
      i = expect(skip(i) + 1, ']');
      count++;
    }
    return new int[] {count, i};
  }

  private static int arrayDepth(Tree type) {
    int depth = 0;
    for (Tree t = type; t.getKind() == Tree.Kind.ARRAY_TYPE; t = ((ArrayTypeTree) t).getType()) {
      depth++;
    }
    return depth;
  }

  /** The type without its {@code layers} outermost array layers (javac puts a name's brackets outermost). */
  private static Tree stripArrays(Tree type, int layers) {
    Tree t = type;
    for (int i = 0; i < layers; i++) {
      if (t.getKind() != Tree.Kind.ARRAY_TYPE) {
        throw new Unsupported("array brackets");
      }
      t = ((ArrayTypeTree) t).getType();
    }
    return t;
  }

  /** A copy of a shared type node with the original's positions (Node.clone keeps none). */
  private static Type copyOf(Type type) {
    Type copy = type.clone();
    copyRanges(type, copy);
    return copy;
  }

  /** Node.clone keeps no positions: the copy of a shared type gets the original's, node for node. */
  private static void copyRanges(Node from, Node to) {
    to.setRange(from.getRange().orElse(null));
    List<Node> a = from.getChildNodes();
    List<Node> b = to.getChildNodes();
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      copyRanges(a.get(i), b.get(i));
    }
  }

  private VariableDeclarationExpr localVariables(List<? extends Tree> trees) {
    VariableTree first = (VariableTree) trees.get(0);
    NodeList<Modifier> modifiers = new NodeList<>();
    NodeList<AnnotationExpr> annotations = new NodeList<>();
    int afterModifiers = modifiers(start(first), first.getModifiers(), modifiers, annotations);
    NodeList<VariableDeclarator> declarators = declarators(trees, afterModifiers);
    return at(new VariableDeclarationExpr(modifiers, annotations, declarators), start(first),
        endOf(declarators.getLast().orElseThrow()));
  }

  // ---- annotations and names ----

  private AnnotationExpr annotation(AnnotationTree tree) {
    if (tree.getKind() != Tree.Kind.ANNOTATION) {
      throw new Unsupported("type annotation");
    }
    Name name = name((ExpressionTree) tree.getAnnotationType());
    List<? extends ExpressionTree> arguments = tree.getArguments();
    if (!nextIs(end(tree.getAnnotationType()), "(")) {
      return at(new MarkerAnnotationExpr(name), tree);
    }
    if (arguments.size() == 1 && arguments.get(0).getKind() != Tree.Kind.ASSIGNMENT) {
      return at(new SingleMemberAnnotationExpr(name, expression(arguments.get(0))), tree);
    }
    if (arguments.size() == 1 && arguments.get(0) instanceof AssignmentTree assignment
        && assignment.getVariable() instanceof IdentifierTree key && key.getName().contentEquals("value")
        && positions.getEndPosition(unit, key) < 0) { // javac's Annotate wrote @A(x) as @A(value = x)
      return at(new SingleMemberAnnotationExpr(name, expression(assignment.getExpression())), tree);
    }
    NodeList<MemberValuePair> pairs = new NodeList<>();
    for (ExpressionTree argument : arguments) {
      if (!(argument instanceof AssignmentTree assignment)
          || !(assignment.getVariable() instanceof IdentifierTree key)) {
        throw new Unsupported("annotation argument");
      }
      pairs.add(at(new MemberValuePair(at(new SimpleName(key.getName().toString()), key),
          expression(assignment.getExpression())), argument));
    }
    return at(new NormalAnnotationExpr(name, pairs), tree);
  }

  /** A qualified name such as a package's or an annotation's. */
  private Name name(ExpressionTree tree) {
    if (tree instanceof IdentifierTree identifier) {
      return at(new Name(identifier.getName().toString()), tree);
    }
    if (tree instanceof MemberSelectTree select) {
      return at(new Name(name(select.getExpression()), select.getIdentifier().toString()), tree);
    }
    throw new Unsupported("name " + tree.getKind());
  }

  // ---- types ----

  private Type type(Tree tree) {
    switch (tree.getKind()) {
      case PRIMITIVE_TYPE: {
        PrimitiveTypeTree primitive = (PrimitiveTypeTree) tree;
        return switch (primitive.getPrimitiveTypeKind()) {
          case VOID -> at(new VoidType(), tree);
          case BOOLEAN -> at(new PrimitiveType(PrimitiveType.Primitive.BOOLEAN, new NodeList<>()), tree);
          case BYTE -> at(new PrimitiveType(PrimitiveType.Primitive.BYTE, new NodeList<>()), tree);
          case SHORT -> at(new PrimitiveType(PrimitiveType.Primitive.SHORT, new NodeList<>()), tree);
          case INT -> at(new PrimitiveType(PrimitiveType.Primitive.INT, new NodeList<>()), tree);
          case LONG -> at(new PrimitiveType(PrimitiveType.Primitive.LONG, new NodeList<>()), tree);
          case CHAR -> at(new PrimitiveType(PrimitiveType.Primitive.CHAR, new NodeList<>()), tree);
          case FLOAT -> at(new PrimitiveType(PrimitiveType.Primitive.FLOAT, new NodeList<>()), tree);
          case DOUBLE -> at(new PrimitiveType(PrimitiveType.Primitive.DOUBLE, new NodeList<>()), tree);
          default -> throw new Unsupported("primitive " + primitive.getPrimitiveTypeKind());
        };
      }
      case ARRAY_TYPE:
        return at(new ArrayType(type(((ArrayTypeTree) tree).getType()), ArrayType.Origin.TYPE, new NodeList<>()), tree);
      case UNBOUNDED_WILDCARD:
      case EXTENDS_WILDCARD:
      case SUPER_WILDCARD: {
        WildcardTree wildcard = (WildcardTree) tree;
        ReferenceType bound = wildcard.getBound() == null ? null : (ReferenceType) type(wildcard.getBound());
        boolean isSuper = tree.getKind() == Tree.Kind.SUPER_WILDCARD;
        return at(new WildcardType(isSuper ? null : bound, isSuper ? bound : null, new NodeList<>()), tree);
      }
      case UNION_TYPE: {
        NodeList<ReferenceType> alternatives = new NodeList<>();
        for (Tree alternative : ((UnionTypeTree) tree).getTypeAlternatives()) {
          alternatives.add((ReferenceType) type(alternative));
        }
        return at(new UnionType(alternatives), tree);
      }
      default:
        return classType(tree);
    }
  }

  private ClassOrInterfaceType classType(Tree tree) {
    switch (tree.getKind()) {
      case IDENTIFIER:
        return at(new ClassOrInterfaceType(null, at(new SimpleName(((IdentifierTree) tree).getName().toString()), tree),
            null, new NodeList<>()), tree);
      case MEMBER_SELECT: {
        MemberSelectTree select = (MemberSelectTree) tree;
        return at(new ClassOrInterfaceType(classType(select.getExpression()), nameEndingAt(tree, select.getIdentifier()),
            null, new NodeList<>()), tree);
      }
      case PARAMETERIZED_TYPE: {
        ParameterizedTypeTree parameterized = (ParameterizedTypeTree) tree;
        ClassOrInterfaceType base = classType(parameterized.getType());
        NodeList<Type> arguments = new NodeList<>();
        for (Tree argument : parameterized.getTypeArguments()) {
          arguments.add(type(argument));
        }
        base.setTypeArguments(arguments);
        return at(base, tree);
      }
      default:
        throw new Unsupported("type " + tree.getKind());
    }
  }

  private NodeList<Type> typeArguments(List<? extends Tree> trees) {
    if (trees == null || trees.isEmpty()) {
      return null;
    }
    NodeList<Type> result = new NodeList<>();
    for (Tree tree : trees) {
      result.add(type(tree));
    }
    return result;
  }

  // ---- statements ----

  private BlockStmt block(BlockTree tree) {
    return at(new BlockStmt(statements(tree.getStatements())), tree);
  }

  private NodeList<Statement> statements(List<? extends StatementTree> trees) {
    NodeList<Statement> result = new NodeList<>();
    for (int i = 0; i < trees.size(); i++) {
      StatementTree tree = trees.get(i);
      if (tree.getKind() == Tree.Kind.VARIABLE) {
        int count = declarationSize(trees, i);
        VariableDeclarationExpr variables = localVariables(trees.subList(i, i + count));
        result.add(at(new ExpressionStmt(variables), start(tree), end(trees.get(i + count - 1))));
        i += count - 1;
      } else {
        result.add(statement(tree));
      }
    }
    return result;
  }

  private Statement statement(StatementTree tree) {
    switch (tree.getKind()) {
      case BLOCK:
        return block((BlockTree) tree);
      case EXPRESSION_STATEMENT: {
        ExpressionTree expression = ((ExpressionStatementTree) tree).getExpression();
        if (expression instanceof MethodInvocationTree call && isConstructorCall(call)) {
          return constructorCall(call, tree);
        }
        return at(new ExpressionStmt(expression(expression)), tree);
      }
      case VARIABLE:
        return at(new ExpressionStmt(localVariables(List.of(tree))), tree);
      case IF: {
        IfTree branch = (IfTree) tree;
        return at(new IfStmt(condition(branch.getCondition()), statement(branch.getThenStatement()),
            branch.getElseStatement() == null ? null : statement(branch.getElseStatement())), tree);
      }
      case WHILE_LOOP: {
        WhileLoopTree loop = (WhileLoopTree) tree;
        return at(new WhileStmt(condition(loop.getCondition()), statement(loop.getStatement())), tree);
      }
      case DO_WHILE_LOOP: {
        DoWhileLoopTree loop = (DoWhileLoopTree) tree;
        return at(new DoStmt(statement(loop.getStatement()), condition(loop.getCondition())), tree);
      }
      case FOR_LOOP: {
        ForLoopTree loop = (ForLoopTree) tree;
        NodeList<Expression> initialization = new NodeList<>();
        List<? extends StatementTree> init = loop.getInitializer();
        if (!init.isEmpty() && init.get(0).getKind() == Tree.Kind.VARIABLE) {
          initialization.add(localVariables(init));
        } else {
          for (StatementTree statement : init) {
            initialization.add(expression(((ExpressionStatementTree) statement).getExpression()));
          }
        }
        NodeList<Expression> update = new NodeList<>();
        for (ExpressionStatementTree statement : loop.getUpdate()) {
          update.add(expression(statement.getExpression()));
        }
        Expression compare = loop.getCondition() == null ? null : expression(loop.getCondition());
        return at(new ForStmt(initialization, compare, update, statement(loop.getStatement())), tree);
      }
      case ENHANCED_FOR_LOOP: {
        EnhancedForLoopTree loop = (EnhancedForLoopTree) tree;
        return at(new ForEachStmt(localVariables(List.of(loop.getVariable())), expression(loop.getExpression()),
            statement(loop.getStatement())), tree);
      }
      case RETURN: {
        ExpressionTree value = ((ReturnTree) tree).getExpression();
        return at(new ReturnStmt(value == null ? null : expression(value)), tree);
      }
      case THROW:
        return at(new ThrowStmt(expression(((ThrowTree) tree).getExpression())), tree);
      case BREAK: {
        CharSequence label = ((BreakTree) tree).getLabel();
        return at(new BreakStmt(label == null ? null : nameAfter(start(tree) + "break".length(), label)), tree);
      }
      case CONTINUE: {
        CharSequence label = ((ContinueTree) tree).getLabel();
        return at(new ContinueStmt(label == null ? null : nameAfter(start(tree) + "continue".length(), label)), tree);
      }
      case YIELD:
        return at(new YieldStmt(expression(((YieldTree) tree).getValue())), tree);
      case EMPTY_STATEMENT:
        return at(new EmptyStmt(), tree);
      case ASSERT: {
        AssertTree assertion = (AssertTree) tree;
        return at(new AssertStmt(expression(assertion.getCondition()),
            assertion.getDetail() == null ? null : expression(assertion.getDetail())), tree);
      }
      case LABELED_STATEMENT: {
        LabeledStatementTree labeled = (LabeledStatementTree) tree;
        return at(new LabeledStmt(nameAfter(start(tree), labeled.getLabel()), statement(labeled.getStatement())), tree);
      }
      case SYNCHRONIZED: {
        SynchronizedTree sync = (SynchronizedTree) tree;
        return at(new SynchronizedStmt(condition(sync.getExpression()), block(sync.getBlock())), tree);
      }
      case TRY:
        return tryStatement((TryTree) tree);
      case SWITCH: {
        SwitchTree sw = (SwitchTree) tree;
        return at(new SwitchStmt(condition(sw.getExpression()), cases(sw.getCases())), tree);
      }
      case CLASS: {
        TypeDeclaration<?> type = typeDeclaration((ClassTree) tree);
        if (!(type instanceof ClassOrInterfaceDeclaration declaration) || declaration.isInterface()) {
          throw new Unsupported("local enum or interface");
        }
        return at(new LocalClassDeclarationStmt(declaration), tree);
      }
      default:
        throw new Unsupported("statement " + tree.getKind());
    }
  }

  /** The parenthesised condition of if, while, switch and synchronized: JavaParser keeps no parentheses there. */
  private Expression condition(ExpressionTree tree) {
    return expression(tree instanceof ParenthesizedTree parens ? parens.getExpression() : tree);
  }

  private static boolean isConstructorCall(MethodInvocationTree call) {
    ExpressionTree select = call.getMethodSelect();
    if (select instanceof IdentifierTree identifier) {
      return identifier.getName().contentEquals("this") || identifier.getName().contentEquals("super");
    }
    return select instanceof MemberSelectTree member && member.getIdentifier().contentEquals("super");
  }

  private Statement constructorCall(MethodInvocationTree call, StatementTree tree) {
    ExpressionTree select = call.getMethodSelect();
    boolean isThis = select instanceof IdentifierTree identifier && identifier.getName().contentEquals("this");
    Expression outer = select instanceof MemberSelectTree member ? expression(member.getExpression()) : null;
    return at(new ExplicitConstructorInvocationStmt(typeArguments(call.getTypeArguments()), isThis, outer,
        arguments(call.getArguments())), tree);
  }

  private Statement tryStatement(TryTree tree) {
    NodeList<Expression> resources = new NodeList<>();
    for (Tree resource : tree.getResources()) {
      resources.add(resource.getKind() == Tree.Kind.VARIABLE ? localVariables(List.of(resource))
          : expression((ExpressionTree) resource));
    }
    NodeList<CatchClause> catches = new NodeList<>();
    for (CatchTree clause : tree.getCatches()) {
      Parameter parameter = parameter(clause.getParameter());
      Type first = parameter.getType() instanceof UnionType union ? union.getElements().get(0) : parameter.getType();
      if (first instanceof ClassOrInterfaceType type && type.getScope().isPresent()) {
        // JavaParser starts a catch parameter of a qualified type at the (first) type's last name
        at(parameter, beginOf(type.getName()), endOf(parameter));
      }
      catches.add(at(new CatchClause(parameter, block(clause.getBlock())), clause));
    }
    BlockStmt finallyBlock = tree.getFinallyBlock() == null ? null : block(tree.getFinallyBlock());
    return at(new TryStmt(resources, block(tree.getBlock()), catches, finallyBlock), tree);
  }

  /** JDK 21's CaseTree.getLabels and getGuard, found by reflection: this class is built for Java 17. */
  private static final Method LABELS = method(CaseTree.class, "getLabels");
  private static final Method GUARD = method(CaseTree.class, "getGuard");

  private static Method method(Class<?> type, String name) {
    try {
      return type.getMethod(name);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private NodeList<SwitchEntry> cases(List<? extends CaseTree> trees) {
    NodeList<SwitchEntry> result = new NodeList<>();
    for (CaseTree tree : trees) {
      boolean isDefault = tree.getExpressions().isEmpty();
      if (LABELS != null) {
        try {
          for (Object label : (List<?>) LABELS.invoke(tree)) {
            String kind = ((Tree) label).getKind().name();
            if (!(label instanceof ExpressionTree) && !kind.equals("CONSTANT_CASE_LABEL")
                && !kind.equals("DEFAULT_CASE_LABEL")) { // Java 17: a constant label is the expression itself
              throw new Unsupported("case label " + kind);
            }
          }
          if (GUARD != null && GUARD.invoke(tree) != null) {
            throw new Unsupported("case guard");
          }
        } catch (ReflectiveOperationException e) {
          throw new Unsupported("case labels: " + e);
        }
      }
      if (isDefault && !nextIs(start(tree), "default")) {
        throw new Unsupported("case without constants");
      }
      NodeList<Expression> labels = new NodeList<>();
      for (ExpressionTree label : tree.getExpressions()) {
        labels.add(expression(label));
      }
      SwitchEntry.Type type;
      NodeList<Statement> statements = new NodeList<>();
      if (tree.getCaseKind() == CaseTree.CaseKind.RULE) {
        Tree body = tree.getBody();
        if (body.getKind() == Tree.Kind.BLOCK) {
          type = SwitchEntry.Type.BLOCK;
          statements.add(block((BlockTree) body));
        } else if (body.getKind() == Tree.Kind.THROW) {
          type = SwitchEntry.Type.THROWS_STATEMENT;
          statements.add(statement((StatementTree) body));
        } else if (body instanceof ExpressionTree expression) {
          type = SwitchEntry.Type.EXPRESSION;
          Expression value = expression(expression);
          int semicolon = expect(endOf(value), ';');
          statements.add(at(new ExpressionStmt(value), beginOf(value), semicolon));
        } else {
          throw new Unsupported("case body " + body.getKind());
        }
      } else {
        type = SwitchEntry.Type.STATEMENT_GROUP;
        statements = statements(tree.getStatements());
      }
      result.add(at(new SwitchEntry(labels, type, statements, isDefault, null), tree));
    }
    return result;
  }

  // ---- expressions ----

  private NodeList<Expression> arguments(List<? extends ExpressionTree> trees) {
    NodeList<Expression> result = new NodeList<>();
    for (ExpressionTree tree : trees) {
      result.add(expression(tree));
    }
    return result;
  }

  private Expression expression(ExpressionTree tree) {
    switch (tree.getKind()) {
      case PARENTHESIZED:
        return at(new EnclosedExpr(expression(((ParenthesizedTree) tree).getExpression())), tree);
      case IDENTIFIER: {
        String name = ((IdentifierTree) tree).getName().toString();
        if (name.equals("this")) {
          return at(new ThisExpr(), tree);
        }
        if (name.equals("super")) {
          return at(new SuperExpr(), tree);
        }
        return at(new NameExpr(at(new SimpleName(name), tree)), tree);
      }
      case MEMBER_SELECT: {
        MemberSelectTree select = (MemberSelectTree) tree;
        String name = select.getIdentifier().toString();
        switch (name) {
          case "class":
            return at(new ClassExpr(type(select.getExpression())), tree);
          case "this":
            return at(new ThisExpr(name(select.getExpression())), tree);
          case "super":
            return at(new SuperExpr(name(select.getExpression())), tree);
          default: {
            Expression scope = expression(select.getExpression());
            // JavaParser gives super.field an empty list of type arguments, other field accesses none
            NodeList<Type> typeArguments = scope instanceof SuperExpr ? new NodeList<>() : null;
            return at(new FieldAccessExpr(scope, typeArguments, nameEndingAt(tree, name)), tree);
          }
        }
      }
      case METHOD_INVOCATION: {
        MethodInvocationTree call = (MethodInvocationTree) tree;
        ExpressionTree select = call.getMethodSelect();
        Expression scope;
        SimpleName name;
        if (select instanceof IdentifierTree identifier) {
          scope = null;
          name = at(new SimpleName(identifier.getName().toString()), select);
        } else if (select instanceof MemberSelectTree member) {
          scope = expression(member.getExpression());
          name = nameEndingAt(select, member.getIdentifier());
        } else {
          throw new Unsupported("method select " + select.getKind());
        }
        if (isConstructorCall(call)) {
          throw new Unsupported("this() or super() outside a statement");
        }
        return at(new MethodCallExpr(scope, typeArguments(call.getTypeArguments()), name, arguments(call.getArguments())),
            tree);
      }
      case NEW_CLASS: {
        NewClassTree creation = (NewClassTree) tree;
        if (!creation.getTypeArguments().isEmpty()) {
          throw new Unsupported("constructor type arguments");
        }
        Expression scope = creation.getEnclosingExpression() == null ? null : expression(creation.getEnclosingExpression());
        ClassOrInterfaceType type = classType(creation.getIdentifier());
        NodeList<BodyDeclaration<?>> body = null;
        if (creation.getClassBody() != null) {
          body = new NodeList<>();
          members(creation.getClassBody().getMembers(), body, null);
        }
        return at(new ObjectCreationExpr(scope, type, null, arguments(creation.getArguments()), body), tree);
      }
      case NEW_ARRAY:
        return newArray((NewArrayTree) tree);
      case ARRAY_ACCESS: {
        ArrayAccessTree access = (ArrayAccessTree) tree;
        return at(new ArrayAccessExpr(expression(access.getExpression()), expression(access.getIndex())), tree);
      }
      case ASSIGNMENT: {
        AssignmentTree assignment = (AssignmentTree) tree;
        return at(new AssignExpr(expression(assignment.getVariable()), expression(assignment.getExpression()),
            AssignExpr.Operator.ASSIGN), tree);
      }
      case CONDITIONAL_EXPRESSION: {
        ConditionalExpressionTree conditional = (ConditionalExpressionTree) tree;
        return at(new ConditionalExpr(expression(conditional.getCondition()), expression(conditional.getTrueExpression()),
            expression(conditional.getFalseExpression())), tree);
      }
      case TYPE_CAST: {
        TypeCastTree cast = (TypeCastTree) tree;
        return at(new CastExpr(type(cast.getType()), expression(cast.getExpression())), tree);
      }
      case INSTANCE_OF: {
        InstanceOfTree test = (InstanceOfTree) tree;
        if (test.getPattern() != null) {
          return at(typePattern(expression(test.getExpression()), test.getPattern()), tree);
        }
        return at(new InstanceOfExpr(expression(test.getExpression()), (ReferenceType) type(test.getType()), null), tree);
      }
      case LAMBDA_EXPRESSION:
        return lambda((LambdaExpressionTree) tree);
      case MEMBER_REFERENCE: {
        MemberReferenceTree reference = (MemberReferenceTree) tree;
        String identifier = reference.getMode() == MemberReferenceTree.ReferenceMode.NEW ? "new"
            : reference.getName().toString();
        return at(new MethodReferenceExpr(referenceScope(reference.getQualifierExpression()),
            typeArguments(reference.getTypeArguments()), identifier), tree);
      }
      case SWITCH_EXPRESSION: {
        SwitchExpressionTree sw = (SwitchExpressionTree) tree;
        return at(new SwitchExpr(condition(sw.getExpression()), cases(sw.getCases())), tree);
      }
      case INT_LITERAL:
      case LONG_LITERAL:
      case FLOAT_LITERAL:
      case DOUBLE_LITERAL:
      case BOOLEAN_LITERAL:
      case CHAR_LITERAL:
      case STRING_LITERAL:
      case NULL_LITERAL:
        return literal((LiteralTree) tree);
      default:
        if (tree instanceof CompoundAssignmentTree compound) {
          return at(new AssignExpr(expression(compound.getVariable()), expression(compound.getExpression()),
              assignOperator(tree.getKind())), tree);
        }
        if (tree instanceof BinaryTree binary) {
          if (tree.getKind() == Tree.Kind.PLUS && isFoldedString(binary.getRightOperand())) {
            // javac folded ("x" + "a") + "b" into x + "ab"
            Expression left = expression(binary.getLeftOperand());
            return concatenation(left, start(tree), start(binary.getRightOperand()), end(binary.getRightOperand()));
          }
          return at(new BinaryExpr(expression(binary.getLeftOperand()), expression(binary.getRightOperand()),
              binaryOperator(tree.getKind())), tree);
        }
        if (tree instanceof UnaryTree unary) {
          return at(new UnaryExpr(expression(unary.getExpression()), unaryOperator(tree.getKind())), tree);
        }
        throw new Unsupported("expression " + tree.getKind());
    }
  }

  /**
   * The scope of {@code scope::name}. JavaParser reads anything that can be a type as one ({@code list::add}
   * too, since a name alone cannot tell a variable from a class), the rest as an expression.
   */
  private Expression referenceScope(ExpressionTree tree) {
    return isTypeLike(tree) ? at(new TypeExpr(type(tree)), tree) : expression(tree);
  }

  private static boolean isTypeLike(Tree tree) {
    return switch (tree.getKind()) {
      case PARAMETERIZED_TYPE, ARRAY_TYPE, PRIMITIVE_TYPE -> true;
      case IDENTIFIER -> !((IdentifierTree) tree).getName().contentEquals("this")
          && !((IdentifierTree) tree).getName().contentEquals("super");
      case MEMBER_SELECT -> isTypeLike(((MemberSelectTree) tree).getExpression())
          && !((MemberSelectTree) tree).getIdentifier().contentEquals("this")
          && !((MemberSelectTree) tree).getIdentifier().contentEquals("super")
          && !((MemberSelectTree) tree).getIdentifier().contentEquals("class");
      default -> false;
    };
  }

  /** JDK 17's BindingPatternTree.getBinding and JDK 21's getVariable, found by reflection (built for Java 17). */
  private static final Method BINDING = bindingAccessor();

  private static Method bindingAccessor() {
    try {
      Class<?> binding = Class.forName("com.sun.source.tree.BindingPatternTree");
      Method variable = method(binding, "getVariable");
      return variable != null ? variable : method(binding, "getBinding");
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  /**
   * {@code o instanceof final String s}: JavaParser shares one type node between the test and its pattern,
   * whose range starts at the type (modifiers left out). Record patterns are left to JavaParser.
   */
  private Expression typePattern(Expression tested, Tree pattern) {
    if (!pattern.getKind().name().equals("BINDING_PATTERN") || BINDING == null) {
      throw new Unsupported("pattern " + pattern.getKind());
    }
    VariableTree variable;
    try {
      variable = (VariableTree) BINDING.invoke(pattern);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new Unsupported("binding pattern: " + e);
    }
    NodeList<Modifier> modifiers = new NodeList<>();
    NodeList<AnnotationExpr> annotations = new NodeList<>();
    int afterModifiers = modifiers(start(variable), variable.getModifiers(), modifiers, annotations);
    if (!annotations.isEmpty() || variable.getType() == null) {
      throw new Unsupported("annotated or untyped binding");
    }
    ReferenceType type = (ReferenceType) type(variable.getType());
    if (beginOf(type) < afterModifiers) {
      throw new Unsupported("binding type before its modifiers");
    }
    SimpleName name = nameAfter(endOf(type), variable.getName());
    TypePatternExpr binding = at(new TypePatternExpr(modifiers, type, name), beginOf(type), endOf(name));
    return new InstanceOfExpr(tested, type, binding);
  }

  private Expression newArray(NewArrayTree tree) {
    if (tree.getType() == null) { // {1, 2} in a declaration or an annotation
      return at(new ArrayInitializerExpr(arguments(tree.getInitializers())), tree);
    }
    if (!tree.getAnnotations().isEmpty() || !tree.getDimAnnotations().stream().allMatch(List::isEmpty)) {
      throw new Unsupported("annotated array creation");
    }
    Tree element = tree.getType();
    while (element.getKind() == Tree.Kind.ARRAY_TYPE) {
      element = ((ArrayTypeTree) element).getType();
    }
    Type elementType = type(element);
    NodeList<ArrayCreationLevel> levels = new NodeList<>();
    List<? extends ExpressionTree> dimensions = tree.getDimensions();
    int i = endOf(elementType);
    int used = 0;
    while (nextIs(i, "[")) {
      int open = skip(i);
      if (used < dimensions.size() && start(dimensions.get(used)) == skip(open + 1)) {
        Expression dimension = expression(dimensions.get(used++));
        i = expect(endOf(dimension), ']');
        levels.add(at(new ArrayCreationLevel(dimension, new NodeList<>()), open, i));
      } else {
        i = expect(open + 1, ']');
        levels.add(at(new ArrayCreationLevel(null, new NodeList<>()), open, i));
      }
    }
    if (used != dimensions.size()) {
      throw new Unsupported("array dimensions out of place");
    }
    ArrayInitializerExpr initializer = null;
    if (tree.getInitializers() != null) {
      int open = skip(i);
      if (open >= text.length() || text.charAt(open) != '{') {
        throw new Unsupported("array initializer");
      }
      initializer = at(new ArrayInitializerExpr(arguments(tree.getInitializers())), open, end(tree));
    }
    return at(new ArrayCreationExpr(elementType, levels, initializer), tree);
  }

  private Expression lambda(LambdaExpressionTree tree) {
    NodeList<Parameter> parameters = new NodeList<>();
    for (VariableTree parameter : tree.getParameters()) {
      parameters.add(parameter(parameter));
    }
    boolean enclosed = text.charAt(start(tree)) == '(';
    Statement body;
    if (tree.getBodyKind() == LambdaExpressionTree.BodyKind.STATEMENT) {
      body = block((BlockTree) tree.getBody());
    } else {
      Expression value = expression((ExpressionTree) tree.getBody());
      body = new ExpressionStmt(value);
      body.setRange(value.getRange().orElseThrow());
    }
    return at(new LambdaExpr(parameters, body, enclosed), tree);
  }

  private Expression literal(LiteralTree tree) {
    int start = start(tree);
    int end = end(tree);
    String written = text.substring(start, end);
    if (written.startsWith("-")) { // javac folds a minus into a decimal literal; JavaParser keeps a unary minus
      int digits = skip(start + 1);
      Expression positive = literal(tree, digits, end);
      return at(new UnaryExpr(positive, UnaryExpr.Operator.MINUS), start, end);
    }
    return literal(tree, start, end);
  }

  private Expression literal(LiteralTree tree, int start, int end) {
    String written = text.substring(start, end);
    if (tree.getKind() == Tree.Kind.STRING_LITERAL) {
      if (written.startsWith("\"\"\"")) {
        return at(new TextBlockLiteralExpr(textBlockContent(start, end)), start, end);
      }
      if (stringEnd(start) < end) {
        return concatenation(null, start, start, end);
      }
    }
    Expression literal = switch (tree.getKind()) {
      case INT_LITERAL -> new IntegerLiteralExpr(written);
      case LONG_LITERAL -> new LongLiteralExpr(written);
      case FLOAT_LITERAL, DOUBLE_LITERAL -> new DoubleLiteralExpr(written);
      case BOOLEAN_LITERAL -> new BooleanLiteralExpr(written.equals("true"));
      case NULL_LITERAL -> new NullLiteralExpr();
      case CHAR_LITERAL -> new CharLiteralExpr(quoted(written, '\''));
      case STRING_LITERAL -> new StringLiteralExpr(quoted(written, '"'));
      default -> throw new Unsupported("literal " + tree.getKind());
    };
    if (!Character.isLetterOrDigit(written.charAt(0)) && written.charAt(0) != '.' && written.charAt(0) != '\''
        && written.charAt(0) != '"') {
      throw new Unsupported("literal spelled " + written);
    }
    return at(literal, start, end);
  }

  /**
   * A text block's content as JavaParser keeps it: the text between the delimiters, without a line break
   * right after the opening one. A text block javac folded with another constant is left to JavaParser.
   */
  private String textBlockContent(int start, int end) {
    for (int i = start + 3; i + 3 <= text.length(); i++) {
      if (text.charAt(i) == '\\') {
        i++;
      } else if (text.startsWith("\"\"\"", i)) {
        if (i + 3 != end) {
          throw new Unsupported("folded text block");
        }
        String content = text.substring(start + 3, i);
        if (content.startsWith("\r\n")) {
          return content.substring(2);
        }
        return content.startsWith("\n") || content.startsWith("\r") ? content.substring(1) : content;
      }
    }
    throw new Unsupported("unclosed text block");
  }

  /** The offset after the string literal that starts at {@code start}. */
  private int stringEnd(int start) {
    if (start >= text.length() || text.charAt(start) != '"') {
      throw new Unsupported("string literal expected");
    }
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i + 1;
      } else if (c == '\n' || c == '\r') {
        break;
      }
    }
    throw new Unsupported("unclosed string literal");
  }

  private boolean isFoldedString(ExpressionTree tree) {
    if (tree.getKind() != Tree.Kind.STRING_LITERAL) {
      return false;
    }
    int start = start(tree);
    return !text.startsWith("\"\"\"", start) && stringEnd(start) < end(tree);
  }

  /**
   * {@code left + "a" + "b"} (or {@code "a" + "b"}, {@code left} null), whose string literals from
   * {@code from} to {@code end} javac's parser folded into one constant: JavaParser's left-nested sums of the
   * literals as written.
   */
  private Expression concatenation(Expression left, int start, int from, int end) {
    Expression sum = left;
    int i = from;
    while (true) {
      int literalStart = skip(i);
      int literalEnd = stringEnd(literalStart);
      Expression literal = at(new StringLiteralExpr(quoted(text.substring(literalStart, literalEnd), '"')),
          literalStart, literalEnd);
      sum = sum == null ? literal : at(new BinaryExpr(sum, literal, BinaryExpr.Operator.PLUS), start, literalEnd);
      if (literalEnd == end) {
        return sum;
      }
      if (literalEnd > end) {
        throw new Unsupported("folded constant");
      }
      i = expect(literalEnd, '+');
    }
  }

  /** The content of one quoted literal as written; anything but exactly one quoted token is left to JavaParser. */
  private static String quoted(String written, char quote) {
    int last = written.length() - 1;
    if (last < 1 || written.charAt(0) != quote || written.charAt(last) != quote) {
      throw new Unsupported("literal spelled " + written);
    }
    int i = 1;
    while (i < last) {
      char c = written.charAt(i);
      if (c == quote || c == '\n' || c == '\r') {
        throw new Unsupported("more than one literal: " + written);
      }
      i += c == '\\' ? 2 : 1;
    }
    if (i != last) { // the last escape took the closing quote
      throw new Unsupported("literal spelled " + written);
    }
    return written.substring(1, last);
  }

  private static AssignExpr.Operator assignOperator(Tree.Kind kind) {
    return switch (kind) {
      case PLUS_ASSIGNMENT -> AssignExpr.Operator.PLUS;
      case MINUS_ASSIGNMENT -> AssignExpr.Operator.MINUS;
      case MULTIPLY_ASSIGNMENT -> AssignExpr.Operator.MULTIPLY;
      case DIVIDE_ASSIGNMENT -> AssignExpr.Operator.DIVIDE;
      case REMAINDER_ASSIGNMENT -> AssignExpr.Operator.REMAINDER;
      case AND_ASSIGNMENT -> AssignExpr.Operator.BINARY_AND;
      case OR_ASSIGNMENT -> AssignExpr.Operator.BINARY_OR;
      case XOR_ASSIGNMENT -> AssignExpr.Operator.XOR;
      case LEFT_SHIFT_ASSIGNMENT -> AssignExpr.Operator.LEFT_SHIFT;
      case RIGHT_SHIFT_ASSIGNMENT -> AssignExpr.Operator.SIGNED_RIGHT_SHIFT;
      case UNSIGNED_RIGHT_SHIFT_ASSIGNMENT -> AssignExpr.Operator.UNSIGNED_RIGHT_SHIFT;
      default -> throw new Unsupported("assignment " + kind);
    };
  }

  private static BinaryExpr.Operator binaryOperator(Tree.Kind kind) {
    return switch (kind) {
      case PLUS -> BinaryExpr.Operator.PLUS;
      case MINUS -> BinaryExpr.Operator.MINUS;
      case MULTIPLY -> BinaryExpr.Operator.MULTIPLY;
      case DIVIDE -> BinaryExpr.Operator.DIVIDE;
      case REMAINDER -> BinaryExpr.Operator.REMAINDER;
      case LESS_THAN -> BinaryExpr.Operator.LESS;
      case GREATER_THAN -> BinaryExpr.Operator.GREATER;
      case LESS_THAN_EQUAL -> BinaryExpr.Operator.LESS_EQUALS;
      case GREATER_THAN_EQUAL -> BinaryExpr.Operator.GREATER_EQUALS;
      case EQUAL_TO -> BinaryExpr.Operator.EQUALS;
      case NOT_EQUAL_TO -> BinaryExpr.Operator.NOT_EQUALS;
      case CONDITIONAL_AND -> BinaryExpr.Operator.AND;
      case CONDITIONAL_OR -> BinaryExpr.Operator.OR;
      case AND -> BinaryExpr.Operator.BINARY_AND;
      case OR -> BinaryExpr.Operator.BINARY_OR;
      case XOR -> BinaryExpr.Operator.XOR;
      case LEFT_SHIFT -> BinaryExpr.Operator.LEFT_SHIFT;
      case RIGHT_SHIFT -> BinaryExpr.Operator.SIGNED_RIGHT_SHIFT;
      case UNSIGNED_RIGHT_SHIFT -> BinaryExpr.Operator.UNSIGNED_RIGHT_SHIFT;
      default -> throw new Unsupported("binary " + kind);
    };
  }

  private static UnaryExpr.Operator unaryOperator(Tree.Kind kind) {
    return switch (kind) {
      case UNARY_PLUS -> UnaryExpr.Operator.PLUS;
      case UNARY_MINUS -> UnaryExpr.Operator.MINUS;
      case PREFIX_INCREMENT -> UnaryExpr.Operator.PREFIX_INCREMENT;
      case PREFIX_DECREMENT -> UnaryExpr.Operator.PREFIX_DECREMENT;
      case POSTFIX_INCREMENT -> UnaryExpr.Operator.POSTFIX_INCREMENT;
      case POSTFIX_DECREMENT -> UnaryExpr.Operator.POSTFIX_DECREMENT;
      case LOGICAL_COMPLEMENT -> UnaryExpr.Operator.LOGICAL_COMPLEMENT;
      case BITWISE_COMPLEMENT -> UnaryExpr.Operator.BITWISE_COMPLEMENT;
      default -> throw new Unsupported("unary " + kind);
    };
  }
}
