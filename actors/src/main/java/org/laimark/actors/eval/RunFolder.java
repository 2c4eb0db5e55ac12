package org.laimark.actors.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Ties an output folder to one evaluation: the first run writes its identity ({@code run.json}: benchmark,
 * split, harness, mode, n, and what produced the answers with its hash); a later run resumes only if its
 * identity is the same, so results of two different evaluations never mix in one results file.
 */
final class RunFolder {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunFolder() {}

  static void claim(Path runFile, ObjectNode identity) throws IOException {
    if (!Files.exists(runFile)) {
      Path tmp = runFile.resolveSibling(runFile.getFileName() + ".tmp");
      Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(identity) + "\n");
      Files.move(tmp, runFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    JsonNode existing;
    try {
      existing = JSON.readTree(runFile.toFile());
    } catch (IOException e) {
      throw new EvalInputException(runFile + ": not readable JSON (" + e.getMessage()
          + "); it identifies the evaluation in this folder, use another --out");
    }
    List<String> differences = new ArrayList<>();
    differences(existing, identity, "", differences);
    if (!differences.isEmpty()) {
      throw new EvalInputException(List.of(runFile + ": this folder holds a different evaluation ("
          + String.join("; ", differences) + ")"), "use another --out, or delete the folder to start over");
    }
  }

  private static void differences(JsonNode was, JsonNode now, String path, List<String> out) {
    if (was.isObject() && now.isObject()) {
      List<String> names = new ArrayList<>();
      was.fieldNames().forEachRemaining(names::add);
      for (Iterator<String> it = now.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!names.contains(name)) {
          names.add(name);
        }
      }
      for (String name : names) {
        JsonNode a = was.get(name);
        JsonNode b = now.get(name);
        String at = path.isEmpty() ? name : path + "." + name;
        if (a == null || b == null) {
          out.add(at + ": " + (a == null ? "absent" : a) + " then, " + (b == null ? "absent" : b) + " now");
        } else {
          differences(a, b, at, out);
        }
      }
    } else if (was.isNumber() && now.isNumber()) {
      if (was.decimalValue().compareTo(now.decimalValue()) != 0) {
        out.add(path + ": " + was + " then, " + now + " now");
      }
    } else if (!was.equals(now)) {
      out.add(path + ": " + was + " then, " + now + " now");
    }
  }
}
