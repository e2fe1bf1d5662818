package dev.nanlint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nanlint.cli.report.Fingerprint;
import dev.nanlint.engine.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accepted findings, so an old codebase can adopt nanlint and see only what is new. A finding is
 * identified by rule + file + the text of its line with whitespace collapsed, never by line number,
 * so edits elsewhere in the file do not resurrect it. Identical lines are counted.
 */
public final class Baseline {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Baseline() {}

  public static void write(Path file, List<Finding> findings) throws IOException {
    Map<String, ObjectNode> entries = new TreeMap<>();
    for (Finding f : findings) {
      ObjectNode entry = entries.computeIfAbsent(Fingerprint.of(f), k -> {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("fingerprint", k);
        n.put("rule", f.rule());
        n.put("path", f.path().replace('\\', '/'));
        n.put("line", f.sourceLine().trim());
        n.put("count", 0);
        return n;
      });
      entry.put("count", entry.get("count").asInt() + 1);
    }
    ObjectNode root = MAPPER.createObjectNode();
    root.put("nanlintBaseline", 1);
    ArrayNode list = root.putArray("findings");
    entries.values().forEach(list::add);
    Files.writeString(file, MAPPER.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
  }

  /** The findings not in the baseline file. */
  public static List<Finding> filter(Path file, List<Finding> findings) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException("cannot read baseline " + file + ": " + e.getMessage(), e);
    }
    if (root == null || !root.has("findings")) {
      throw new IOException("not a nanlint baseline: " + file);
    }
    Map<String, Integer> remaining = new HashMap<>();
    for (JsonNode entry : root.get("findings")) {
      remaining.merge(entry.path("fingerprint").asText(), Math.max(1, entry.path("count").asInt(1)), Integer::sum);
    }
    List<Finding> fresh = new ArrayList<>();
    for (Finding f : findings) {
      String key = Fingerprint.of(f);
      int left = remaining.getOrDefault(key, 0);
      if (left > 0) {
        remaining.put(key, left - 1);
      } else {
        fresh.add(f);
      }
    }
    return fresh;
  }
}
