package org.wasmdbms.memory;

import java.io.IOException;
import org.wasmdbms.api.error.MemoryException;

/**
 * A switch that makes the storage under a provider fail part-way through a write, as a full disk
 * does: once {@link #failAfter armed}, the storage accepts a given number of bytes more and then
 * fails every write until {@link #heal healed}. The storage asks {@link #allow} before each write.
 * Thread-safe.
 */
public final class StorageFailure {
  private long remaining = -1;
  private int failures;

  /** From now on, storage accepts {@code bytes} more bytes, then fails. */
  public synchronized void failAfter(long bytes) {
    remaining = bytes;
  }

  /** Storage works again. */
  public synchronized void heal() {
    remaining = -1;
  }

  /** How many writes failed so far. */
  public synchronized int failures() {
    return failures;
  }

  /**
   * How many of the {@code length} bytes of a write the storage transfers: all of them unless the
   * switch is armed; a storage that gets fewer transfers those and then fails with {@link
   * #failure}.
   */
  public synchronized int allow(int length) {
    if (remaining < 0 || remaining >= length) {
      if (remaining >= 0) {
        remaining -= length;
      }
      return length;
    }
    int allowed = (int) remaining;
    remaining = 0;
    failures++;
    return allowed;
  }

  /** The I/O error a storage reports for a write that {@link #allow} cut short. */
  public static IOException failure() {
    return new IOException("No space left on device (injected)");
  }

  /**
   * A provider that writes to {@code below} through this switch: a write cut short stores the
   * allowed part of its bytes, then throws a {@link MemoryException} carrying the I/O error, as a
   * file provider does.
   */
  public MemoryProvider below(MemoryProvider below) {
    return new FailingStorage(below);
  }

  private final class FailingStorage extends ForwardingProvider {
    FailingStorage(MemoryProvider below) {
      super(below);
    }

    @Override
    public void write(long offset, byte[] buffer, int bufferOffset, int length) {
      ProviderRanges.check(offset, buffer, bufferOffset, length, below.size());
      int allowed = allow(length);
      below.write(offset, buffer, bufferOffset, allowed);
      if (allowed < length) {
        throw new MemoryException(
            "cannot write " + length + " bytes at " + offset + ": " + StorageFailure.failure());
      }
    }
  }
}
