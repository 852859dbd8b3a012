package org.wasmdbms.memory.journal;

import java.util.ArrayList;
import java.util.List;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.page.LittleEndian;

/**
 * What recovery reads from the journal when a database is opened: the checksums of the data pages
 * as of the last checkpoint, and for every page that a commit since then changed, how to rebuild
 * its newest committed content (see {@link PageLog}).
 *
 * <p>The log is read record by record while each one is whole, of the active generation, and in
 * order (all SUMS records first, then PAGE and DELT records and a CMIT per commit, with sequence
 * numbers 1, 2, ...). The first record that fails is the end of the log: the torn tail of a commit
 * that was never acknowledged (or, in relaxed durability, never synced), whose records are ignored.
 * Two situations are reported as damage rather than taken for such a tail, because a crash cannot
 * produce them: an intact CMIT beyond the end that was written after the commit at the end was
 * synced, and a record newer than the active header.
 */
final class JournalScan {
  /**
   * How to rebuild one page: start from the image of its last PAGE record ({@code imageOffset}, the
   * journal offset of its payload), or, when it has none, from the data file (pages below the
   * checkpoint's page count) or zeros; then apply {@code deltas} in order.
   */
  static final class PageLog {
    long imageOffset = -1;
    final List<byte[]> deltas = new ArrayList<>();
  }

  /** A PAGE or DELT record of a commit whose CMIT has not been read yet. */
  private record Pending(long page, long imageOffset, byte[] delta) {}

  private final long generation;
  private final long dataPages;
  private final int[] sums;
  private final PageMap<PageLog> logs = new PageMap<>();
  private long pages;
  private long commits;
  private long end = JournalFile.RECORDS_START;
  private long tailEnd = JournalFile.RECORDS_START;

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
    long complete = offset;
    long summed = 0;
    List<Pending> pending = new ArrayList<>();
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
      } else if (summed < dataPages || record.sequence() != scan.commits + 1) {
        break;
      } else if (record.tag() == JournalFile.TAG_PAGE) {
        pending.add(new Pending(record.a(), record.payloadOffset(), null));
      } else if (record.tag() == JournalFile.TAG_DELTA) {
        pending.add(new Pending(record.a(), -1, record.payload()));
      } else {
        scan.commit(record, pending);
        pending.clear();
      }
      offset = record.end();
      if (record.tag() != JournalFile.TAG_PAGE && record.tag() != JournalFile.TAG_DELTA) {
        complete = offset;
      }
    }
    long inFlight = summed < dataPages ? 0 : scan.commits + 1;
    long tailEnd = file.scanTail(complete, generation, inFlight);
    JournalScan result = summed < dataPages ? new JournalScan(generation, dataPages, null) : scan;
    result.end = complete;
    result.tailEnd = tailEnd;
    return result;
  }

  /**
   * Adds a complete commit. A CMIT whose checksum holds but whose content contradicts the log is
   * damage, not a tail.
   */
  private void commit(JournalFile.Record commit, List<Pending> records) {
    long pageCount = commit.a();
    boolean valid =
        commit.b() == records.size() && pageCount >= pages && pageCount <= Integer.MAX_VALUE;
    for (int i = 0; i < records.size() && valid; i++) {
      Pending record = records.get(i);
      valid =
          record.page() >= 0
              && record.page() < pageCount
              && (record.delta() == null || PageDelta.isValid(record.delta()));
    }
    if (!valid) {
      throw new MemoryException(
          "journal is damaged: commit "
              + commit.sequence()
              + " contradicts its page records (it names "
              + commit.b()
              + " records and "
              + pageCount
              + " pages; "
              + records.size()
              + " records precede it)");
    }
    for (Pending record : records) {
      PageLog log = logs.get(record.page());
      if (log == null) {
        log = new PageLog();
        logs.put(record.page(), log);
      }
      if (record.delta() == null) {
        log.imageOffset = record.imageOffset();
        log.deltas.clear();
      } else {
        log.deltas.add(record.delta());
      }
    }
    pages = pageCount;
    commits++;
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

  /** How to rebuild every page that a complete commit changed. */
  PageMap<PageLog> logs() {
    return logs;
  }

  /** The page count after the last complete commit. */
  long pages() {
    return pages;
  }

  /** The offset just past the last complete commit (or SUMS record) of the log. */
  long end() {
    return end;
  }

  /**
   * The offset past the last record header of this generation beyond {@link #end()}: records of
   * commits that were written but not synced before a crash, to be erased before the log grows.
   */
  long tailEnd() {
    return tailEnd;
  }

  /** The number of complete commits in the log. */
  long commits() {
    return commits;
  }
}
