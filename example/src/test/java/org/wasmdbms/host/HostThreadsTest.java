package org.wasmdbms.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.demo.ExampleGuest;

/**
 * Several threads share one {@link DbmsHost}, which serialises their calls onto its one guest
 * instance (it never opens a second instance on the same file, see {@code docs/host.md}): writers
 * insert and update their own rows in transactions while a reader reads the whole table, and every
 * answer is right. Without the host's serialisation the threads would run the single-threaded guest
 * at once and trap or corrupt it.
 */
class HostThreadsTest {
  private static final int WRITERS = 3;
  private static final int ROWS_PER_WRITER = 25;

  @TempDir Path directory;

  @Test
  void writersAndAReaderShareOneHostAndEveryAnswerIsRight() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
    try (DbmsHost host =
        DbmsHost.start(ExampleGuest.module(), HostOptions.withDirectory(directory))) {
      DatabaseClient db = host.client();
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        long first = w * 1000L + 1;
        writers.add(pool.submit(() -> write(db, first)));
      }
      Future<Integer> reader = pool.submit(() -> read(db, writers));
      for (Future<?> writer : writers) {
        writer.get(5, TimeUnit.MINUTES);
      }
      assertTrue(reader.get(5, TimeUnit.MINUTES) > 0);
      List<Row> rows = db.selectAll("users");
      assertEquals(WRITERS * ROWS_PER_WRITER, rows.size());
      for (Row row : rows) {
        assertEquals(new TextValue("done"), row.get("name"), row.toString());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Inserts rows {@code first}, {@code first + 1}, ...; renames each in a transaction. */
  private static Void write(DatabaseClient db, long first) {
    Row done = Row.builder().set("name", new TextValue("done")).build();
    for (long id = first; id < first + ROWS_PER_WRITER; id++) {
      db.insert("users", DatabaseClientTest.user(id, "new", "u" + id + "@example.com"));
      Filter own = new Filter.Eq("id", new Uint32Value(id));
      try (Transaction tx = db.begin()) {
        assertEquals(1, tx.update("users", done, own));
        List<Row> inside = tx.select("users", Query.builder().filter(own).build());
        assertEquals(
            List.of(new TextValue("done")), inside.stream().map(r -> r.get("name")).toList());
        tx.commit();
      }
    }
    return null;
  }

  /**
   * Reads the table until the writers are done; the row count never shrinks, since commits happen
   * one at a time in one order. Returns how many reads it made.
   */
  private static int read(DatabaseClient db, List<Future<?>> writers) {
    int reads = 0;
    int seen = 0;
    while (reads == 0 || writers.stream().anyMatch(writer -> !writer.isDone())) {
      int count = db.selectAll("users").size();
      assertTrue(count >= seen, count + " rows after " + seen);
      seen = count;
      reads++;
    }
    return reads;
  }
}
