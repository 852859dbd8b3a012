package org.wasmdbms.memory.journal;

import java.util.TreeMap;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.page.LittleEndian;

/**
 * What recovery reads from the journal when a database is opened: the checksums of the data pages
 * as of the last checkpoint, and the newest image of every page that a commit since then wrote.
 *
 * <p>The log is read record by record while each one is whole, of the active generation, and in
 * order (all SUMS records first, then PAGE records and a CMIT per commit, with sequence numbers 1,
 * 2, ...). The first record that fails is the end of the log: the torn tail of a commit that was
 * never acknowledged, whose PAGE records are ignored. Two situations are reported as damage rather
 * than taken for such a tail, because a crash cannot produce them: an intact record of a later
 * commit beyond the end, and a record newer than the active header.
 */
final class JournalScan {
  private final long generation;
  private final long dataPages;
  private final int[] sums;
  private final TreeMap<Long, Long> images = new TreeMap<>();
  private long pages;

  private JournalScan(long generation, long dataPages, int[] sums) {
    this.generation = generation;
    this.dataPages = dataPages;
    this.sums = sums;
    this.pages = dataPages;
  }

  /** The scan of a journal that holds nothing yet, beside a data file of {@code dataPages}. */
  static JournalScan empty(long dataPages) {
    return new JournalScan(0, dataPages, null);
  }

  /**
   * Reads the log of {@code file} under its active {@code header}.
   *
   * @throws MemoryException if the log is damaged in a way a crash cannot explain
   */
  static JournalScan read(JournalFile file, JournalFile.Header header) {
    long generation = header.generation();
    if (header.dataPages() > Integer.MAX_VALUE) {
      throw new MemoryException("journal header names " + header.dataPages() + " data pages");
    }
    int dataPages = (int) header.dataPages();
    JournalFile.Record first = file.readRecord(JournalFile.RECORDS_START, generation + 1);
    if (first != null) {
      throw new MemoryException(
          "journal is damaged: its log is newer than its header (generation " + generation + ")");
    }
    int[] sums = new int[dataPages];
    JournalScan scan = new JournalScan(generation, dataPages, sums);
    long offset = JournalFile.RECORDS_START;
    long summed = 0;
    long committed = 0;
    TreeMap<Long, Long> pending = new TreeMap<>();
    long pendingRecords = 0;
    while (true) {
      JournalFile.Record record = file.readRecord(offset, generation);
      if (record == null) {
        break;
      }
      if (record.tag() == JournalFile.TAG_SUMS) {
        if (summed == dataPages || record.a() != summed || record.b() > dataPages - summed) {
          break;
        }
        for (int i = 0; i < record.b(); i++) {
          sums[(int) summed + i] = LittleEndian.getInt(record.payload(), 4 * i);
        }
        summed += record.b();
      } else if (summed < dataPages || record.sequence() != committed + 1) {
        break;
      } else if (record.tag() == JournalFile.TAG_PAGE) {
        pending.put(record.a(), record.payloadOffset());
        pendingRecords++;
      } else {
        scan.checkCommit(record, pending, pendingRecords);
        scan.images.putAll(pending);
        scan.pages = record.a();
        pending.clear();
        pendingRecords = 0;
        committed++;
      }
      offset = record.end();
    }
    long inFlight = summed < dataPages ? 0 : committed + 1;
    if (file.laterRecordExists(offset, generation, inFlight + 1)) {
      throw new MemoryException(
          "journal is damaged at offset "
              + offset
              + ": intact commits follow a record that fails its checksum");
    }
    return summed < dataPages ? new JournalScan(generation, dataPages, null) : scan;
  }

  /** A CMIT whose checksum holds but whose content contradicts the log is damage, not a tail. */
  private void checkCommit(
      JournalFile.Record commit, TreeMap<Long, Long> pending, long pendingRecords) {
    long pageCount = commit.a();
    boolean pagesValid =
        pending.isEmpty() || (pending.firstKey() >= 0 && pending.lastKey() < pageCount);
    if (commit.b() != pendingRecords
        || pageCount < pages
        || pageCount > Integer.MAX_VALUE
        || !pagesValid) {
      throw new MemoryException(
          "journal is damaged: commit " + commit.sequence() + " contradicts its page records");
    }
  }

  /** The active generation; 0 for a journal that holds nothing. */
  long generation() {
    return generation;
  }

  /** The data file's page count at the last checkpoint. */
  long dataPages() {
    return dataPages;
  }

  /**
   * The checksums of data pages {@code [0, dataPages())}, or null if the checkpoint that wrote them
   * did not finish (the data file was synced before it began, so they can be computed again).
   */
  int[] sums() {
    return sums;
  }

  /** Page id to journal offset of the newest committed image of that page. */
  TreeMap<Long, Long> images() {
    return images;
  }

  /** The page count after the last complete commit. */
  long pages() {
    return pages;
  }
}
