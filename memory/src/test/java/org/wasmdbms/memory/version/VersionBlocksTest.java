package org.wasmdbms.memory.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The shared block table: validity ranges, replacement, and its bound. */
class VersionBlocksTest {
  private static VersionBlocks.Entry entry(long block, long from) {
    return new VersionBlocks.Entry(block, new byte[0], from);
  }

  @Test
  void anEntryIsValidFromItsVersionUntilSupersededAndIsReplacedInPlace() {
    VersionBlocks blocks = new VersionBlocks();
    VersionBlocks.Entry first = entry(7, 3);
    blocks.put(first);
    assertFalse(first.validAt(2));
    assertTrue(first.validAt(3));
    assertTrue(first.validAt(100));

    assertTrue(blocks.supersede(7, 5));
    assertFalse(blocks.supersede(7, 6), "superseded once");
    assertFalse(blocks.supersede(8, 6), "no entry");
    assertTrue(first.validAt(4));
    assertFalse(first.validAt(5));

    VersionBlocks.Entry second = entry(7, 5);
    blocks.put(second);
    assertSame(second, blocks.get(7));
    assertEquals(1, blocks.size());
    assertNull(blocks.get(8));
  }

  @Test
  void aFullTableDropsItsSupersededEntriesOnlyWhenTheyAreMany() {
    VersionBlocks blocks = new VersionBlocks();
    for (long block = 0; block < VersionBlocks.MAX_BLOCKS; block++) {
      blocks.put(entry(block, 1));
    }
    blocks.put(entry(-1, 1));
    assertNull(blocks.get(-1), "full: not kept");

    for (long block = 0; block < VersionBlocks.MAX_BLOCKS / 16 - 1; block++) {
      blocks.supersede(block, 2);
    }
    blocks.put(entry(-1, 2));
    assertNull(blocks.get(-1), "too few superseded entries to rebuild the table for");

    blocks.supersede(VersionBlocks.MAX_BLOCKS - 1, 2);
    blocks.put(entry(-1, 2));
    assertEquals(-1, blocks.get(-1).block);
    assertEquals(VersionBlocks.MAX_BLOCKS - VersionBlocks.MAX_BLOCKS / 16 + 1, blocks.size());
    assertNull(blocks.get(0), "superseded entries dropped");
    assertEquals(1000, blocks.get(1000).block, "current entries kept");
  }
}
