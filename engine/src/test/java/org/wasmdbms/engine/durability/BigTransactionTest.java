package org.wasmdbms.engine.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.engine.Database;
import org.wasmdbms.file.DatabaseFiles;

/**
 * A transaction too big for a small heap, in a child JVM with the default write memory limit: it
 * ends in a typed error (or commits), never in {@link OutOfMemoryError}, and the files reopen with
 * every earlier commit intact and usable. A transaction just inside the limit commits at the same
 * heap, so the bookkeeping around the rows the limit counts does not run out first.
 */
class BigTransactionTest {
  @TempDir Path directory;

  @Test
  void aMillionRowsAtA64MiBHeapFailTypedAndLeaveTheFilesIntact() throws Exception {
    String outcome = run("-Xmx64m", "1000000", "");
    assertTrue(outcome.startsWith("refused MEMORY_ERROR ") || outcome.equals("committed"), outcome);
    reopen(outcome.equals("committed") ? 1_000_000 : 0);
  }

  @Test
  void aTransactionJustInsideTheLimitCommitsAt64MiB() throws Exception {
    // 100 CJK characters: 100 counted, 200 bytes as a Java string, 300 in the file.
    assertEquals("committed", run("-Xmx64m", "fill", "\u4e2d".repeat(100)));
    try (Database db = reopen()) {
      assertTrue(db.select("items", Query.ALL).size() > BigTransactionWriter.COMMITTED);
    }
  }

  /** Runs the writer in a child JVM with {@code heap} and returns its last line. */
  private String run(String heap, String rows, String text)
      throws IOException, InterruptedException {
    Path output = directory.resolve("child.out");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                heap,
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                BigTransactionWriter.class.getName(),
                directory.resolve("big.db").toString(),
                rows,
                text)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    int exit = child.waitFor();
    List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
    assertEquals(0, exit, "child failed: " + lines);
    String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    assertTrue(!last.equals("out of memory"), "the child ran out of heap: " + lines);
    return last;
  }

  private Database reopen() {
    Database db = Database.open(DatabaseFiles.open(directory.resolve("big.db")));
    db.register(BigTransactionWriter.items());
    return db;
  }

  /** Reopens the files: the committed rows, plus {@code added} rows of the big transaction. */
  private void reopen(int added) {
    try (Database db = reopen()) {
      List<Row> rows = db.select("items", Query.ALL);
      assertEquals(BigTransactionWriter.COMMITTED + added, rows.size());
      for (int id = 0; id < BigTransactionWriter.COMMITTED; id++) {
        assertEquals(BigTransactionWriter.item(id, ""), rows.get(id));
      }
      db.insert("items", BigTransactionWriter.item(BigTransactionWriter.COMMITTED + added, "x"));
      Filter last = new Filter.Eq("id", new Uint32Value(BigTransactionWriter.COMMITTED + added));
      assertEquals(1, db.select("items", Query.builder().filter(last).build()).size());
    }
  }
}
