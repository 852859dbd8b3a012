package org.wasmdbms.guest.abi;

import org.teavm.backend.wasm.WasmHeap;
import org.teavm.interop.Address;
import org.wasmdbms.guest.GuestMemory;

/**
 * A non-moving allocator for linear memory above TeaVM's Java heap: the memory behind {@code
 * cabi_realloc}, the canonical-ABI arguments the host writes, the results the guest returns and the
 * WASI call buffers. TeaVM's garbage collector moves Java arrays, so nothing whose address a host
 * keeps may live on the Java heap.
 *
 * <p>Layout: the arena starts at the first 8-byte boundary above TeaVM's memory and grows with
 * {@code memory.grow} (at least 1 MiB at a time) up to {@link GuestMemory#MAX_PAGES} pages. Every
 * block is an 8-byte header followed by its payload, which is 8-byte aligned (enough for every
 * canonical-ABI type). Header word 0 holds a state tag ({@code USED} or {@code FREE}) in its upper
 * 16 bits and the block's size class {@code k} in its lower bits: the payload holds {@code 8 << k}
 * bytes. Header word 1 links a free block to the next free block of its class. Freed blocks go to
 * the free list of their class and are reused only for that class; blocks are never split or
 * merged, so the arena never holds more than twice the peak of live bytes per class.
 *
 * <p>{@link #free(int)} ignores anything that is not the payload of a used block (a foreign
 * pointer, a double free), so a misbehaving host cannot corrupt the free lists. A zero-byte request
 * gets one shared, never-freed address. Single-threaded, like the whole guest.
 */
public final class NativeHeap {
  private static final int HEADER = 8;
  private static final int USED = 0x5AFE0000;
  private static final int FREE = 0x0FEE0000;
  private static final int TAG_MASK = 0xFFFF0000;
  private static final int CLASSES = 31;
  private static final int MIN_GROWTH_PAGES = 16;
  private static final int PAGE = 65536;

  private static final int[] freeLists = new int[CLASSES];
  private static int base;
  private static int top;
  private static long limit;
  private static int empty;

  private NativeHeap() {}

  private static void ensureStarted() {
    if (base == 0) {
      base = (WasmHeap.memoryLimit.toInt() + 7) & ~7;
      limit = WasmHeap.memoryLimit.toInt() & 0xFFFFFFFFL;
      top = base;
      empty = base;
      top += HEADER; // the shared zero-byte block: a header without a tag, so never freed
      if (top > limit) {
        grow(HEADER);
      }
      Address.fromInt(empty).putInt(0);
    }
  }

  /**
   * Allocates {@code size} bytes, 8-byte aligned, whose address never changes until freed.
   *
   * @return the address, or 0 if {@code size} is negative or memory is exhausted
   */
  public static int allocate(int size) {
    ensureStarted();
    if (size < 0) {
      return 0;
    }
    if (size == 0) {
      return empty + HEADER;
    }
    int k = sizeClass(size);
    int block = freeLists[k];
    if (block != 0) {
      freeLists[k] = Address.fromInt(block).add(4).getInt();
    } else {
      long need = HEADER + (8L << k);
      if (top + need > limit && !grow(need)) {
        return 0;
      }
      block = top;
      top = (int) (top + need);
    }
    Address.fromInt(block).putInt(USED | k);
    return block + HEADER;
  }

  /** Frees a block returned by {@link #allocate(int)}; ignores 0 and anything else. */
  public static void free(int address) {
    if (!isUsedBlock(address)) {
      return;
    }
    int block = address - HEADER;
    int k = Address.fromInt(block).getInt() & ~TAG_MASK;
    Address.fromInt(block).putInt(FREE | k);
    Address.fromInt(block).add(4).putInt(freeLists[k]);
    freeLists[k] = block;
  }

  /**
   * The canonical ABI's {@code realloc}: a new block of {@code newSize} bytes holding the first
   * {@code min(oldSize, newSize)} bytes of {@code oldAddress} (0 for none), which is freed. Grows
   * in place when the old block is large enough.
   *
   * @return the address, or 0 if the alignment is not 1, 2, 4 or 8 or memory is exhausted
   */
  public static int reallocate(int oldAddress, int oldSize, int align, int newSize) {
    if (align != 1 && align != 2 && align != 4 && align != 8) {
      return 0;
    }
    if (oldAddress == 0 || !isUsedBlock(oldAddress)) {
      return allocate(newSize);
    }
    int capacity = capacity(oldAddress);
    if (newSize >= 0 && newSize <= capacity) {
      return oldAddress;
    }
    int moved = allocate(newSize);
    if (moved != 0) {
      int keep = Math.min(Math.min(oldSize, newSize), capacity);
      if (keep > 0) {
        Address.moveMemoryBlock(Address.fromInt(oldAddress), Address.fromInt(moved), keep);
      }
      free(oldAddress);
    }
    return moved;
  }

  /**
   * Whether {@code [address, address + length)} lies inside the arena, so reading it cannot fault
   * and cannot touch the Java heap.
   */
  public static boolean holds(int address, long length) {
    ensureStarted();
    long start = address & 0xFFFFFFFFL;
    return length >= 0 && start >= base && start + length <= top;
  }

  /** The number of memory pages in use, the Java heap included; for tests and diagnostics. */
  public static int memoryPages() {
    ensureStarted();
    return (int) (limit / PAGE);
  }

  private static boolean isUsedBlock(int address) {
    if (address == 0 || (address & 7) != 0 || !holds(address - HEADER, HEADER)) {
      return false;
    }
    int header = Address.fromInt(address - HEADER).getInt();
    if ((header & TAG_MASK) != USED) {
      return false;
    }
    int k = header & ~TAG_MASK;
    return k < CLASSES && holds(address, 8L << k);
  }

  private static int capacity(int address) {
    long bytes = 8L << (Address.fromInt(address - HEADER).getInt() & ~TAG_MASK);
    return bytes > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) bytes;
  }

  private static int sizeClass(int size) {
    int k = 0;
    while ((8L << k) < size) {
      k++;
    }
    return k;
  }

  private static boolean grow(long need) {
    long missing = top + need - limit;
    long pages = (missing + PAGE - 1) / PAGE;
    long maxPages = GuestMemory.MAX_PAGES;
    long current = limit / PAGE;
    if (current + pages > maxPages) {
      return false;
    }
    if (pages < MIN_GROWTH_PAGES) {
      pages = Math.min(MIN_GROWTH_PAGES, maxPages - current);
    }
    WasmHeap.growMemory((int) pages);
    limit += pages * PAGE;
    return true;
  }
}
