package org.wasmdbms.memory;

/** A heap provider that counts the read calls made to it, for tests that bound them. */
public final class CountingReads implements MemoryProvider {
  private final HeapMemoryProvider heap = new HeapMemoryProvider();
  private long reads;

  /** How many read calls were made so far. */
  public long reads() {
    return reads;
  }

  @Override
  public long size() {
    return heap.size();
  }

  @Override
  public long pages() {
    return heap.pages();
  }

  @Override
  public long grow(long additionalPages) {
    return heap.grow(additionalPages);
  }

  @Override
  public void read(long offset, byte[] buffer, int bufferOffset, int length) {
    reads++;
    heap.read(offset, buffer, bufferOffset, length);
  }

  @Override
  public void write(long offset, byte[] buffer, int bufferOffset, int length) {
    heap.write(offset, buffer, bufferOffset, length);
  }

  @Override
  public void sync() {}

  @Override
  public void close() {
    heap.close();
  }
}
