package dev.nanlint.engine;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In-source suppression: {@code @SuppressWarnings("nanlint")} or {@code ("nanlint:RuleName")} on any
 * enclosing declaration, and a {@code // nanlint:ignore [RuleName, ...]} comment at the end of the
 * finding's line or alone on the line above (no names: every rule). Code inside a {@code @Generated}
 * declaration is never reported.
 */
final class Suppressions {
  private static final Pattern IGNORE = Pattern.compile("//\\s*nanlint:ignore\\b([^\\r\\n]*)");

  private Suppressions() {}

  static boolean isSuppressed(Node node, String rule, int line, SourceText source) {
    String above = source.line(line - 1);
    return suppressedByComment(source.line(line), rule)
        || (above.trim().startsWith("//") && suppressedByComment(above, rule)) // a comment line covers the next line

        || suppressedByAnnotation(node, rule);
  }

  private static boolean suppressedByComment(String lineText, String rule) {
    if (!lineText.contains("nanlint:ignore")) {
      return false;
    }
    Matcher m = IGNORE.matcher(lineText);
    if (!m.find()) {
      return false;
    }
    String names = m.group(1).trim();
    if (names.isEmpty()) {
      return true;
    }
    for (String name : names.split("[,\\s]+")) {
      if (name.equals(rule)) {
        return true;
      }
    }
    return false;
  }

  private static boolean suppressedByAnnotation(Node node, String rule) {
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof NodeWithAnnotations<?> annotated) {
        for (AnnotationExpr annotation : annotated.getAnnotations()) {
          String name = annotation.getNameAsString();
          if (name.equals("Generated") || name.endsWith(".Generated")) {
            return true; // generated code: its generator, not its reader, would have to change
          }
          if (name.equals("SuppressWarnings") || name.equals("java.lang.SuppressWarnings")) {
            for (String value : values(annotation)) {
              if (value.equals("nanlint") || value.equals("nanlint:" + rule)) {
                return true;
              }
            }
          }
        }
      }
    }
    return false;
  }

  private static List<String> values(AnnotationExpr annotation) {
    List<String> out = new ArrayList<>();
    if (annotation instanceof SingleMemberAnnotationExpr single) {
      collect(single.getMemberValue(), out);
    } else if (annotation instanceof NormalAnnotationExpr normal) {
      normal.getPairs().stream()
          .filter(p -> p.getNameAsString().equals("value"))
          .forEach(p -> collect(p.getValue(), out));
    }
    return out;
  }

  private static void collect(Expression value, List<String> out) {
    if (value instanceof StringLiteralExpr s) {
      out.add(s.getValue());
    } else if (value instanceof ArrayInitializerExpr array) {
      array.getValues().forEach(v -> collect(v, out));
    }
  }
}
