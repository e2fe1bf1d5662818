package dev.nanlint.analysis.models;

import java.util.List;

/** The library handlers nanlint ships, asked in this order. */
public final class Handlers {
  private static final List<CallHandler> BUILT_IN = List.of(new JavaMathHandler(), new JavaLangHandler(),
      new Nd4jHandler(), new SameDiffHandler(), new TribuoHandler(), new SmileHandler(), new GuavaHandler(),
      new CommonsMathHandler(), new WekaHandler(), new EjmlHandler(), new InnerProducts());

  private Handlers() {}

  public static List<CallHandler> builtIn() {
    return BUILT_IN;
  }
}
