package org.wasmdbms.memory.page;

import java.util.ArrayList;
import java.util.List;
import org.wasmdbms.api.error.MemoryException;

/**
 * A forward-only cursor over the records of one table, obtained from {@link RecordStore#scan(int)}.
 * Call {@link #next()} before each record; then {@link #recordId()} and {@link #record()} describe
 * it. Records are read a page at a time.
 *
 * <p>Changing the table (insert, overwrite, delete, drop) while a cursor is open invalidates the
 * cursor: its next {@link #next()} throws {@link MemoryException}, rather than risk following a
 * page that has been freed and reused.
 */
public final class RecordCursor {
  private final RecordStore store;
  private final TableChain table;
  private final int modifications;
  private final List<Long> ids = new ArrayList<>();
  private final List<byte[]> records = new ArrayList<>();
  private long nextPage;
  private long pagesVisited;
  private int position = -1;

  RecordCursor(RecordStore store, TableChain table) {
    this.store = store;
    this.table = table;
    this.modifications = table.modifications;
    this.nextPage = table.first;
  }

  /**
   * Moves to the next record.
   *
   * @return false when there are no more records
   * @throws MemoryException if the table changed since the scan began or its pages are corrupt
   */
  public boolean next() {
    if (table.modifications != modifications) {
      throw new MemoryException("table " + table.tableId + " changed during a scan");
    }
    position++;
    while (position >= ids.size() && nextPage != 0) {
      ids.clear();
      records.clear();
      position = 0;
      nextPage = store.readPage(table, nextPage, pagesVisited++, ids, records);
    }
    return position < ids.size();
  }

  /** The id of the current record. */
  public long recordId() {
    return ids.get(current());
  }

  /** The bytes of the current record (the caller may keep or change the array). */
  public byte[] record() {
    return records.get(current());
  }

  private int current() {
    if (position < 0 || position >= ids.size()) {
      throw new MemoryException("the cursor is not on a record");
    }
    return position;
  }
}
