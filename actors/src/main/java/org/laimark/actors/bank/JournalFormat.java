package org.laimark.actors.bank;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The byte layout shared by the journal and the snapshots.
 *
 * <pre>
 * file   := "LAIMARKJ" version:int32 record*
 * record := magic:int32 length:int32 crc:int32 payload[length]     (big-endian)
 * crc    := CRC32(length bytes ++ payload)
 * </pre>
 *
 * The per-record magic lets a scan tell a torn tail (no valid record after the damage) from damage in the
 * middle (a valid record follows). The CRC covers the length so a flipped length bit is caught too.
 */
final class JournalFormat {

  static final byte[] FILE_MAGIC = "LAIMARKJ".getBytes(StandardCharsets.US_ASCII);
  static final int FORMAT_VERSION = 1;
  static final int FILE_HEADER_LENGTH = FILE_MAGIC.length + 4;
  static final int RECORD_MAGIC = 0x4C4A5231; // "LJR1"
  static final int RECORD_HEADER_LENGTH = 12;
  /** A record larger than this is damage, not data: no event batch comes near it. */
  static final int MAX_RECORD_LENGTH = 64 * 1024 * 1024;

  private JournalFormat() {}

  static byte[] fileHeader() {
    ByteBuffer b = ByteBuffer.allocate(FILE_HEADER_LENGTH);
    b.put(FILE_MAGIC).putInt(FORMAT_VERSION);
    return b.array();
  }

  static void writeRecord(ByteBuffer into, byte[] payload) {
    into.putInt(RECORD_MAGIC).putInt(payload.length).putInt(crc(payload.length, payload));
    into.put(payload);
  }

  static int crc(int length, byte[] payload) {
    CRC32 crc = new CRC32();
    crc.update(ByteBuffer.allocate(4).putInt(length).array());
    crc.update(payload);
    return (int) crc.getValue();
  }
}
