package org.wasmdbms.api.bytes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.MemoryException;

class BytesTest {
  @Test
  void writerAndReaderAgree() {
    byte[] data =
        new ByteWriter(1)
            .u8(0xAB)
            .u16(0xBEEF)
            .i32(-2)
            .i64(Long.MIN_VALUE)
            .bytes(new byte[] {7})
            .toByteArray();
    ByteReader in = new ByteReader(data);
    assertEquals(0xAB, in.u8());
    assertEquals(0xBEEF, in.u16());
    assertEquals(-2, in.i32());
    assertEquals(Long.MIN_VALUE, in.i64());
    assertEquals(7, in.bytes(1)[0]);
    in.expectEnd("test");
    assertThrows(MemoryException.class, in::u8);
  }

  @Test
  void readerRefusesBadRegionsAndLengths() {
    assertThrows(MemoryException.class, () -> new ByteReader(new byte[4], 3, 2));
    assertThrows(MemoryException.class, () -> new ByteReader(new byte[4], -1, 1));
    ByteReader in = new ByteReader(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
    assertThrows(MemoryException.class, () -> in.length(100, "field"));
    ByteReader big = new ByteReader(new byte[] {10, 0, 0, 0, 1});
    assertThrows(MemoryException.class, () -> big.length(100, "field"));
  }

  @Test
  void utf8IsStrict() {
    String s = "a\u00e9\u4e2d\ud83d\ude00";
    byte[] b = Utf8.encode(s);
    assertEquals(s, Utf8.decode(b, 0, b.length));
    assertEquals(b.length, Utf8.encodedLength(s));
    for (byte[] bad :
        new byte[][] {
          {(byte) 0xC0, (byte) 0x80}, // overlong NUL
          {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // surrogate
          {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
          {(byte) 0xE4, (byte) 0xB8}, // truncated
          {(byte) 0x80}, // lone continuation
        }) {
      assertThrows(MemoryException.class, () -> Utf8.decode(bad, 0, bad.length));
    }
    assertThrows(InvalidQueryException.class, () -> Utf8.encode("\udc00"));
    assertTrue(Utf8.compareCodePoints("\uffff", "\ud800\udc00") < 0);
    assertTrue("\uffff".compareTo("\ud800\udc00") > 0, "UTF-16 order differs, which is why");
    assertEquals(new String(b, StandardCharsets.UTF_8), s);
  }
}
