package org.wasmdbms.memory.page;

import java.util.ArrayList;
import java.util.Arrays;
import org.wasmdbms.memory.MemoryProvider;

/**
 * The pages a {@link Pager} batch wrote, held in memory and written to the provider once, at the
 * end of the batch: a write of many rows touches the same few pages (a table's last data page, an
 * index's last leaf, the header) thousands of times, and every provider call below costs a monitor
 * and, in a versioned or journaled provider, bookkeeping per call. In a batch, each of those
 * touches is an array copy here, and {@link #flush()} writes each page's changed stretches once.
 *
 * <p>A page image is filled lazily, {@value #UNIT} bytes at a time: a read or write of a page this
 * batch has written reads from the provider only the units of the range it has not loaded yet, and
 * a page it has not written is read straight from the provider. Nothing here changes what the
 * provider sees, only when: the writes arrive at the flush, in one call per changed stretch, before
 * the pager commits; a write unchanged by the batch's later writes reaches the provider as it was.
 *
 * <p>Bounded: once {@link #MAX_PAGES} pages are held, the next new page flushes them all first.
 * Images are reused from one batch to the next, so a batch allocates no page arrays once warm. Not
 * thread-safe (the pager's owner is its one writer).
 */
final class PageBuffer {
  /** The granularity of loading and of the dirty stretches written back, in bytes. */
  static final int UNIT = 64;

  /** The most pages held before a flush: 16 MiB of images. */
  static final int MAX_PAGES = 256;

  private static final int PAGE_SIZE = MemoryProvider.PAGE_SIZE;
  private static final int UNITS = PAGE_SIZE / UNIT;
  private static final int SPARE_IMAGES = 16;
  // The held pages by id, open addressing with linear probing, twice as many slots as pages held:
  // every read and write of the batch looks its page up, and a map of boxed ids cost more than the
  // copy it guards.
  private static final int SLOTS = 2 * MAX_PAGES;

  private final MemoryProvider provider;
  private final long[] slotPage = new long[SLOTS];
  private final Image[] slotImage = new Image[SLOTS];
  // The images in the order first written, for a flush in that order.
  private final ArrayList<Image> written = new ArrayList<>();
  private final ArrayList<Image> spare = new ArrayList<>();
  private long providerWrites;

  /** One page: its bytes, which units of them are loaded, and which units the batch wrote. */
  private static final class Image {
    long pageId;
    final byte[] bytes = new byte[PAGE_SIZE];
    final long[] loaded = new long[UNITS / 64];
    final long[] dirty = new long[UNITS / 64];
  }

  PageBuffer(MemoryProvider provider) {
    this.provider = provider;
  }

  /**
   * Reads bytes of page {@code pageId}, as written by the batch or else as the provider has them.
   */
  void read(long pageId, int offset, byte[] buffer, int bufferOffset, int length) {
    Image image = image(pageId);
    if (image == null) {
      provider.read(pageId * PAGE_SIZE + offset, buffer, bufferOffset, length);
      return;
    }
    load(image, offset, length);
    System.arraycopy(image.bytes, offset, buffer, bufferOffset, length);
  }

  /** Writes bytes of page {@code pageId} into its image; the provider sees them at the flush. */
  void write(long pageId, int offset, byte[] buffer, int bufferOffset, int length) {
    if (length == 0) {
      return;
    }
    Image image = image(pageId);
    if (image == null) {
      image = add(pageId);
    }
    load(image, offset, length);
    System.arraycopy(buffer, bufferOffset, image.bytes, offset, length);
    mark(image.dirty, offset / UNIT, (offset + length - 1) / UNIT);
  }

  /** Writes every changed stretch of every held page to the provider and forgets the pages. */
  void flush() {
    Arrays.fill(slotPage, 0);
    Arrays.fill(slotImage, null);
    try {
      for (Image image : written) {
        writeBack(image);
      }
    } finally {
      for (Image image : written) {
        Arrays.fill(image.loaded, 0);
        Arrays.fill(image.dirty, 0);
        if (spare.size() < SPARE_IMAGES) {
          spare.add(image);
        }
      }
      written.clear();
    }
  }

  /** How many write calls flushes have made to the provider (for tests). */
  long providerWrites() {
    return providerWrites;
  }

  private void writeBack(Image image) {
    int unit = 0;
    while (unit < UNITS) {
      if (!isSet(image.dirty, unit)) {
        unit++;
        continue;
      }
      int end = unit + 1;
      while (end < UNITS && isSet(image.dirty, end)) {
        end++;
      }
      providerWrites++;
      provider.write(
          image.pageId * PAGE_SIZE + unit * UNIT, image.bytes, unit * UNIT, (end - unit) * UNIT);
      unit = end;
    }
  }

  private Image image(long pageId) {
    for (int slot = slotOf(pageId); slotPage[slot] != 0; slot = (slot + 1) & (SLOTS - 1)) {
      if (slotPage[slot] == pageId + 1) {
        return slotImage[slot];
      }
    }
    return null;
  }

  private Image add(long pageId) {
    if (written.size() >= MAX_PAGES) {
      flush();
    }
    Image image = spare.isEmpty() ? new Image() : spare.remove(spare.size() - 1);
    image.pageId = pageId;
    int slot = slotOf(pageId);
    while (slotPage[slot] != 0) {
      slot = (slot + 1) & (SLOTS - 1);
    }
    slotPage[slot] = pageId + 1;
    slotImage[slot] = image;
    written.add(image);
    return image;
  }

  /** The first slot to probe for {@code pageId} (its bits mixed: page ids are mostly small). */
  private static int slotOf(long pageId) {
    long mixed = pageId * 0x9E3779B97F4A7C15L;
    return (int) (mixed >>> 40) & (SLOTS - 1);
  }

  /** Loads the units of {@code [offset, offset + length)} not loaded yet, a stretch per call. */
  private void load(Image image, int offset, int length) {
    if (length == 0) {
      return;
    }
    int lastUnit = (offset + length - 1) / UNIT;
    int unit = offset / UNIT;
    while (unit <= lastUnit) {
      if (isSet(image.loaded, unit)) {
        unit++;
        continue;
      }
      int end = unit + 1;
      while (end <= lastUnit && !isSet(image.loaded, end)) {
        end++;
      }
      provider.read(
          image.pageId * PAGE_SIZE + unit * UNIT, image.bytes, unit * UNIT, (end - unit) * UNIT);
      mark(image.loaded, unit, end - 1);
      unit = end;
    }
  }

  private static boolean isSet(long[] bits, int unit) {
    return (bits[unit >>> 6] & 1L << unit) != 0;
  }

  private static void mark(long[] bits, int from, int to) {
    for (int unit = from; unit <= to; unit++) {
      bits[unit >>> 6] |= 1L << unit;
    }
  }
}
