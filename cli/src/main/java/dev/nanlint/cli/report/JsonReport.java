package dev.nanlint.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nanlint.engine.Finding;
import dev.nanlint.engine.InputError;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.OptionalInt;

/** The JSON report; its schema is documented in docs/json-report.md. */
final class JsonReport implements Report {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public void write(PrintWriter out, List<Finding> findings, List<InputError> errors, int filesScanned,
      OptionalInt hiddenByBaseline) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("tool", "nanlint");
    root.put("schemaVersion", 1);
    ArrayNode list = root.putArray("findings");
    for (Finding f : findings) {
      ObjectNode n = list.addObject();
      n.put("rule", f.rule());
      n.put("severity", f.severity().label());
      n.put("path", f.path());
      n.put("line", f.line());
      n.put("column", f.column());
      n.put("endLine", f.endLine());
      n.put("endColumn", f.endColumn());
      n.put("message", f.message());
      n.put("fix", f.fix());
      if (f.hasEdit()) {
        ObjectNode edit = n.putObject("edit");
        edit.put("line", f.edit().beginLine());
        edit.put("column", f.edit().beginColumn());
        edit.put("endLine", f.edit().endLine());
        edit.put("endColumn", f.edit().endColumn());
        edit.put("replacement", f.edit().replacement());
      }
      n.put("help", DOCS_BASE + f.rule() + ".md");
      if (!f.also().isEmpty()) {
        // the other rules that flagged this same expression; their reasons are also in message and fix
        ArrayNode also = n.putArray("also");
        for (Finding other : f.also()) {
          also.addObject().put("rule", other.rule()).put("severity", other.severity().label())
              .put("message", other.message()).put("fix", other.fix());
        }
      }
    }
    ArrayNode errs = root.putArray("errors");
    for (InputError e : errors) {
      ObjectNode n = errs.addObject();
      n.put("path", e.path());
      n.put("line", e.line());
      n.put("column", e.column());
      n.put("message", e.message());
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("filesScanned", filesScanned);
    summary.put("findings", findings.size());
    summary.put("errors", errors.size());
    hiddenByBaseline.ifPresent(n -> summary.put("hiddenByBaseline", n));
    try {
      out.println(MAPPER.writeValueAsString(root));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
