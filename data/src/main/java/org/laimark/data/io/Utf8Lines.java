package org.laimark.data.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into lines at {@code \n} and decodes each line strictly as UTF-8 (malformed
 * bytes are reported, never replaced), so one bad line is an error for that line alone. A trailing
 * {@code \r} and a byte-order mark at the start of the file are dropped.
 */
final class Utf8Lines {

  /** One line: its text, or why it could not be decoded. Exactly one of the two is non-null. */
  record Line(int number, String text, String decodeError) {}

  private final InputStream in;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private int number;
  private boolean finished;

  Utf8Lines(InputStream in) {
    this.in = in;
  }

  /** The next line, or {@code null} at the end of the stream. */
  Line next() throws IOException {
    if (finished) {
      return null;
    }
    buffer.reset();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      buffer.write(b);
    }
    if (b == -1) {
      finished = true;
      if (buffer.size() == 0) {
        return null;
      }
    }
    number++;
    return decode(buffer.toByteArray());
  }

  private Line decode(byte[] bytes) {
    int start = 0;
    int end = bytes.length;
    if (number == 1
        && end >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf) {
      start = 3;
    }
    if (end > start && bytes[end - 1] == '\r') {
      end--;
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer input = ByteBuffer.wrap(bytes, start, end - start);
    CharBuffer output = CharBuffer.allocate(end - start);
    CoderResult result = decoder.decode(input, output, true);
    if (!result.isError()) {
      result = decoder.flush(output);
    }
    if (result.isError()) {
      int at = input.position();
      return new Line(
          number,
          null,
          String.format(
              "not valid UTF-8: byte 0x%02X at column %d cannot start or continue a character"
                  + " (the file must be UTF-8 encoded)",
              bytes[at] & 0xff, at - start + 1));
    }
    output.flip();
    return new Line(number, output.toString(), null);
  }
}
