package org.wasmdbms.memory;

/** A heap provider that counts the read calls made to it, for tests that bound them. */
public final class CountingReads extends ForwardingProvider {
  private long reads;

  /** Over a new heap provider. */
  public CountingReads() {
    super(new HeapMemoryProvider());
  }

  /** How many read calls were made so far. */
  public long reads() {
    return reads;
  }

  @Override
  public void read(long offset, byte[] buffer, int bufferOffset, int length) {
    reads++;
    super.read(offset, buffer, bufferOffset, length);
  }
}
