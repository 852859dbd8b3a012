package org.wasmdbms.memory.version;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.memory.ProviderRanges;

/**
 * A {@link MemoryProvider} that keeps, besides the current content of the provider below, the
 * content it had at earlier commits, so that readers can read a <em>snapshot</em>: the state of one
 * commit, whole, while the writer goes on writing the next ones.
 *
 * <p>Versions: commit {@code n} (counted from 1 since the provider was opened) is ended by the
 * {@code n}-th call of {@link #commit()} or {@link #commitWithoutSync()}; version {@code n} is the
 * content right after it (version 0: the content at opening). Every write belongs to the commit
 * that will end next. The owner {@linkplain #publish(long) publishes} a version once it may be read
 * (the engine: once it is durable); {@link #snapshot()} pins the newest published version.
 *
 * <p>How: before a write overwrites bytes that some reader may still need, the 64-byte blocks it
 * overwrites are kept in memory as an <em>undo run</em> (page, offset, old bytes, commit), each
 * block at most once per commit (its content before the commit's first write is all a snapshot
 * needs) and only if the write changes it: a commit that writes the same page header a thousand
 * times keeps it once. A snapshot of version {@code v} reads the current bytes from below and puts
 * back, newest first, the runs of the commits after {@code v}. Nothing is ever written below for a
 * snapshot, so the provider below (journal, checkpoints, data file) keeps working exactly as
 * without snapshots: a checkpoint never overwrites what a snapshot reads, because a snapshot reads
 * old bytes from here, not from there. Runs are kept while a reader may need them: always in
 * {@linkplain #VersionedMemoryProvider( MemoryProvider, boolean, long) concurrent mode} (a reader
 * may pin the last published version at any instant), otherwise only while a snapshot is pinned.
 * Runs no pinned snapshot needs are dropped when a version is published or a snapshot older than
 * the published version released.
 *
 * <p>Retention limit: the runs kept for old snapshots are bounded by {@code retainedBytes}. When
 * they would pass it, the oldest pinned snapshots older than the published version expire, one
 * after the other, until the rest fits (or only the published version is pinned): their runs are
 * dropped and their next read throws a {@link MemoryException} "snapshot expired". So a snapshot
 * held too long costs memory up to the limit and then fails cleanly; the journal never grows for
 * it.
 *
 * <p>Shared blocks (concurrent mode): snapshot reads of the published version read aligned blocks,
 * each read below once and then shared by all snapshots without a lock ({@link VersionBlocks}); a
 * publish ends the validity of the blocks its commits wrote and, while readers are active, reads
 * their new content once. So readers of the current version neither take a monitor nor read below
 * in the steady state.
 *
 * <p>Thread-safe: {@link #read} of the current content goes straight below; writes, the kept runs
 * and pins hold this provider's monitor, and a snapshot read of a block not shared yet reads below
 * and then lays back the runs under it, so a snapshot read never sees half a write. {@link
 * #commit()}, {@link #commitWithoutSync()}, {@link #finishCommits()} and {@link #sync()} do not
 * hold it while the provider below works, so snapshot reads go on while a commit is written or
 * synced. Writes are expected from one thread at a time (the engine's writer). Guest-safe: no locks
 * but monitors, no threads; the guest (not concurrent) shares no blocks.
 */
public final class VersionedMemoryProvider implements MemoryProvider {
  /** The default {@code retainedBytes}: 64 MiB of undo runs for old snapshots. */
  public static final long DEFAULT_RETAINED_BYTES = 64L << 20;

  // What one run costs besides its bytes (object, array header, list slot), for the limit.
  private static final int RUN_OVERHEAD = 48;

  // Runs are kept per block of this many bytes, each block at most once per commit.
  private static final int UNDO_BLOCK = 64;
  private static final int BLOCKS_PER_PAGE = PAGE_SIZE / VersionBlocks.BLOCK_SIZE;

  // How many recently read blocks a snapshot's view remembers (a power of two).
  private static final int RECENT_BLOCKS = 32;

  private final MemoryProvider below;
  private final boolean concurrent;
  private final long retainedBytes;
  private final HashMap<Long, RunList> runs = new HashMap<>();
  // Every kept run in the order written, so pruning drops the oldest first.
  private final ArrayList<Run> order = new ArrayList<>();
  private int orderStart;
  // The blocks of each page written in the current commit whose content before it is kept.
  private final HashMap<Long, long[]> savedThisCommit = new HashMap<>();
  private long lastSavedPage = -1;
  private long knownSize;
  private long[] lastSaved;
  private final ArrayList<Snapshot> pinned = new ArrayList<>();
  private long keptBytes;
  private long written;
  // Volatile: readers check it without the monitor (ReadViews, before reusing a view).
  private volatile long published;
  private Object state;
  // The page count below, kept here so that readers need not ask below: asked once (under the
  // monitor, -1 before), then set by the writer's grow (under it too, so a stale count asked
  // before a grow never overwrites a newer one).
  private volatile long knownPages = -1;
  // The blocks snapshots read, shared by them (concurrent mode only; made by the first snapshot).
  private VersionBlocks blocks;
  // Whether a snapshot of the published version was pinned since it was published: readers are
  // active, so the publish of the next version reads the new content of their blocks it changes.
  private boolean pinnedSincePublish;
  private volatile boolean closed;

  /**
   * A versioned view over {@code below}, which it then owns.
   *
   * @param concurrent whether readers may pin a snapshot at any instant, even while a commit is
   *     being written (the JVM's concurrent readers): runs are then always kept for the published
   *     version; otherwise (a single-threaded owner that pins only between its own calls) only
   *     while a snapshot is pinned
   * @param retainedBytes the most bytes of runs kept for snapshots older than the published version
   *     (positive)
   */
  public VersionedMemoryProvider(MemoryProvider below, boolean concurrent, long retainedBytes) {
    if (retainedBytes <= 0) {
      throw new IllegalArgumentException("the snapshot retention limit must be positive");
    }
    this.below = below;
    this.concurrent = concurrent;
    this.retainedBytes = retainedBytes;
  }

  /** One kept run: the bytes at {@code offset} of {@code page} before commit {@code commit}. */
  private static final class Run {
    final long page;
    final long commit;
    final int offset;
    final byte[] old;

    Run(long page, long commit, int offset, byte[] old) {
      this.page = page;
      this.commit = commit;
      this.offset = offset;
      this.old = old;
    }
  }

  /** The runs of one page in the order written; the oldest are dropped from the front. */
  private static final class RunList {
    Run[] runs = new Run[4];
    int start;
    int end;

    void add(Run run) {
      if (end == runs.length) {
        int live = end - start;
        Run[] grown = live * 2 > runs.length ? new Run[runs.length * 2] : runs;
        System.arraycopy(runs, start, grown, 0, live);
        if (grown == runs) {
          Arrays.fill(runs, live, end, null);
        }
        runs = grown;
        start = 0;
        end = live;
      }
      runs[end++] = run;
    }
  }

  /**
   * A pinned version: reads through {@link #view()} see the content of that version until {@link
   * #release()}. Thread-safe; one snapshot may be read by several threads, but the engine gives
   * each reader its own.
   */
  public final class Snapshot {
    private final long version;
    private final Object state;
    // Null unless the snapshot pinned the published version in concurrent mode.
    private final VersionBlocks blocks;
    // Volatile: a read of a kept block checks them without the monitor. The provider's closing
    // is copied here rather than read from the provider's field: its cache line is the writer's.
    private volatile boolean expired;
    private volatile boolean released;
    private volatile boolean closedBelow;
    private final MemoryProvider view = new View(this);

    private Snapshot(long version, Object state, VersionBlocks blocks) {
      this.version = version;
      this.state = state;
      this.blocks = blocks;
    }

    /** The commit count this snapshot sees. */
    public long version() {
      return version;
    }

    /** The state the owner published with this version (see {@link #publish(long, Object)}). */
    public Object state() {
      return state;
    }

    /**
     * A read-only provider of this snapshot's content; writes, growth and commits through it throw
     * {@link MemoryException}, and every call throws once the snapshot is released or expired.
     */
    public MemoryProvider view() {
      return view;
    }

    /** Unpins the version; idempotent. */
    public void release() {
      unpin(this);
    }
  }

  private final class View implements MemoryProvider {
    private final Snapshot snapshot;
    // The blocks read last, by block number modulo the length: a search reads a few blocks over
    // and over. Racy but safe (an entry is immutable and its fields final).
    private final VersionBlocks.Entry[] recent = new VersionBlocks.Entry[RECENT_BLOCKS];

    View(Snapshot snapshot) {
      this.snapshot = snapshot;
    }

    @Override
    public long size() {
      return pages() * PAGE_SIZE;
    }

    /**
     * The current page count, known without asking below (which takes its monitor): pages only
     * grow, so it bounds what the snapshot's structures reach.
     */
    @Override
    public long pages() {
      return knownPages();
    }

    @Override
    public long grow(long additionalPages) {
      throw readOnly();
    }

    @Override
    public void read(long offset, byte[] buffer, int bufferOffset, int length) {
      if (!readKept(offset, buffer, bufferOffset, length)) {
        readAt(snapshot, offset, buffer, bufferOffset, length);
      }
    }

    /**
     * Reads through the blocks shared by the snapshots, without the monitor when they hold the
     * snapshot's version of the block; loads the others (see {@link #loadBlock}). False, having
     * read nothing, when the snapshot shares no blocks, the arguments are not plainly valid (the
     * locked path then reports them) or a block is not wholly inside the provider.
     */
    private boolean readKept(long offset, byte[] buffer, int bufferOffset, int length) {
      VersionBlocks shared = snapshot.blocks;
      if (shared == null
          || buffer == null
          || offset < 0
          || length < 0
          || bufferOffset < 0
          || bufferOffset > buffer.length - length) {
        return false;
      }
      checkReadable(snapshot);
      long end = offset + length;
      long at = offset;
      while (at < end) {
        long block = at >>> VersionBlocks.BLOCK_SHIFT;
        int index = (int) block & (RECENT_BLOCKS - 1);
        VersionBlocks.Entry entry = recent[index];
        if (entry == null || entry.block != block) {
          entry = shared.get(block);
          if (entry == null || !entry.validAt(snapshot.version)) {
            entry = loadBlock(snapshot, block);
            if (entry == null) {
              return false;
            }
          }
          recent[index] = entry;
        }
        int inBlock = (int) (at & (VersionBlocks.BLOCK_SIZE - 1));
        int chunk = (int) Math.min(end - at, VersionBlocks.BLOCK_SIZE - inBlock);
        System.arraycopy(entry.bytes, inBlock, buffer, bufferOffset + (int) (at - offset), chunk);
        at += chunk;
      }
      return true;
    }

    @Override
    public void write(long offset, byte[] buffer, int bufferOffset, int length) {
      throw readOnly();
    }

    @Override
    public void sync() {}

    @Override
    public void commit() {
      throw readOnly();
    }

    @Override
    public void close() {
      snapshot.release();
    }
  }

  private static MemoryException readOnly() {
    return new MemoryException("a snapshot is read-only");
  }

  /** The number of commits ended so far: the version the next published one will at most be. */
  public synchronized long written() {
    return written;
  }

  /** The newest published version. */
  public long published() {
    return published;
  }

  /**
   * Makes {@code version} (at most {@link #written()}) the one {@link #snapshot()} pins, unless a
   * newer one is published already, keeping the state published with the previous one.
   */
  public synchronized void publish(long version) {
    publish(version, state);
  }

  /**
   * Like {@link #publish(long)}, and makes {@code newState} the state snapshots of this version and
   * later ones carry (the engine: the list of registered tables).
   */
  public synchronized void publish(long version, Object newState) {
    if (version > written) {
      throw new IllegalArgumentException("version " + version + " is not written yet");
    }
    if (version >= published) {
      if (blocks != null && version > published) {
        supersedeBlocks(version);
      }
      published = version;
      state = newState;
      prune();
    }
  }

  /**
   * Ends the validity of the shared blocks that the commits after the published version up to
   * {@code version}, about to be published, wrote; if readers are active, reads their content at
   * {@code version} once here rather than in every reader that would miss them (readers read the
   * same blocks over and over; the writer changes a few of them at every commit: a tree's last
   * leaf, a table's last data page). The runs of those commits are all still kept (runs are dropped
   * only up to the published version), newest last in {@code order}.
   */
  private void supersedeBlocks(long version) {
    long[] changed = new long[16];
    int count = 0;
    for (int i = order.size() - 1; i >= orderStart; i--) {
      Run run = order.get(i);
      if (run.commit <= published) {
        break;
      }
      if (run.commit > version) {
        continue;
      }
      long first = run.page * BLOCKS_PER_PAGE + (run.offset >>> VersionBlocks.BLOCK_SHIFT);
      long last =
          run.page * BLOCKS_PER_PAGE
              + ((run.offset + run.old.length - 1) >>> VersionBlocks.BLOCK_SHIFT);
      for (long block = first; block <= last; block++) {
        if (count == changed.length) {
          changed = Arrays.copyOf(changed, count * 2);
        }
        changed[count++] = block;
      }
    }
    Arrays.sort(changed, 0, count);
    for (int i = 0; i < count; i++) {
      long block = changed[i];
      if ((i == 0 || changed[i - 1] != block)
          && blocks.supersede(block, version)
          && pinnedSincePublish) {
        byte[] bytes = new byte[VersionBlocks.BLOCK_SIZE];
        long start = block << VersionBlocks.BLOCK_SHIFT;
        below.read(start, bytes, 0, bytes.length);
        layBackRuns(version, start, bytes, 0, bytes.length);
        blocks.put(new VersionBlocks.Entry(block, bytes, version));
      }
    }
    pinnedSincePublish = false;
  }

  /** Pins the newest published version. */
  public synchronized Snapshot snapshot() {
    return pin(published);
  }

  /**
   * Pins the newest written version, published or not: for a writer that has seen every commit
   * written so far (the engine's snapshot transactions, begun by the writer), with the state last
   * published.
   */
  public synchronized Snapshot snapshotWritten() {
    return pin(written);
  }

  private Snapshot pin(long version) {
    checkOpen();
    VersionBlocks shared = null;
    if (concurrent && version == published) {
      if (blocks == null) {
        blocks = new VersionBlocks();
      }
      shared = blocks;
      pinnedSincePublish = true;
    }
    Snapshot snapshot = new Snapshot(version, state, shared);
    pinned.add(snapshot);
    return snapshot;
  }

  private synchronized void unpin(Snapshot snapshot) {
    if (!snapshot.released) {
      snapshot.released = true;
      pinned.remove(snapshot);
      // A snapshot not older than the published version held back no run (the publish prunes).
      if (snapshot.version < published || !keeping()) {
        prune();
      }
    }
  }

  /** How many snapshots are pinned now (for tests and diagnostics). */
  public synchronized int pinnedSnapshots() {
    return pinned.size();
  }

  /** How many bytes of undo runs are kept now, overheads included (for tests and diagnostics). */
  public synchronized long keptBytes() {
    return keptBytes;
  }

  private boolean keeping() {
    return concurrent || !pinned.isEmpty();
  }

  /** Drops the runs no snapshot needs; expires the oldest snapshots while past the limit. */
  private void prune() {
    long floor = published;
    for (Snapshot snapshot : pinned) {
      floor = Math.min(floor, snapshot.version);
    }
    if (!keeping()) {
      floor = written;
    }
    dropThrough(floor);
    while (keptBytes > retainedBytes) {
      Snapshot oldest = null;
      for (Snapshot snapshot : pinned) {
        if (snapshot.version < published && (oldest == null || snapshot.version < oldest.version)) {
          oldest = snapshot;
        }
      }
      if (oldest == null) {
        return;
      }
      oldest.expired = true;
      pinned.remove(oldest);
      floor = published;
      for (Snapshot snapshot : pinned) {
        floor = Math.min(floor, snapshot.version);
      }
      dropThrough(floor);
    }
  }

  /** Drops every run of a commit up to {@code commit}: no reader reads a version before it. */
  private void dropThrough(long commit) {
    while (orderStart < order.size() && order.get(orderStart).commit <= commit) {
      Run run = order.get(orderStart);
      order.set(orderStart++, null);
      RunList list = runs.get(run.page);
      list.runs[list.start++] = null;
      if (list.start == list.end) {
        runs.remove(run.page);
      }
      keptBytes -= run.old.length + RUN_OVERHEAD;
    }
    if (orderStart == order.size()) {
      order.clear();
      orderStart = 0;
    } else if (orderStart > 1024 && orderStart * 2 > order.size()) {
      order.subList(0, orderStart).clear();
      orderStart = 0;
    }
  }

  /**
   * Reads {@code block} of the snapshot's version; shares it with the other snapshots if that is
   * the published version (and there is room); null if the block is not wholly inside the provider.
   */
  private VersionBlocks.Entry loadBlock(Snapshot snapshot, long block) {
    long start = block << VersionBlocks.BLOCK_SHIFT;
    if (start > knownPages() * PAGE_SIZE - VersionBlocks.BLOCK_SIZE) {
      return null;
    }
    byte[] bytes = new byte[VersionBlocks.BLOCK_SIZE];
    readAt(snapshot, start, bytes, 0, bytes.length);
    return keep(snapshot.version, block, bytes);
  }

  private long knownPages() {
    long count = knownPages;
    return count >= 0 ? count : askPages();
  }

  private synchronized long askPages() {
    if (knownPages < 0) {
      knownPages = below.pages();
    }
    return knownPages;
  }

  private synchronized VersionBlocks.Entry keep(long version, long block, byte[] bytes) {
    VersionBlocks.Entry kept = blocks == null ? null : blocks.get(block);
    if (kept != null && kept.validAt(version)) {
      return kept;
    }
    VersionBlocks.Entry entry = new VersionBlocks.Entry(block, bytes, version);
    // A newer version's readers must not take it: it is shared only while its version is current.
    if (blocks != null && version == published) {
      blocks.put(entry);
    }
    return entry;
  }

  private void checkReadable(Snapshot snapshot) {
    if (snapshot.expired) {
      throw new MemoryException(
          "snapshot expired: the changes committed since version "
              + snapshot.version
              + " passed the retention limit of "
              + retainedBytes
              + " bytes; read again to see the current state");
    }
    if (snapshot.released) {
      throw new MemoryException("the snapshot is released");
    }
    if (snapshot.closedBelow) {
      throw closedException();
    }
  }

  /**
   * Reads the snapshot's content: the current bytes from below, then, under the monitor, the runs
   * of the commits after the snapshot laid back newest first. Reading below outside the monitor is
   * safe because a write keeps its run before it writes below (under the monitor) and each call
   * below is atomic: whatever writes the read below saw, their runs are all found afterwards (runs
   * newer than a pinned snapshot are never dropped while it is not expired, which is checked under
   * the monitor), and laying back every run newer than the snapshot, newest first, restores its
   * bytes whether the read saw a write or not. So a reader does not hold the monitor while the
   * provider below is busy (a checkpoint), and does not make the writer wait that long.
   */
  private void readAt(Snapshot snapshot, long offset, byte[] buffer, int bufferOffset, int length) {
    checkReadable(snapshot);
    below.read(offset, buffer, bufferOffset, length);
    layBack(snapshot, offset, buffer, bufferOffset, length);
  }

  private synchronized void layBack(
      Snapshot snapshot, long offset, byte[] buffer, int bufferOffset, int length) {
    checkReadable(snapshot);
    layBackRuns(snapshot.version, offset, buffer, bufferOffset, length);
  }

  /**
   * Lays back over bytes read below the runs of every commit after {@code version}, newest first.
   */
  private void layBackRuns(long version, long offset, byte[] buffer, int bufferOffset, int length) {
    if (runs.isEmpty()) {
      return;
    }
    long end = offset + length;
    for (long page = offset / PAGE_SIZE; page * PAGE_SIZE < end; page++) {
      RunList list = runs.get(page);
      if (list == null) {
        continue;
      }
      long pageStart = page * PAGE_SIZE;
      for (int i = list.end - 1; i >= list.start; i--) {
        Run run = list.runs[i];
        if (run.commit <= version) {
          break;
        }
        long from = Math.max(offset, pageStart + run.offset);
        long to = Math.min(end, pageStart + run.offset + run.old.length);
        if (from < to) {
          System.arraycopy(
              run.old,
              (int) (from - pageStart - run.offset),
              buffer,
              bufferOffset + (int) (from - offset),
              (int) (to - from));
        }
      }
    }
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
    // New pages read as zeros and no snapshot's structures reach them: nothing to keep.
    long before = below.grow(additionalPages);
    synchronized (this) {
      knownPages = before + additionalPages;
    }
    return before;
  }

  /** Reads the current content, the writer's own writes included. */
  @Override
  public void read(long offset, byte[] buffer, int bufferOffset, int length) {
    below.read(offset, buffer, bufferOffset, length);
  }

  @Override
  public synchronized void write(long offset, byte[] buffer, int bufferOffset, int length) {
    checkOpen();
    if (keeping()) {
      // Sizes only grow: a range inside a size seen once needs no synchronized call below.
      if (offset < 0 || length < 0 || offset + length > knownSize) {
        knownSize = below.size();
      }
      ProviderRanges.check(offset, buffer, bufferOffset, length, knownSize);
      long end = offset + length;
      long at = offset;
      while (at < end) {
        long page = at / PAGE_SIZE;
        int inPage = (int) (at - page * PAGE_SIZE);
        int chunk = (int) Math.min(end - at, PAGE_SIZE - inPage);
        keep(page, inPage, chunk, buffer, bufferOffset + (int) (at - offset));
        at += chunk;
      }
    }
    below.write(offset, buffer, bufferOffset, length);
  }

  /**
   * Keeps the content before this commit of the blocks that {@code length} bytes written at {@code
   * inPage} of {@code page} overlap, unless this commit kept them already (a snapshot needs only
   * their content before the commit's first write) or the write leaves them as they are.
   */
  private void keep(long page, int inPage, int length, byte[] buffer, int at) {
    long[] saved = savedBlocks(page);
    int last = (inPage + length - 1) / UNDO_BLOCK;
    for (int block = inPage / UNDO_BLOCK; block <= last; block++) {
      if (isSaved(saved, block)) {
        continue;
      }
      int stretchEnd = block;
      while (stretchEnd < last && !isSaved(saved, stretchEnd + 1)) {
        stretchEnd++;
      }
      int from = block * UNDO_BLOCK;
      int to = (stretchEnd + 1) * UNDO_BLOCK;
      byte[] old = new byte[to - from];
      below.read(page * PAGE_SIZE + from, old, 0, old.length);
      int writeFrom = Math.max(from, inPage);
      int writeTo = Math.min(to, inPage + length);
      if (!Arrays.equals(
          old,
          writeFrom - from,
          writeTo - from,
          buffer,
          at + writeFrom - inPage,
          at + writeTo - inPage)) {
        for (int b = block; b <= stretchEnd; b++) {
          saved[b >>> 6] |= 1L << b;
        }
        Run run = new Run(page, written + 1, from, old);
        RunList list = runs.get(page);
        if (list == null) {
          list = new RunList();
          runs.put(page, list);
        }
        list.add(run);
        order.add(run);
        keptBytes += old.length + RUN_OVERHEAD;
      }
      block = stretchEnd;
    }
  }

  /** The blocks of {@code page} whose content before the current commit is kept already. */
  private long[] savedBlocks(long page) {
    if (page == lastSavedPage && lastSaved != null) {
      return lastSaved;
    }
    long[] saved = savedThisCommit.get(page);
    if (saved == null) {
      saved = new long[PAGE_SIZE / UNDO_BLOCK / 64];
      savedThisCommit.put(page, saved);
    }
    lastSavedPage = page;
    lastSaved = saved;
    return saved;
  }

  private static boolean isSaved(long[] saved, int block) {
    return (saved[block >>> 6] & 1L << block) != 0;
  }

  /** Ends the current commit through the provider below ({@link MemoryProvider#commit()}). */
  @Override
  public void commit() {
    checkOpen();
    below.commit();
    ended();
  }

  /** Ends the current commit without waiting for durability; see {@link #finishCommits()}. */
  @Override
  public void commitWithoutSync() {
    checkOpen();
    below.commitWithoutSync();
    ended();
  }

  private synchronized void ended() {
    written++;
    savedThisCommit.clear();
    lastSaved = null;
    if (!keeping()) {
      dropThrough(written);
    }
  }

  @Override
  public void finishCommits() {
    checkOpen();
    below.finishCommits();
  }

  /** Ends the current commit (see {@link #commit()}) and syncs the provider below. */
  @Override
  public void sync() {
    commit();
    below.sync();
  }

  /** Closes the provider below; pinned snapshots fail from now on. Idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      synchronized (this) {
        // A snapshot pinned from now on fails at its pin (checkOpen).
        for (Snapshot snapshot : pinned) {
          snapshot.closedBelow = true;
        }
        runs.clear();
        order.clear();
        savedThisCommit.clear();
        lastSaved = null;
        blocks = null;
      }
      below.close();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw closedException();
    }
  }

  private static MemoryException closedException() {
    return new MemoryException("memory provider is closed");
  }
}
