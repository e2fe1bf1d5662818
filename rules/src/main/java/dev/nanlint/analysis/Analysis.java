package dev.nanlint.analysis;

import com.github.javaparser.ast.CompilationUnit;

/** The shared reasoning for one file, built once and used by every rule. */
public final class Analysis {
  private final Api api;
  private final Declarations declarations;
  private final Types types;
  private final Values values;
  private final Scope scope;
  private final CompilationUnit unit;
  private BuilderChains builderChains;

  public Analysis(CompilationUnit unit) {
    this.api = new Api(unit);
    this.declarations = new Declarations();
    this.types = new Types(unit, declarations);
    this.values = new Values(api, declarations, types);
    this.scope = new Scope();
    this.unit = unit;
  }

  /** DL4J fluent configurations of this file (networks, layers, their settings), read on first use. */
  public BuilderChains builderChains() {
    if (builderChains == null) {
      builderChains = new BuilderChains(unit, declarations);
    }
    return builderChains;
  }

  /** Which library a call belongs to. */
  public Api api() {
    return api;
  }

  public Declarations declarations() {
    return declarations;
  }

  /** Static types of expressions, from declarations in the file. */
  public Types types() {
    return types;
  }

  /** Can a value be zero or negative, and why. */
  public Values values() {
    return values;
  }

  /** Is this loss/gradient/normalisation/metric code. */
  public Scope scope() {
    return scope;
  }
}
