package com.example.books;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.host.DatabaseClient;
import org.wasmdbms.host.DbmsHost;
import org.wasmdbms.host.GuestModule;
import org.wasmdbms.host.HostOptions;

/** The books guest the plugin built, run by the Java host, with the options of its pom. */
class BooksGuestTest {
  @TempDir Path data;

  @Test
  void insertsAndSelectsBooksThroughTheJavaHost() throws Exception {
    GuestModule module =
        GuestModule.fromPath(Path.of("target/books.wasm"), GuestModule.Execution.INTERPRETER);
    try (DbmsHost host = DbmsHost.start(module, HostOptions.withDirectory(data))) {
      DatabaseClient db = host.client();
      Row stored = db.insert("books", book(1, "  Dune ", "Frank Herbert", 1965));
      assertEquals(new TextValue("Dune"), stored.get("title"), "trimmed by the schema");
      db.insert("books", book(2, "Emma", "Jane Austen", 1815));
      List<Row> rows = db.selectAll("books");
      assertEquals(2, rows.size(), rows.toString());
      assertEquals(new TextValue("Emma"), rows.get(1).get("title"));
      System.out.println("books through the Java host: " + rows);

      // <maxValueBytes> is 1 MiB here: a longer value is refused, and nothing is stored.
      ConstraintViolationException tooLong =
          assertThrows(
              ConstraintViolationException.class,
              () -> db.insert("books", book(3, "Long", "x".repeat(1_100_000), 2024)));
      assertTrue(tooLong.getMessage().contains("exceeds 1048576 bytes"), tooLong.getMessage());
      assertEquals(2, db.selectAll("books").size());
    }
    assertTrue(Files.size(data.resolve("books.db")) > 0, "the dataFile option names the file");
  }

  private static Row book(long id, String title, String author, int year) {
    return Row.builder()
        .set("id", new Uint32Value(id))
        .set("title", new TextValue(title))
        .set("author", new TextValue(author))
        .set("year", new Int32Value(year))
        .build();
  }
}
