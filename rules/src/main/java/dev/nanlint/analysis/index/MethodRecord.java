package dev.nanlint.analysis.index;

import java.util.List;

/**
 * One method as the project index keeps it: enough to resolve a call from another file by name, arity and
 * parameter types, and to tell whether it can be overridden out of sight. No AST.
 *
 * @param parameterTypes declared types as written, generics included
 * @param line where the declaration begins, to find it again in the second pass
 */
public record MethodRecord(String name, List<String> parameterTypes, String returnType, boolean isStatic,
    boolean isPrivate, boolean isFinal, boolean hasBody, boolean varargs, int line) {

  public int arity() {
    return parameterTypes.size();
  }
}
