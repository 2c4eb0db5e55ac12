package org.laimark.actors.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalFileTest {

  @TempDir Path dir;

  private Path writeThree() {
    Path file = dir.resolve("journal.log");
    try (JournalFile journal = JournalFile.openForAppend(file, true)) {
      journal.append(List.of(bytes("one"), bytes("two")));
      journal.append(List.of(bytes("three")));
    }
    return file;
  }

  @Test
  void readsBackEveryRecordInOrder() {
    Path file = writeThree();

    List<String> read = readAll(file);

    assertEquals(List.of("one", "two", "three"), read);
  }

  @Test
  void cutsATornFinalRecordAndKeepsAppending() throws IOException {
    Path file = writeThree();
    long intact = Files.size(file);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(intact);
      raf.write(new byte[] {0x4C, 0x4A, 0x52, 0x31, 0, 0, 0, 50, 1, 2, 3}); // header says 50 bytes, 0 follow
    }

    JournalScanner.Result scan = JournalScanner.scan(file, (o, p) -> {});
    try (JournalFile journal = JournalFile.openForAppend(file, true)) {
      journal.append(List.of(bytes("four")));
    }

    assertEquals(intact, scan.tornTail().orElseThrow().offset());
    assertEquals(List.of("one", "two", "three", "four"), readAll(file));
  }

  @Test
  void cutsAFinalRecordWhoseChecksumFails() throws IOException {
    Path file = writeThree();
    flipLastByte(file);

    long torn = JournalScanner.scan(file, (o, p) -> {}).tornTail().orElseThrow().offset();
    JournalFile.openForAppend(file, true).close();

    assertEquals(List.of("one", "two"), readAll(file));
    assertEquals(torn, Files.size(file));
  }

  @Test
  void refusesCorruptionInTheMiddleAndTruncatesNothing() throws IOException {
    Path file = writeThree();
    long before = Files.size(file);
    byte[] all = Files.readAllBytes(file);
    int firstPayload = JournalFormat.FILE_HEADER_LENGTH + JournalFormat.RECORD_HEADER_LENGTH;
    all[firstPayload] ^= 0x01; // "one" -> "nne"-ish, CRC now fails; "two" and "three" still valid
    Files.write(file, all);

    CorruptJournalException e =
        assertThrows(CorruptJournalException.class, () -> JournalFile.openForAppend(file, true));

    assertTrue(e.getMessage().contains("offset " + JournalFormat.FILE_HEADER_LENGTH), e.getMessage());
    assertTrue(e.getMessage().contains("nothing was truncated"), e.getMessage());
    assertEquals(before, Files.size(file));
  }

  @Test
  void refusesAFileThatIsNotAJournal() throws IOException {
    Path file = dir.resolve("journal.log");
    Files.writeString(file, "hello, this is not a journal");

    CorruptJournalException e =
        assertThrows(CorruptJournalException.class, () -> JournalScanner.scan(file, (o, p) -> {}));

    assertTrue(e.getMessage().contains("not a laimark journal"), e.getMessage());
  }

  @Test
  void aFlippedLengthInTheMiddleIsCorruptionNotATornTail() throws IOException {
    Path file = writeThree();
    byte[] all = Files.readAllBytes(file);
    all[JournalFormat.FILE_HEADER_LENGTH + 4] = 0x7f; // first record's length now huge
    Files.write(file, all);

    assertThrows(CorruptJournalException.class, () -> JournalScanner.scan(file, (o, p) -> {}));
  }

  private static void flipLastByte(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    all[all.length - 1] ^= 0x40;
    Files.write(file, all);
  }

  private static List<String> readAll(Path file) {
    List<String> out = new ArrayList<>();
    JournalScanner.scan(file, (offset, payload) -> out.add(new String(payload, StandardCharsets.UTF_8)));
    return out;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
