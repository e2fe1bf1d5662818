package dev.nanlint.cli.report;

import dev.nanlint.engine.Finding;
import dev.nanlint.engine.InputError;
import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalInt;

/** GitHub Actions workflow commands: {@code ::warning file=F,line=L,col=C,title=T::message}. */
final class GithubReport implements Report {

  @Override
  public void write(PrintWriter out, List<Finding> findings, List<InputError> errors, int filesScanned,
      OptionalInt hiddenByBaseline) {
    for (Finding f : findings) {
      String level = switch (f.severity()) {
        case ERROR -> "error";
        case WARNING -> "warning";
        case NOTE -> "notice";
      };
      out.println("::" + level + " file=" + property(f.path()) + ",line=" + f.line() + ",endLine=" + f.endLine()
          + ",col=" + f.column() + ",title=" + property("nanlint " + f.rule()) + "::"
          + data(f.message() + "\nfix: " + f.fix()));
    }
    for (InputError e : errors) {
      out.println("::error file=" + property(e.path()) + (e.line() > 0 ? ",line=" + e.line() : "")
          + ",title=" + property("nanlint input error") + "::" + data(e.message()));
    }
  }

  /** Escaping for the message part (as @actions/core's escapeData). */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escaping for property values (as @actions/core's escapeProperty). */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
