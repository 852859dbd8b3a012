package org.wasmdbms.memory.version;

/**
 * Blocks of content read by snapshots, each with the range of published versions it is valid for,
 * shared by every snapshot: a reader that finds a block valid for its version copies it without
 * taking any lock, so readers do not serialize on the {@link VersionedMemoryProvider}'s monitor nor
 * on the provider below it, and do not contend with the writer. One table serves all versions: it
 * holds at most one entry per block, normally valid for the newest published version; publishing a
 * version ends the validity of the entries of the blocks its commits wrote ({@link #supersede}),
 * and the provider may put their new content in their place. Readers of an older version keep using
 * the entries still valid for it and read the others through the locked path.
 *
 * <p>A block is {@value #BLOCK_SIZE} aligned bytes; at most {@value #MAX_BLOCKS} are kept (16 MiB),
 * past which blocks not kept are read through the locked path.
 *
 * <p>Thread safety: {@link #get} may run from any thread at any time, without a lock; the other
 * methods are called under the owning provider's monitor only. Lock-free reading is safe because a
 * slot, once it holds an entry, only ever holds entries of the same block, an entry's block, bytes
 * and first version are final (so a reader that sees the entry sees its bytes as they were filled),
 * its end of validity is volatile and reads as 0 (valid for nothing) to a reader that races with
 * its publication, and a grown table is published through a volatile field. A reader that races
 * with a change at worst misses and takes the locked path.
 */
final class VersionBlocks {
  /** log2 of the block size. */
  static final int BLOCK_SHIFT = 12;

  /** The block size: 4 KiB, so that loading a missing block copies little. */
  static final int BLOCK_SIZE = 1 << BLOCK_SHIFT;

  /** The most blocks kept. */
  static final int MAX_BLOCKS = 4096;

  private static final int MIN_SLOTS = 64;

  /** The content of one block from one published version on; its bytes are never modified. */
  static final class Entry {
    final long block;
    final byte[] bytes;
    private final long from;
    // The first published version it is not valid for; Long.MAX_VALUE while current.
    private volatile long until;

    Entry(long block, byte[] bytes, long from) {
      this.block = block;
      this.bytes = bytes;
      this.from = from;
      this.until = Long.MAX_VALUE;
    }

    /** Whether these are the block's bytes at {@code version}. */
    boolean validAt(long version) {
      return from <= version && version < until;
    }
  }

  // Open addressing with linear probing, at most half full, so every probe ends at a null slot.
  private volatile Entry[] slots = new Entry[MIN_SLOTS];
  private int count;
  // How many of the entries are superseded: dropped when the table is full and they are many.
  private int superseded;

  /** The entry of {@code block}, valid for some versions (see {@link Entry#validAt}), or null. */
  Entry get(long block) {
    Entry[] table = slots;
    int mask = table.length - 1;
    for (int i = slot(block, mask); ; i = (i + 1) & mask) {
      Entry entry = table[i];
      if (entry == null || entry.block == block) {
        return entry;
      }
    }
  }

  /** Keeps {@code entry} in place of the block's entry, or beside the others if there is room. */
  void put(Entry entry) {
    Entry[] table = slots;
    int mask = table.length - 1;
    int i = slot(entry.block, mask);
    while (table[i] != null) {
      if (table[i].block == entry.block) {
        if (table[i].until != Long.MAX_VALUE) {
          superseded--;
        }
        table[i] = entry;
        return;
      }
      i = (i + 1) & mask;
    }
    if (count == MAX_BLOCKS) {
      if (superseded < MAX_BLOCKS / 16) {
        return;
      }
      compact();
      table = slots;
    }
    if ((count + 1) * 2 > table.length) {
      Entry[] grown = new Entry[table.length * 2];
      for (Entry kept : table) {
        if (kept != null) {
          insert(grown, kept);
        }
      }
      slots = grown;
      table = grown;
    }
    insert(table, entry);
    count++;
  }

  /**
   * Drops the superseded entries, so that blocks read since can be kept (readers of older versions
   * then read those the locked way).
   */
  private void compact() {
    Entry[] kept = new Entry[slots.length];
    int live = 0;
    for (Entry entry : slots) {
      if (entry != null && entry.until == Long.MAX_VALUE) {
        insert(kept, entry);
        live++;
      }
    }
    slots = kept;
    count = live;
    superseded = 0;
  }

  /**
   * Ends at {@code version} the validity of the current entry of {@code block}, which a commit up
   * to {@code version} wrote; returns whether there was one (the block is read by readers).
   */
  boolean supersede(long block, long version) {
    Entry entry = get(block);
    if (entry == null || entry.until != Long.MAX_VALUE) {
      return false;
    }
    entry.until = version;
    superseded++;
    return true;
  }

  /** How many blocks are kept (for tests and diagnostics). */
  int size() {
    return count;
  }

  private static void insert(Entry[] table, Entry entry) {
    int mask = table.length - 1;
    int i = slot(entry.block, mask);
    while (table[i] != null) {
      i = (i + 1) & mask;
    }
    table[i] = entry;
  }

  private static int slot(long block, int mask) {
    return (int) ((block * 0x9E3779B97F4A7C15L) >>> 40) & mask;
  }
}
