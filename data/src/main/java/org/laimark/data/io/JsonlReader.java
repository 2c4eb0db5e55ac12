package org.laimark.data.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads JSON Lines: one JSON object per line, blank lines ignored, gzip recognised by its magic
 * bytes. Each line is decoded and parsed on its own, so a malformed line, a line that is not an
 * object, or a record the {@link RecordParser} rejects becomes a {@link LineError} and reading goes
 * on.
 */
public final class JsonlReader {

  /** Strict JSON: no trailing garbage after the object, no duplicate keys, no NaN. */
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  private JsonlReader() {}

  /** Reads {@code file}; failing to open it is an {@link UncheckedIOException} naming the file. */
  public static <T> ReadResult<T> read(Path file, RecordParser<T> parser) {
    try (InputStream in = open(file)) {
      return read(file.toString(), in, parser);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Reads a stream (gzip or plain); {@code file} labels the errors. Does not close {@code in}. */
  public static <T> ReadResult<T> read(String file, InputStream in, RecordParser<T> parser) {
    List<Located<T>> items = new ArrayList<>();
    List<LineError> errors = new ArrayList<>();
    int lastLine = 0;
    try {
      Utf8Lines lines = new Utf8Lines(decompressed(in));
      for (Utf8Lines.Line line = lines.next(); line != null; line = lines.next()) {
        lastLine = line.number();
        if (line.decodeError() != null) {
          errors.add(new LineError(file, line.number(), line.decodeError()));
        } else if (!line.text().isBlank()) {
          parseLine(file, line, parser, items, errors);
        }
      }
    } catch (IOException e) {
      errors.add(new LineError(file, lastLine + 1, "cannot read further: " + e.getMessage()));
    }
    return new ReadResult<>(file, items, errors);
  }

  /** Parses one line into a JSON object, or says why it is not one. */
  static ObjectNode parseObject(String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      String column = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
      throw new InvalidRecordException(
          "malformed JSON"
              + column
              + ": "
              + e.getOriginalMessage().replace('\n', ' ')
              + " (expected one JSON object per line)");
    }
    if (!(node instanceof ObjectNode)) {
      throw new InvalidRecordException("expected a JSON object, got " + Fields.typeOf(node));
    }
    return (ObjectNode) node;
  }

  /** Opens a file, transparently gunzipping it when it starts with the gzip magic bytes. */
  public static InputStream open(Path file) throws IOException {
    return decompressed(Files.newInputStream(file));
  }

  private static InputStream decompressed(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    boolean gzip = first == 0x1f && second == 0x8b;
    return gzip ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
  }

  private static <T> void parseLine(
      String file,
      Utf8Lines.Line line,
      RecordParser<T> parser,
      List<Located<T>> items,
      List<LineError> errors) {
    try {
      ObjectNode record = parseObject(line.text());
      items.add(new Located<>(line.number(), parser.parse(record, line.number())));
    } catch (InvalidRecordException | IllegalArgumentException e) {
      errors.add(new LineError(file, line.number(), e.getMessage()));
    }
  }
}
