package dev.nanlint.cli.report;

import dev.nanlint.engine.Finding;
import dev.nanlint.engine.InputError;
import dev.nanlint.engine.Severity;
import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalInt;

/** javac-style text: {@code file:line:col: warning: [Rule] message}, the source line, a caret, a fix line. */
public final class TextReport implements Report {
  private static final String RESET = "\u001b[0m";
  private final boolean color;

  public TextReport(boolean color) {
    this.color = color;
  }

  @Override
  public void write(PrintWriter out, List<Finding> findings, List<InputError> errors, int filesScanned,
      OptionalInt hiddenByBaseline) {
    for (Finding f : findings) {
      out.println(format(f));
    }
    long errorsCount = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    long notes = findings.stream().filter(f -> f.severity() == Severity.NOTE).count();
    String hidden = hiddenByBaseline.isEmpty() ? ""
        : ", " + hiddenByBaseline.getAsInt() + " finding" + plural(hiddenByBaseline.getAsInt()) + " hidden by the baseline";
    out.printf("nanlint: %d file%s scanned, %d error%s, %d warning%s, %d note%s%s%s%n",
        filesScanned, plural(filesScanned), errorsCount, plural(errorsCount), warnings, plural(warnings),
        notes, plural(notes), hidden,
        errors.isEmpty() ? "" : ", " + errors.size() + " input problem" + plural(errors.size()));
  }

  /** One finding as four lines (no line break at the end): position and message, the source line, a caret, the fix. */
  public String format(Finding f) {
    String line = Report.sanitize(f.sourceLine());
    return Report.sanitize(f.path()) + ":" + f.line() + ":" + f.column() + ": "
        + paint(f.severity().label() + ":", f.severity()) + " [" + f.rule() + "] " + Report.sanitize(f.message())
        + System.lineSeparator() + "    " + line
        + System.lineSeparator() + "    " + caretIndent(line, f.column()) + "^"
        + System.lineSeparator() + "  fix: " + Report.sanitize(f.fix());
  }

  /** Whitespace up to the column, keeping tabs so the caret lines up in any terminal. */
  private static String caretIndent(String line, int column) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < column - 1 && i < line.length(); i++) {
      b.append(line.charAt(i) == '\t' ? '\t' : ' ');
    }
    return b.toString();
  }

  private String paint(String text, Severity severity) {
    if (!color) {
      return text;
    }
    String code = switch (severity) {
      case ERROR -> "\u001b[1;31m";
      case WARNING -> "\u001b[1;35m";
      case NOTE -> "\u001b[1;36m";
    };
    return code + text + RESET;
  }

  private static String plural(long n) {
    return n == 1 ? "" : "s";
  }
}
