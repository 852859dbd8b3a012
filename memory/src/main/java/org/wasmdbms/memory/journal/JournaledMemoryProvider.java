package org.wasmdbms.memory.journal;

import java.util.ArrayList;
import java.util.Arrays;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.memory.PageSpans;
import org.wasmdbms.memory.ProviderRanges;

/**
 * A crash-safe {@link MemoryProvider} made of two plain providers: the data (the database file) and
 * a write-ahead journal beside it. Writes become durable only together, at {@link #commit()}: a
 * commit that returned survives a crash or a power loss (in {@link Durability#RELAXED relaxed}
 * mode, once synced), and a commit that did not return leaves either nothing or everything of
 * itself. Guest-safe: it needs nothing from its two providers but the {@link MemoryProvider}
 * contract, so the WebAssembly guest gets the same protocol over WASI files.
 *
 * <p><b>Protocol</b> (the journal format is described in {@link JournalFile}; {@code
 * docs/durability.md} gives the reasoning):
 *
 * <ol>
 *   <li>Writes go to in-memory copies of the pages they touch (dirty pages), which remember the
 *       page's content before and which 256-byte blocks were written; the data file is never
 *       written with uncommitted bytes. Growth is applied to the data file at once (zero pages),
 *       but pages beyond the last checkpoint are never read from it, so a crash leaving them there,
 *       or leaving a torn partial page, is harmless.
 *   <li>{@link #commit()} appends one DELT record per changed page (the changed byte runs,
 *       checksummed) and a CMIT record in one write, then syncs the journal once (full mode): that
 *       sync is the commit point. Committed pages are kept in memory until the next checkpoint.
 *   <li>A checkpoint runs when the log passes {@link #checkpointThreshold(long, long) a threshold}
 *       and on {@link #close()}: it first appends the full image of every page it will overwrite in
 *       the data file (PAGE records, a double-write) and syncs the journal, so that a page torn by
 *       a crash has a base to rebuild from; then writes those pages into the data file, syncs it,
 *       starts a new generation in the other header slot, syncs, and writes the CRC32 of every data
 *       page (SUMS records), which the next journal sync makes durable: the first commit's (none is
 *       acknowledged before it), the interval's in relaxed mode, or close's.
 *   <li>Opening recovers: it reads the log of the active generation up to its first bad record (see
 *       {@link JournalScan}), rebuilds every page a commit changed (last PAGE image or data page,
 *       then the DELT runs), then checkpoints. Every data page is checked against its checksum the
 *       first time it is read.
 * </ol>
 *
 * <p>A failed commit or checkpoint leaves the provider unusable: every later call throws a {@link
 * MemoryException} asking to reopen, because the durable state is then unknown until recovery reads
 * it. Uncommitted writes are dropped by {@link #close()}. Dirty pages cost up to 128 KiB of memory
 * each, committed pages not yet checkpointed 64 KiB each (bounded by the checkpoint threshold).
 *
 * <p>Thread-safe: every method holds the provider's monitor, so a commit never interleaves with a
 * write or a read of the dirty pages it is writing out, except while the journal syncs after a
 * commit ({@link #syncCommits()}, {@link #finishCommits()}): that runs without it, so reads (and
 * the next commits' appends) go on meanwhile. A background thread may call {@link #syncCommits()}.
 */
public final class JournaledMemoryProvider implements MemoryProvider {
  /** The largest checkpoint threshold by default: 8 MiB. */
  public static final long DEFAULT_CHECKPOINT_BYTES = 8L << 20;

  /** The checkpoint threshold of a small database: 512 KiB. */
  public static final long MIN_CHECKPOINT_BYTES = 512L << 10;

  private static final long MAX_PAGES = Integer.MAX_VALUE;
  private static final byte[] ZERO_PAGE = new byte[PAGE_SIZE];

  /** Staged journal bytes past which a commit writes what it has staged so far: 1 MiB. */
  private static final int STAGED_BYTES = 1 << 20;

  /** How many spare 64 KiB buffers for the content before writes are kept between commits. */
  private static final int SPARE_BEFORE = 16;

  /**
   * A page written since the last commit. A page committed since the last checkpoint is changed in
   * place in its committed image ({@code shared}), so a commit copies no whole page; the content of
   * each written block before its first write is kept in {@code before}, for the commit's runs and
   * to undo the writes when they are dropped.
   */
  private static final class Dirty {
    final byte[] image;
    final boolean shared;

    /** Null when the page was all zeros (a page beyond the last checkpoint, never committed). */
    final byte[] before;

    final long[] blocks = new long[PageDelta.BITMAP_LONGS];

    Dirty(byte[] image, boolean shared, byte[] before) {
      this.image = image;
      this.shared = shared;
      this.before = before;
    }

    /** Copies {@code buffer[at, at + length)} to {@code inPage}, keeping what it overwrites. */
    void write(int inPage, byte[] buffer, int at, int length) {
      int last = (inPage + length - 1) / PageDelta.BLOCK;
      for (int block = inPage / PageDelta.BLOCK; block <= last; block++) {
        long bit = 1L << block;
        if ((blocks[block >>> 6] & bit) == 0) {
          blocks[block >>> 6] |= bit;
          if (before != null) {
            int from = block * PageDelta.BLOCK;
            System.arraycopy(image, from, before, from, PageDelta.BLOCK);
          }
        }
      }
      System.arraycopy(buffer, at, image, inPage, length);
    }

    /** Puts back what the writes overwrote. */
    void undo() {
      for (int block = 0; block < PAGE_SIZE / PageDelta.BLOCK; block++) {
        if ((blocks[block >>> 6] & 1L << block) != 0) {
          int from = block * PageDelta.BLOCK;
          System.arraycopy(before, from, image, from, PageDelta.BLOCK);
        }
      }
    }
  }

  private final MemoryProvider data;
  private final JournalFile journal;
  private final JournalOptions options;
  private final PageMap<Dirty> dirty = new PageMap<>();
  private final ArrayList<byte[]> spareBefore = new ArrayList<>();
  private PageMap<byte[]> committed = new PageMap<>();
  private final CleanImages clean = new CleanImages();
  private byte[] deltaBuffer = new byte[0];
  private PageChecksums sums;
  private long dataPages;
  private long committedPages;
  private long pages;
  private long overwrittenPages;
  private long generation;
  private int activeSlot;
  private long sequence;
  private long syncedSequence;
  private long lastSyncMillis;
  private long appendOffset;
  private long syncs;
  // Commits appended and synced since opening: unlike the sequence, never reset by a checkpoint.
  private long appendedCommits;
  private long syncedCommits;
  private String failure;
  private boolean closed;
  // The current generation's SUMS records are written and no journal sync has followed them yet.
  private boolean unsyncedSums;

  private JournaledMemoryProvider(
      MemoryProvider data,
      JournalFile journal,
      JournalOptions options,
      JournalScan scan,
      int slot) {
    this.data = data;
    this.journal = journal;
    this.options = options;
    this.dataPages = scan.dataPages();
    this.committedPages = scan.pages();
    this.pages = scan.pages();
    this.generation = scan.generation();
    this.sequence = scan.commits();
    this.syncedSequence = scan.commits();
    this.appendOffset = scan.end();
    this.activeSlot = slot;
  }

  /**
   * Opens the database held by {@code data} and {@code journal} with the {@link
   * JournalOptions#DEFAULT default options}. See {@link #open(MemoryProvider, MemoryProvider,
   * JournalOptions)}.
   */
  public static JournaledMemoryProvider open(MemoryProvider data, MemoryProvider journal) {
    return open(data, journal, JournalOptions.DEFAULT);
  }

  /**
   * Opens the database in full durability with the checkpoint threshold {@code checkpointBytes}.
   * See {@link #open(MemoryProvider, MemoryProvider, JournalOptions)}.
   */
  public static JournaledMemoryProvider open(
      MemoryProvider data, MemoryProvider journal, long checkpointBytes) {
    JournalOptions options;
    try {
      options = JournalOptions.DEFAULT.withCheckpointBytes(checkpointBytes);
    } catch (MemoryException e) {
      closeQuietly(data);
      closeQuietly(journal);
      throw e;
    }
    return open(data, journal, options);
  }

  /**
   * Opens the database held by {@code data} and {@code journal}: an empty journal is created (over
   * an empty or an existing data file); otherwise every commit the journal holds is written to the
   * data file, and a journal of an older format version is upgraded. The new provider owns both
   * providers; if opening fails it closes them.
   *
   * @throws MemoryException if the data file is shorter than the journal's last checkpoint left it,
   *     the journal is foreign, newer or damaged beyond a torn tail, or an I/O call fails
   */
  public static JournaledMemoryProvider open(
      MemoryProvider data, MemoryProvider journal, JournalOptions options) {
    try {
      if (options.durability() == Durability.RELAXED && options.clock() == null) {
        throw new MemoryException("relaxed durability needs a clock");
      }
      JournalFile file = new JournalFile(journal);
      JournalFile.Header header = file.readActiveHeader();
      JournalScan scan =
          header == null ? JournalScan.empty(data.pages()) : JournalScan.read(file, header);
      if (data.pages() < scan.dataPages()) {
        throw new MemoryException(
            "data file is truncated: it has "
                + data.pages()
                + " pages, the last checkpoint left "
                + scan.dataPages());
      }
      int slot = header == null ? 1 : header.slot();
      JournaledMemoryProvider provider =
          new JournaledMemoryProvider(data, file, options, scan, slot);
      provider.sums =
          scan.sums() == null ? provider.checksumDataFile() : new PageChecksums(scan.sums());
      provider.rebuild(scan.logs());
      provider.lastSyncMillis = provider.now();
      if (scan.tailEnd() > scan.end()) {
        // Records of a commit that never completed lie past the log's end; the next records
        // written there must not be read together with them after another crash.
        file.erase(scan.end(), scan.tailEnd());
        provider.syncJournal();
      }
      provider.checkpoint();
      return provider;
    } catch (MemoryException e) {
      closeQuietly(data);
      closeQuietly(journal);
      throw e;
    }
  }

  private static void closeQuietly(MemoryProvider provider) {
    try {
      provider.close();
    } catch (MemoryException ignored) {
      // The open already failed; that failure is the one reported.
    }
  }

  /** Computes the checksum of every data page, trusting the data file (synced by a checkpoint). */
  private PageChecksums checksumDataFile() {
    int[] computed = new int[(int) dataPages];
    byte[] page = new byte[PAGE_SIZE];
    for (int p = 0; p < computed.length; p++) {
      data.read((long) p * PAGE_SIZE, page);
      computed[p] = JournalFile.pageChecksum(page);
    }
    return new PageChecksums(computed);
  }

  /** Rebuilds the committed content of every page the log changed. */
  private void rebuild(PageMap<JournalScan.PageLog> logs) {
    for (long page : logs.sortedKeys()) {
      JournalScan.PageLog log = logs.get(page);
      byte[] image = new byte[PAGE_SIZE];
      if (log.imageOffset >= 0) {
        journal.readImage(log.imageOffset, image);
      } else if (page < dataPages) {
        verifyDataPage(page);
        data.read(page * PAGE_SIZE, image);
      }
      for (byte[] delta : log.deltas) {
        PageDelta.apply(delta, image);
      }
      putCommitted(page, image);
    }
  }

  private void putCommitted(long page, byte[] image) {
    if (page < dataPages && !committed.containsKey(page)) {
      overwrittenPages++;
    }
    committed.put(page, image);
  }

  @Override
  public long size() {
    return pages() * PAGE_SIZE;
  }

  @Override
  public synchronized long pages() {
    checkUsable();
    return pages;
  }

  @Override
  public synchronized long grow(long additionalPages) {
    checkUsable();
    ProviderRanges.checkGrowth(pages, additionalPages, MAX_PAGES);
    long missing = pages + additionalPages - data.pages();
    if (missing > 0) {
      data.grow(missing);
    }
    long before = pages;
    pages += additionalPages;
    return before;
  }

  @Override
  public synchronized void read(long offset, byte[] buffer, int bufferOffset, int length) {
    checkUsable();
    ProviderRanges.check(offset, buffer, bufferOffset, length, pages * PAGE_SIZE);
    long page = offset / PAGE_SIZE;
    int inPage = (int) (offset % PAGE_SIZE);
    if (inPage + length <= PAGE_SIZE) {
      verifyDataPage(page);
      readPart(page, inPage, buffer, bufferOffset, length);
      return;
    }
    PageSpans.forEach(offset, length, (p, in, done, chunk) -> verifyDataPage(p));
    PageSpans.forEach(
        offset,
        length,
        (p, in, done, chunk) -> readPart(p, in, buffer, bufferOffset + done, chunk));
  }

  @Override
  public synchronized void write(long offset, byte[] buffer, int bufferOffset, int length) {
    checkUsable();
    ProviderRanges.check(offset, buffer, bufferOffset, length, pages * PAGE_SIZE);
    long page = offset / PAGE_SIZE;
    int inPage = (int) (offset % PAGE_SIZE);
    if (inPage + length <= PAGE_SIZE) {
      writePart(dirtyPage(page), inPage, buffer, bufferOffset, length);
      return;
    }
    PageSpans.forEach(offset, length, (p, in, done, chunk) -> dirtyPage(p));
    PageSpans.forEach(
        offset,
        length,
        (p, in, done, chunk) -> writePart(dirty.get(p), in, buffer, bufferOffset + done, chunk));
  }

  private static void writePart(Dirty page, int inPage, byte[] buffer, int at, int length) {
    if (length > 0) {
      page.write(inPage, buffer, at, length);
    }
  }

  private Dirty dirtyPage(long page) {
    Dirty entry = dirty.get(page);
    if (entry == null) {
      byte[] image = committed.get(page);
      if (image == null && page >= dataPages) {
        // Zeros before: nothing to keep, which matters for the many new pages of a big transaction.
        entry = new Dirty(new byte[PAGE_SIZE], false, null);
      } else {
        byte[] before =
            spareBefore.isEmpty()
                ? new byte[PAGE_SIZE]
                : spareBefore.remove(spareBefore.size() - 1);
        if (image != null) {
          entry = new Dirty(image, true, before);
        } else {
          image = clean.take(page);
          if (image == null) {
            verifyDataPage(page);
            image = new byte[PAGE_SIZE];
            readPart(page, 0, image, 0, PAGE_SIZE);
          }
          entry = new Dirty(image, false, before);
        }
      }
      dirty.put(page, entry);
    }
    return entry;
  }

  /** Forgets the pages written since the last commit, putting back what they overwrote. */
  private void dropDirty(boolean undo) {
    for (long page : dirty.sortedKeys()) {
      Dirty entry = dirty.get(page);
      if (undo && entry.shared) {
        entry.undo();
      }
      if (entry.before != null && spareBefore.size() < SPARE_BEFORE) {
        spareBefore.add(entry.before);
      }
    }
    dirty.clear();
  }

  /** Checks a page that will be read from the data file against its checksum, once per session. */
  private void verifyDataPage(long page) {
    if (page >= dataPages
        || sums.isVerified(page)
        || dirty.containsKey(page)
        || committed.containsKey(page)) {
      return;
    }
    byte[] image = new byte[PAGE_SIZE];
    data.read(page * PAGE_SIZE, image);
    if (JournalFile.pageChecksum(image) != sums.expected(page)) {
      throw new MemoryException(
          "data page " + page + " fails its checksum: the database file is corrupt");
    }
    sums.markVerified(page);
  }

  /** Copies part of a page's current content: dirty, else committed, else data, else zeros. */
  private void readPart(long page, int inPage, byte[] buffer, int at, int length) {
    Dirty changed = dirty.get(page);
    byte[] image = changed != null ? changed.image : committed.get(page);
    if (image != null) {
      System.arraycopy(image, inPage, buffer, at, length);
    } else if (page < dataPages) {
      data.read(page * PAGE_SIZE + inPage, buffer, at, length);
    } else {
      Arrays.fill(buffer, at, at + length, (byte) 0);
    }
  }

  /**
   * Makes every write since the previous commit durable, all of them or none: appends their changed
   * bytes to the journal in one write and, in full mode, syncs it once ({@link
   * #commitWithoutSync()}, then {@link #finishCommits()}). Does nothing when nothing was written.
   *
   * @throws MemoryException if the journal cannot be written or synced; the provider is then
   *     unusable until reopened
   */
  @Override
  public void commit() {
    commitWithoutSync();
    finishCommits();
  }

  /**
   * Appends the writes since the previous commit to the journal (one DELT record per changed page
   * and a CMIT record, in one write) without syncing it in full mode: the commit is durable once
   * {@link #finishCommits()} returns, and one sync there serves every commit appended before it. In
   * relaxed mode it syncs when the interval has passed, as {@link #commit()} does. A checkpoint
   * that follows syncs everything.
   *
   * @throws MemoryException if the journal cannot be written; the provider is then unusable until
   *     reopened
   */
  @Override
  public synchronized void commitWithoutSync() {
    checkUsable();
    if (dirty.isEmpty() && pages == committedPages) {
      return;
    }
    try {
      long commitSequence = sequence + 1;
      long[] changed = dirty.sortedKeys();
      boolean[] modified = new boolean[changed.length];
      int records = 0;
      long offset = appendOffset;
      for (int i = 0; i < changed.length; i++) {
        long page = changed[i];
        Dirty entry = dirty.get(page);
        if (deltaBuffer.length < PageDelta.maxLength()) {
          deltaBuffer = new byte[PageDelta.maxLength()];
        }
        int length = PageDelta.encode(entry.before, entry.image, entry.blocks, deltaBuffer, 0);
        modified[i] = length > 0;
        if (length > 0) {
          journal.stage(
              JournalFile.TAG_DELTA,
              generation,
              commitSequence,
              page,
              length,
              deltaBuffer,
              0,
              length);
          records++;
          if (journal.stagedBytes() > STAGED_BYTES) {
            // A big transaction is written in pieces, so its runs are never all in memory twice.
            offset = journal.writeStaged(offset);
          }
        }
      }
      journal.stageCommit(generation, commitSequence, pages, records, syncedSequence);
      long end = journal.writeStaged(offset);
      for (int i = 0; i < changed.length; i++) {
        Dirty entry = dirty.get(changed[i]);
        if (modified[i] && !entry.shared) {
          putCommitted(changed[i], entry.image);
        } else if (!entry.shared && entry.before != null) {
          clean.keep(changed[i], entry.image);
        }
      }
      committedPages = pages;
      sequence = commitSequence;
      appendedCommits++;
      appendOffset = end;
      dropDirty(false);
      if (options.durability() == Durability.RELAXED
          && now() - lastSyncMillis >= options.syncIntervalMillis()) {
        syncJournal();
        syncedSequence = commitSequence;
        syncedCommits = appendedCommits;
      }
      if (Math.max(appendOffset - JournalFile.RECORDS_START, overwrittenPages * PAGE_SIZE)
          > checkpointThreshold(options.checkpointBytes(), dataPages)) {
        checkpoint();
      }
    } catch (MemoryException e) {
      failure = e.detail();
      throw e;
    }
  }

  /**
   * In full mode, syncs the journal unless every commit appended so far is synced (see {@link
   * #syncCommits()}); in relaxed mode does nothing, the interval rules.
   */
  @Override
  public void finishCommits() {
    if (options.durability() == Durability.FULL) {
      syncCommits();
    }
  }

  /**
   * The size past which the log, or the full images the checkpoint will write of the pages it
   * overwrites, make a commit be followed by a checkpoint: half the data file, at least {@link
   * #MIN_CHECKPOINT_BYTES}, at most {@code checkpointBytes}. So the journal, which holds both,
   * stays below about twice that, plus one commit and the SUMS records (4 bytes per data page); and
   * the committed pages kept in memory until the checkpoint stay below it.
   */
  public static long checkpointThreshold(long checkpointBytes, long dataPages) {
    return Math.min(checkpointBytes, Math.max(MIN_CHECKPOINT_BYTES, dataPages * PAGE_SIZE / 2));
  }

  /**
   * Commits every write so far (see {@link #commit()}) and makes every commit durable: in relaxed
   * mode, syncs the journal if a commit is not synced yet.
   */
  @Override
  public void sync() {
    commit();
    syncCommits();
  }

  /**
   * Syncs the journal if a commit written to it is not synced yet; does not commit pending writes.
   * The sync runs without the provider's monitor, so reads, writes and further appends go on while
   * the disk works; it covers every commit appended before it started. For a background thread that
   * bounds how long a commit stays unsynced (relaxed mode), and for group commit.
   *
   * @throws MemoryException if the sync fails; the provider is then unusable until reopened
   */
  public void syncCommits() {
    long target;
    long targetSequence;
    long targetGeneration;
    synchronized (this) {
      checkUsable();
      if (syncedCommits == appendedCommits) {
        return;
      }
      target = appendedCommits;
      targetSequence = sequence;
      targetGeneration = generation;
    }
    try {
      journal.provider().sync();
    } catch (MemoryException e) {
      synchronized (this) {
        failure = e.detail();
      }
      throw e;
    }
    synchronized (this) {
      syncs++;
      lastSyncMillis = now();
      if (generation == targetGeneration) {
        unsyncedSums = false; // written by the checkpoint that began this generation, before
      }
      if (target > syncedCommits) {
        syncedCommits = target;
        if (generation == targetGeneration && targetSequence > syncedSequence) {
          syncedSequence = targetSequence;
        }
      }
    }
  }

  /**
   * Whether a commit has waited longer than the sync interval to be synced (relaxed mode).
   *
   * @throws MemoryException if the provider is closed or failed
   */
  public synchronized boolean syncDue() {
    checkUsable();
    return syncedSequence != sequence && now() - lastSyncMillis >= options.syncIntervalMillis();
  }

  /** How many times this provider has synced its journal since it was opened (for tests). */
  public synchronized long journalSyncs() {
    return syncs;
  }

  private void syncJournal() {
    journal.provider().sync();
    unsyncedSums = false;
    syncs++;
    lastSyncMillis = now();
  }

  private long now() {
    return options.durability() == Durability.RELAXED ? options.clock().getAsLong() : 0;
  }

  /**
   * Writes the full image of every committed page that the data file holds an older version of to
   * the journal and syncs it (the double-write); then copies every committed page into the data
   * file, syncs it, and starts a new journal generation whose log holds the checksums of all data
   * pages.
   */
  private void checkpoint() {
    try {
      long[] changed = committed.sortedKeys();
      if (overwrittenPages > 0) {
        long doubleWrite = sequence + 1;
        long offset = appendOffset;
        for (long page : changed) {
          if (page < dataPages) {
            offset =
                journal.writeRecord(
                    offset,
                    JournalFile.TAG_PAGE,
                    generation,
                    doubleWrite,
                    page,
                    0,
                    committed.get(page));
          }
        }
        journal.stageCommit(
            generation, doubleWrite, committedPages, overwrittenPages, syncedSequence);
        appendOffset = journal.writeStaged(offset);
        sequence = doubleWrite;
      }
      if (syncedSequence != sequence) {
        syncJournal();
        syncedSequence = sequence;
      }
      syncedCommits = appendedCommits;
      if (data.pages() < committedPages) {
        data.grow(committedPages - data.pages());
      }
      for (long page : changed) {
        writeDataPage(page, committed.get(page));
      }
      for (long p = dataPages; p < committedPages; p++) {
        if (!committed.containsKey(p)) {
          writeDataPage(p, ZERO_PAGE);
        }
      }
      data.sync();
      dataPages = committedPages;
      committed = new PageMap<>();
      overwrittenPages = 0;
      sequence = 0;
      syncedSequence = 0;
      generation++;
      int slot = 1 - activeSlot;
      journal.writeHeader(slot, generation, dataPages);
      syncJournal();
      activeSlot = slot;
      long offset = JournalFile.RECORDS_START;
      for (int from = 0; from < dataPages; from += JournalFile.SUMS_PER_RECORD) {
        int count = (int) Math.min(JournalFile.SUMS_PER_RECORD, dataPages - from);
        offset =
            journal.writeRecord(
                offset,
                JournalFile.TAG_SUMS,
                generation,
                0,
                from,
                count,
                sums.payload(from, count));
      }
      // Not synced here: the next journal sync (a commit's, the interval's or close's) covers them.
      // Recovery recomputes checksums that a crash left incomplete from the data file, which the
      // data sync above made durable, and no commit is acknowledged before a sync covering them.
      unsyncedSums = true;
      appendOffset = offset;
    } catch (MemoryException e) {
      failure = e.detail();
      throw e;
    }
  }

  private void writeDataPage(long page, byte[] image) {
    data.write(page * PAGE_SIZE, image);
    sums.set(page, JournalFile.pageChecksum(image));
  }

  /**
   * Drops uncommitted writes, checkpoints if commits are still only in the journal (so the next
   * open has nothing to recover, and relaxed commits are synced), and closes both providers.
   * Idempotent.
   *
   * @throws MemoryException if the checkpoint or a close fails; both providers are closed anyway
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    dropDirty(true);
    clean.clear();
    MemoryException error = null;
    try {
      if (failure == null && (!committed.isEmpty() || committedPages != dataPages)) {
        checkpoint();
      }
      if (failure == null && (syncedSequence != sequence || unsyncedSums)) {
        syncJournal();
      }
    } catch (MemoryException e) {
      error = e;
    }
    try {
      data.close();
    } catch (MemoryException e) {
      error = error == null ? e : error;
    }
    try {
      journal.provider().close();
    } catch (MemoryException e) {
      error = error == null ? e : error;
    }
    if (error != null) {
      throw error;
    }
  }

  private void checkUsable() {
    if (closed) {
      throw new MemoryException("memory provider is closed");
    }
    if (failure != null) {
      throw new MemoryException(
          "an earlier commit failed (" + failure + "); reopen the database to recover");
    }
  }
}
