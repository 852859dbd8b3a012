package org.wasmdbms.memory;

/**
 * A provider that hands every call to the provider below it: the base of test providers that watch
 * or disturb one kind of call and pass on the rest.
 */
public abstract class ForwardingProvider implements MemoryProvider {
  /** The provider every call goes to. */
  protected final MemoryProvider below;

  /** Forwards to {@code below}. */
  protected ForwardingProvider(MemoryProvider below) {
    this.below = below;
  }

  @Override
  public long size() {
    return below.size();
  }

  @Override
  public long pages() {
    return below.pages();
  }

  @Override
  public long grow(long additionalPages) {
    return below.grow(additionalPages);
  }

  @Override
  public void read(long offset, byte[] buffer, int bufferOffset, int length) {
    below.read(offset, buffer, bufferOffset, length);
  }

  @Override
  public void write(long offset, byte[] buffer, int bufferOffset, int length) {
    below.write(offset, buffer, bufferOffset, length);
  }

  @Override
  public void sync() {
    below.sync();
  }

  @Override
  public void close() {
    below.close();
  }
}
