package dev.nanlint.cli.report;

import dev.nanlint.engine.Config;
import dev.nanlint.engine.Finding;
import dev.nanlint.engine.InputError;
import dev.nanlint.engine.Rule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/** A report format. Each writes the findings and input errors of one scan. */
public interface Report {
  enum Format { text, json, sarif, github }

  /** Where users read a rule's page (SARIF helpUri, JSON). */
  String DOCS_BASE = "https://github.com/nanlint/nanlint/blob/main/docs/rules/";

  /**
   * Writes the report.
   *
   * @param hiddenByBaseline how many findings {@code --baseline} hid; empty when no baseline was given
   */
  void write(PrintWriter out, List<Finding> findings, List<InputError> errors, int filesScanned,
      OptionalInt hiddenByBaseline);

  static Report create(Format format, List<Rule> catalogue, Config config, boolean color) {
    return create(format, catalogue, config, color, Path.of(""));
  }

  /**
   * A report for findings whose relative paths are relative to {@code base} (SARIF's %SRCROOT%); the
   * command's are relative to the working directory.
   */
  static Report create(Format format, List<Rule> catalogue, Config config, boolean color, Path base) {
    return switch (format) {
      case text -> new TextReport(color);
      case json -> new JsonReport();
      case sarif -> new SarifReport(catalogue, config, base);
      case github -> new GithubReport();
    };
  }

  /** Replaces control characters (ANSI escapes, CR, LF) so file contents cannot drive the terminal. */
  static String sanitize(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c == '\t' || (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0)) ? c : '?');
    }
    return b.toString();
  }
}
