package org.wasmdbms.memory.journal;

/**
 * A few page images read from the data file and still equal to it, kept after a commit that wrote
 * the page without changing it: a page rewritten with the bytes it holds (an update that sets a
 * value to the one stored, a header written again) is then not read from the data file again, 64
 * KiB and a fresh buffer, by every commit that writes it. Holds at most {@value #CAPACITY} images,
 * replacing the oldest one kept. Not thread-safe (the provider's monitor guards it).
 */
final class CleanImages {
  static final int CAPACITY = 16;

  private final long[] pages = new long[CAPACITY];
  private final byte[][] images = new byte[CAPACITY][];
  private int next;

  /** Removes and returns the image of {@code page}, or null if none is kept. */
  byte[] take(long page) {
    for (int i = 0; i < CAPACITY; i++) {
      if (images[i] != null && pages[i] == page) {
        byte[] image = images[i];
        images[i] = null;
        return image;
      }
    }
    return null;
  }

  /** Keeps {@code image}, equal to the data file's content of {@code page}. */
  void keep(long page, byte[] image) {
    int slot = -1;
    for (int i = 0; i < CAPACITY && slot < 0; i++) {
      if (images[i] == null) {
        slot = i;
      }
    }
    if (slot < 0) {
      slot = next;
      next = (next + 1) % CAPACITY;
    }
    pages[slot] = page;
    images[slot] = image;
  }

  /** Forgets every image. */
  void clear() {
    java.util.Arrays.fill(images, null);
  }
}
