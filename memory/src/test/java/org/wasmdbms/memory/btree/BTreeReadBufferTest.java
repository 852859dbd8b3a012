package org.wasmdbms.memory.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wasmdbms.memory.PageStore;

/**
 * A tree opened only to read allocates no page-sized buffer: the engine opens one per snapshot view
 * (per published version and reader), where zeroing 64 KiB was most of the cost of opening a view.
 * Its searches still find every key, slot windows deep inside big leaves included.
 */
class BTreeReadBufferTest {
  private static final int KEYS = 100_000;

  @Test
  void aTreeOpenedForReadsKeepsASmallBufferAndGrowsItOnlyToWrite() {
    PageStore store = new TestPageStore();
    BTree writer = BTree.create(store, true);
    for (long i = 0; i < KEYS; i += 2) {
      writer.insert(key(i), key(i * 3));
    }
    assertEquals(PageStore.PAGE_SIZE, writer.bufferBytes());
    BTree reader = BTree.open(store, writer.rootPage(), true);
    assertEquals(2, reader.height(), "leaves of thousands of cells: windows far from slot 0");
    for (long i = 0; i < KEYS; i++) {
      byte[] value = reader.get(key(i));
      if (i % 2 == 0) {
        assertArrayEquals(key(i * 3), value, "key " + i);
      } else {
        assertNull(value, "key " + i);
      }
    }
    BTreeCursor cursor =
        reader.scan(KeyBound.unbounded(), KeyBound.inclusive(key(KEYS / 2 + 1)), true);
    assertTrue(cursor.next());
    assertArrayEquals(key(KEYS / 2), cursor.key());
    assertTrue(reader.bufferBytes() <= 16 * 1024, reader.bufferBytes() + " bytes");

    assertTrue(reader.insert(key(1), key(3)));
    assertEquals(PageStore.PAGE_SIZE, reader.bufferBytes());
    assertArrayEquals(key(3), reader.get(key(1)));
    assertArrayEquals(key(6), reader.get(key(2)));
  }

  private static byte[] key(long value) {
    return new byte[] {
      (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
    };
  }
}
