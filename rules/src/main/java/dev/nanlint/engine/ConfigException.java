package dev.nanlint.engine;

import java.io.IOException;

/**
 * A configuration nanlint refuses to run with: a named file that is missing or unreadable, an unknown key or
 * rule, a bad value. It says where (the file and line, or the option) and what is wrong, so every tool can
 * stop with one line: {@code nanlint.properties:3: unknown key 'disabel' (did you mean 'disable'?)}. An
 * IOException, as the reading of a file it usually is.
 */
public final class ConfigException extends IOException {
  private final String source;
  private final int line;
  private final String problem;

  /**
   * @param source the file as the user named it, or the option ({@code --severity}, {@code -Ananlint.disable})
   * @param line the line in {@code source}, from 1; 0 when there is none
   */
  public ConfigException(String source, int line, String problem) {
    super(source + (line > 0 ? ":" + line : "") + ": " + problem);
    this.source = source;
    this.line = line;
    this.problem = problem;
  }

  /** The file as the user named it, or the option. */
  public String source() {
    return source;
  }

  /** The line in {@link #source()}, from 1; 0 when there is none (a missing file, an option). */
  public int line() {
    return line;
  }

  /** What is wrong, without the place. */
  public String problem() {
    return problem;
  }
}
