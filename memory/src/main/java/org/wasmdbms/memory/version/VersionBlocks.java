package org.wasmdbms.memory.version;

import java.util.Arrays;

/**
 * The blocks of one published version's content read so far, shared by every snapshot of that
 * version: a reader that finds its block here copies it without taking any lock, so readers do not
 * serialize on the {@link VersionedMemoryProvider}'s monitor nor on the provider below it, and do
 * not contend with the writer. The blocks of the next published version start as the blocks of this
 * one that no commit in between wrote ({@link #next}), so only what changed is read again.
 *
 * <p>A block is {@value #BLOCK_SIZE} aligned bytes; at most {@value #MAX_BLOCKS} are kept per
 * version (16 MiB, mostly shared with the versions before and after), past which reads go through
 * the locked path as if not cached.
 *
 * <p>Thread safety: {@link #get} may run from any thread at any time, without a lock; {@link #put}
 * and {@link #next} are called under the owning provider's monitor only. Lock-free reading is safe
 * because the table only ever gains entries (a slot goes from null to an entry once), an entry and
 * the block it holds are immutable and reached through final fields (so a reader that sees the
 * entry sees its bytes as they were filled), and a grown table is published through a volatile
 * field; a reader that races with an insertion at worst misses and takes the locked path.
 */
final class VersionBlocks {
  /** log2 of the block size. */
  static final int BLOCK_SHIFT = 12;

  /** The block size: 4 KiB, so that loading a missing block copies little. */
  static final int BLOCK_SIZE = 1 << BLOCK_SHIFT;

  /** The most blocks kept for one version. */
  static final int MAX_BLOCKS = 4096;

  private static final int MIN_SLOTS = 64;

  /** One block of the version: immutable once made; its bytes are never modified. */
  static final class Entry {
    final long block;
    final byte[] bytes;

    Entry(long block, byte[] bytes) {
      this.block = block;
      this.bytes = bytes;
    }
  }

  private final long version;
  // Open addressing with linear probing, at most half full, so every probe ends at a null slot.
  private volatile Entry[] slots;
  private int count;

  /** No block yet, for {@code version}. */
  VersionBlocks(long version) {
    this(version, MIN_SLOTS);
  }

  private VersionBlocks(long version, int slots) {
    this.version = version;
    this.slots = new Entry[slots];
  }

  /** The version whose content these blocks hold. */
  long version() {
    return version;
  }

  /** The entry of {@code block} in this version, or null when not read yet. */
  Entry get(long block) {
    Entry[] table = slots;
    int mask = table.length - 1;
    for (int i = slot(block, mask); ; i = (i + 1) & mask) {
      Entry entry = table[i];
      if (entry == null) {
        return null;
      }
      if (entry.block == block) {
        return entry;
      }
    }
  }

  /** Whether another block may be kept. */
  private boolean hasRoom() {
    return count < MAX_BLOCKS;
  }

  /**
   * Keeps {@code bytes}, the content of {@code block} in this version (unless no room is left), and
   * returns its entry.
   */
  Entry put(long block, byte[] bytes) {
    Entry entry = new Entry(block, bytes);
    if (!hasRoom()) {
      return entry;
    }
    if ((count + 1) * 2 > slots.length) {
      Entry[] grown = new Entry[slots.length * 2];
      for (Entry kept : slots) {
        if (kept != null) {
          insert(grown, kept);
        }
      }
      slots = grown;
    }
    insert(slots, entry);
    count++;
    return entry;
  }

  /**
   * The blocks of {@code newer}, a later version whose commits since this one wrote exactly the
   * blocks in {@code changed} (sorted): every block of this version but those.
   */
  VersionBlocks next(long newer, long[] changed, int changedCount) {
    int slotCount = MIN_SLOTS;
    while (count * 2 > slotCount) {
      slotCount *= 2;
    }
    VersionBlocks next = new VersionBlocks(newer, slotCount);
    for (Entry entry : slots) {
      if (entry != null && Arrays.binarySearch(changed, 0, changedCount, entry.block) < 0) {
        insert(next.slots, entry);
        next.count++;
      }
    }
    return next;
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
