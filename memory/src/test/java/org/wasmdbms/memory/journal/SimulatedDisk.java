package org.wasmdbms.memory.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.memory.ProviderRanges;

/**
 * One file on a simulated disk that knows what is durable. A {@link View} is an open provider on
 * it: its writes and growth are visible at once but become durable only at {@code sync}. {@link
 * #powerLoss(Random)} then decides what survived: every synced byte, plus a random subset of the
 * unsynced writes, one of which may be torn (only a random prefix of it reaches the disk).
 *
 * <p>A {@link Fuse} shared by several disks cuts the power after a number of operations: the
 * operation that blows it, and every later one, throws {@link MemoryException}.
 */
final class SimulatedDisk {
  private static final int PAGE = MemoryProvider.PAGE_SIZE;

  /** Counts write, grow and sync calls across disks and fails them from the cut point on. */
  static final class Fuse {
    private long remaining;

    /** A fuse that blows at the {@code operations}-th operation (never if negative). */
    Fuse(long operations) {
      this.remaining = operations;
    }

    void tick() {
      if (remaining == 0) {
        throw new MemoryException("simulated power loss");
      }
      if (remaining > 0) {
        remaining--;
      }
    }

    /** Operations left before the fuse blows. */
    long remaining() {
      return remaining;
    }

    boolean blown() {
      return remaining == 0;
    }
  }

  private record Write(long offset, byte[] bytes) {}

  private List<byte[]> durable = new ArrayList<>();
  private final List<Write> pending = new ArrayList<>();
  private long pendingPages;
  private View view;

  /** Opens a view on the durable content; the disk must have no other open view. */
  View open(Fuse fuse) {
    if (view != null && !view.closed) {
      throw new IllegalStateException("disk already open");
    }
    pending.clear();
    pendingPages = durable.size();
    view = new View(fuse);
    return view;
  }

  /** Ends the open view as a power cut does: keeps synced bytes and a random part of the rest. */
  void powerLoss(Random random) {
    if (view != null) {
      view.closed = true;
    }
    List<Write> writes = new ArrayList<>(pending);
    int torn = writes.isEmpty() ? -1 : random.nextInt(writes.size());
    long pages = random.nextBoolean() ? pendingPages : durable.size();
    while (durable.size() < pages) {
      durable.add(new byte[PAGE]);
    }
    for (int i = 0; i < writes.size(); i++) {
      Write write = writes.get(i);
      if (i != torn && random.nextBoolean()) {
        continue;
      }
      int length = i == torn ? random.nextInt(write.bytes.length + 1) : write.bytes.length;
      applyTo(durable, write.offset, write.bytes, length);
    }
    pending.clear();
  }

  /** The durable pages (a copy). */
  List<byte[]> snapshot() {
    List<byte[]> copy = new ArrayList<>();
    for (byte[] page : durable) {
      copy.add(page.clone());
    }
    return copy;
  }

  /** Replaces the durable content (for corruption tests); no view may be open. */
  void restore(List<byte[]> pages) {
    durable = new ArrayList<>();
    for (byte[] page : pages) {
      durable.add(page.clone());
    }
  }

  /** Applies the bytes that fit inside the pages; a write beyond them was lost with its growth. */
  private static void applyTo(List<byte[]> pages, long offset, byte[] bytes, int length) {
    int done = 0;
    while (done < length) {
      long at = offset + done;
      int inPage = (int) (at % PAGE);
      int chunk = Math.min(length - done, PAGE - inPage);
      if (at / PAGE < pages.size()) {
        System.arraycopy(bytes, done, pages.get((int) (at / PAGE)), inPage, chunk);
      }
      done += chunk;
    }
  }

  /** An open provider on the disk. */
  final class View implements MemoryProvider {
    private final Fuse fuse;
    private final List<byte[]> current;
    private boolean closed;

    private View(Fuse fuse) {
      this.fuse = fuse;
      this.current = snapshot();
    }

    private void check() {
      if (closed) {
        throw new MemoryException("memory provider is closed");
      }
    }

    @Override
    public long size() {
      return pages() * PAGE;
    }

    @Override
    public long pages() {
      check();
      return current.size();
    }

    @Override
    public long grow(long additionalPages) {
      check();
      if (additionalPages < 0) {
        throw new MemoryException("negative growth");
      }
      fuse.tick();
      long before = current.size();
      for (long i = 0; i < additionalPages; i++) {
        current.add(new byte[PAGE]);
      }
      pendingPages = current.size();
      return before;
    }

    @Override
    public void read(long offset, byte[] buffer, int bufferOffset, int length) {
      check();
      ProviderRanges.check(offset, buffer, bufferOffset, length, size());
      if (fuse.blown()) {
        throw new MemoryException("simulated power loss");
      }
      int done = 0;
      while (done < length) {
        long at = offset + done;
        int inPage = (int) (at % PAGE);
        int chunk = Math.min(length - done, PAGE - inPage);
        System.arraycopy(
            current.get((int) (at / PAGE)), inPage, buffer, bufferOffset + done, chunk);
        done += chunk;
      }
    }

    @Override
    public void write(long offset, byte[] buffer, int bufferOffset, int length) {
      check();
      ProviderRanges.check(offset, buffer, bufferOffset, length, size());
      fuse.tick();
      byte[] bytes = new byte[length];
      System.arraycopy(buffer, bufferOffset, bytes, 0, length);
      applyTo(current, offset, bytes, length);
      pending.add(new Write(offset, bytes));
    }

    @Override
    public void sync() {
      check();
      fuse.tick();
      while (durable.size() < current.size()) {
        durable.add(new byte[PAGE]);
      }
      for (Write write : pending) {
        applyTo(durable, write.offset, write.bytes, write.bytes.length);
      }
      pending.clear();
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
