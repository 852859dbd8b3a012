package org.wasmdbms.memory.journal;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.memory.PageSpans;
import org.wasmdbms.memory.ProviderRanges;

/**
 * A crash-safe {@link MemoryProvider} made of two plain providers: the data (the database file) and
 * a write-ahead journal beside it. Writes become durable only together, at {@link #commit()}: a
 * commit that returned survives a crash or a power loss, and a commit that did not return leaves
 * either nothing or everything of itself. Guest-safe: it needs nothing from its two providers but
 * the {@link MemoryProvider} contract, so the WebAssembly guest gets the same protocol over WASI
 * files.
 *
 * <p><b>Protocol</b> (the journal format is described in {@link JournalFile}; {@code
 * docs/durability.md} gives the reasoning):
 *
 * <ol>
 *   <li>Writes go to in-memory copies of the pages they touch (dirty pages); the data file is never
 *       written with uncommitted bytes. Growth is applied to the data file at once (zero pages),
 *       but pages beyond the last checkpoint are never read from it, so a crash leaving them there,
 *       or leaving a torn partial page, is harmless.
 *   <li>{@link #commit()} appends one PAGE record per dirty page (its whole image, checksummed) and
 *       a CMIT record, then syncs the journal once: that sync is the commit point.
 *   <li>Committed pages are read from the journal until a checkpoint, which runs when the log
 *       passes a size threshold and on {@link #close()}: it writes the newest image of every
 *       journaled page into the data file, syncs the data, starts a new generation in the other
 *       header slot, syncs, writes the CRC32 of every data page (SUMS records) and syncs again.
 *   <li>Opening recovers: it reads the log of the active generation up to its first bad record (see
 *       {@link JournalScan}), then checkpoints, so the committed images reach the data file. Every
 *       data page is checked against its checksum the first time it is read.
 * </ol>
 *
 * <p>A failed commit or checkpoint leaves the provider unusable: every later call throws a {@link
 * MemoryException} asking to reopen, because the durable state is then unknown until recovery reads
 * it. Uncommitted writes are dropped by {@link #close()}. The dirty pages of one commit are held in
 * memory, 64 KiB each.
 *
 * <p>Thread-safe: every method holds the provider's monitor, so a commit never interleaves with a
 * write or a read of the dirty pages it is writing out.
 */
public final class JournaledMemoryProvider implements MemoryProvider {
  /** The log size after which a commit is followed by a checkpoint: 8 MiB. */
  public static final long DEFAULT_CHECKPOINT_BYTES = 8L << 20;

  private static final long MAX_PAGES = Integer.MAX_VALUE;
  private static final byte[] ZERO_PAGE = new byte[PAGE_SIZE];
  private static final byte[] NO_PAYLOAD = new byte[0];

  private final MemoryProvider data;
  private final JournalFile journal;
  private final long checkpointBytes;
  private final TreeMap<Long, byte[]> dirty = new TreeMap<>();
  private TreeMap<Long, Long> images;
  private PageChecksums sums;
  private long dataPages;
  private long committedPages;
  private long pages;
  private long generation;
  private int activeSlot;
  private long sequence;
  private long appendOffset;
  private String failure;
  private boolean closed;

  private JournaledMemoryProvider(
      MemoryProvider data, JournalFile journal, long checkpointBytes, JournalScan scan, int slot) {
    this.data = data;
    this.journal = journal;
    this.checkpointBytes = checkpointBytes;
    this.images = scan.images();
    this.dataPages = scan.dataPages();
    this.committedPages = scan.pages();
    this.pages = scan.pages();
    this.generation = scan.generation();
    this.activeSlot = slot;
  }

  /**
   * Opens the database held by {@code data} and {@code journal}, recovering from a crash if the
   * journal holds commits, with the {@link #DEFAULT_CHECKPOINT_BYTES default} checkpoint threshold.
   * See {@link #open(MemoryProvider, MemoryProvider, long)}.
   */
  public static JournaledMemoryProvider open(MemoryProvider data, MemoryProvider journal) {
    return open(data, journal, DEFAULT_CHECKPOINT_BYTES);
  }

  /**
   * Opens the database held by {@code data} and {@code journal}: an empty journal is created (over
   * an empty or an existing data file); otherwise every commit the journal holds is written to the
   * data file. The new provider owns both providers; if opening fails it closes them.
   *
   * @param checkpointBytes log size in bytes past which a commit triggers a checkpoint; at least 0
   * @throws MemoryException if the data file is shorter than the journal's last checkpoint left it,
   *     the journal is foreign, newer or damaged beyond a torn tail, or an I/O call fails
   */
  public static JournaledMemoryProvider open(
      MemoryProvider data, MemoryProvider journal, long checkpointBytes) {
    try {
      if (checkpointBytes < 0) {
        throw new MemoryException("negative checkpoint threshold: " + checkpointBytes);
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
          new JournaledMemoryProvider(data, file, checkpointBytes, scan, slot);
      provider.sums =
          scan.sums() == null ? provider.checksumDataFile() : new PageChecksums(scan.sums());
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
    PageSpans.forEach(offset, length, (page, inPage, done, chunk) -> verifyDataPage(page));
    PageSpans.forEach(
        offset,
        length,
        (page, inPage, done, chunk) -> readPart(page, inPage, buffer, bufferOffset + done, chunk));
  }

  @Override
  public synchronized void write(long offset, byte[] buffer, int bufferOffset, int length) {
    checkUsable();
    ProviderRanges.check(offset, buffer, bufferOffset, length, pages * PAGE_SIZE);
    PageSpans.forEach(offset, length, (page, inPage, done, chunk) -> dirtyImage(page));
    PageSpans.forEach(
        offset,
        length,
        (page, inPage, done, chunk) ->
            System.arraycopy(buffer, bufferOffset + done, dirty.get(page), inPage, chunk));
  }

  private byte[] dirtyImage(long page) {
    byte[] image = dirty.get(page);
    if (image == null) {
      verifyDataPage(page);
      image = new byte[PAGE_SIZE];
      readPart(page, 0, image, 0, PAGE_SIZE);
      dirty.put(page, image);
    }
    return image;
  }

  /** Checks a page that will be read from the data file against its checksum, once per session. */
  private void verifyDataPage(long page) {
    if (page >= dataPages
        || sums.isVerified(page)
        || dirty.containsKey(page)
        || images.containsKey(page)) {
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

  /** Copies part of a page's current content: dirty, else committed in the journal, else data. */
  private void readPart(long page, int inPage, byte[] buffer, int at, int length) {
    byte[] image = dirty.get(page);
    Long imageOffset = images.get(page);
    if (image != null) {
      System.arraycopy(image, inPage, buffer, at, length);
    } else if (imageOffset != null) {
      journal.provider().read(imageOffset + inPage, buffer, at, length);
    } else if (page < dataPages) {
      data.read(page * PAGE_SIZE + inPage, buffer, at, length);
    } else {
      Arrays.fill(buffer, at, at + length, (byte) 0);
    }
  }

  /**
   * Makes every write since the previous commit durable, all of them or none: appends their pages
   * to the journal and syncs it once. Does nothing when nothing was written.
   *
   * @throws MemoryException if the journal cannot be written or synced; the provider is then
   *     unusable until reopened
   */
  @Override
  public synchronized void commit() {
    checkUsable();
    if (dirty.isEmpty() && pages == committedPages) {
      return;
    }
    try {
      long commitSequence = sequence + 1;
      long offset = appendOffset;
      TreeMap<Long, Long> written = new TreeMap<>();
      for (Map.Entry<Long, byte[]> entry : dirty.entrySet()) {
        written.put(entry.getKey(), offset + JournalFile.RECORD_HEADER);
        offset =
            journal.writeRecord(
                offset,
                JournalFile.TAG_PAGE,
                generation,
                commitSequence,
                entry.getKey(),
                0,
                entry.getValue());
      }
      offset =
          journal.writeRecord(
              offset,
              JournalFile.TAG_COMMIT,
              generation,
              commitSequence,
              pages,
              dirty.size(),
              NO_PAYLOAD);
      journal.provider().sync();
      images.putAll(written);
      committedPages = pages;
      sequence = commitSequence;
      appendOffset = offset;
      dirty.clear();
      if (appendOffset - JournalFile.RECORDS_START > checkpointBytes) {
        checkpoint();
      }
    } catch (MemoryException e) {
      failure = e.detail();
      throw e;
    }
  }

  /** The same as {@link #commit()}: making writes durable means committing them. */
  @Override
  public synchronized void sync() {
    commit();
  }

  /**
   * Copies every journaled image into the data file, syncs it, and starts a new journal generation
   * whose log holds the checksums of all data pages.
   */
  private void checkpoint() {
    try {
      if (data.pages() < committedPages) {
        data.grow(committedPages - data.pages());
      }
      byte[] page = new byte[PAGE_SIZE];
      for (Map.Entry<Long, Long> entry : images.entrySet()) {
        journal.readImage(entry.getValue(), page);
        writeDataPage(entry.getKey(), page);
      }
      for (long p = dataPages; p < committedPages; p++) {
        if (!images.containsKey(p)) {
          writeDataPage(p, ZERO_PAGE);
        }
      }
      data.sync();
      dataPages = committedPages;
      images = new TreeMap<>();
      sequence = 0;
      generation++;
      int slot = 1 - activeSlot;
      journal.writeHeader(slot, generation, dataPages);
      journal.provider().sync();
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
      journal.provider().sync();
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
   * open has nothing to recover), and closes both providers. Idempotent.
   *
   * @throws MemoryException if the checkpoint or a close fails; both providers are closed anyway
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    dirty.clear();
    MemoryException error = null;
    if (failure == null && (!images.isEmpty() || committedPages != dataPages)) {
      try {
        checkpoint();
      } catch (MemoryException e) {
        error = e;
      }
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
