package org.wasmdbms.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.engine.Database;
import org.wasmdbms.example.ExampleSchemaDispatcher;
import org.wasmdbms.file.DatabaseFiles;
import org.wasmdbms.host.DbmsHost;
import org.wasmdbms.host.HostOptions;
import org.wasmdbms.memory.journal.Durability;
import org.wasmdbms.memory.journal.JournalOptions;

/**
 * A database written by the JVM engine (file provider plus journal) is read by the guest through
 * the host, and the other way round: both use {@code wasm-dbms.db} and {@code wasm-dbms.db-journal}
 * with the same format.
 */
class SameFileBothWaysTest {
  private static final Query BY_ID =
      Query.builder().orderBy("id", OrderDirection.ASCENDING).build();

  @TempDir Path directory;

  private Database openOnTheJvm() {
    Database db = Database.open(DatabaseFiles.open(directory.resolve("wasm-dbms.db")));
    ExampleSchemaDispatcher.INSTANCE.registerAll(db);
    return db;
  }

  private DbmsHost startGuest() {
    return DbmsHost.start(ExampleGuest.module(), HostOptions.withDirectory(directory));
  }

  private static Row user(long id, String name) {
    return Row.builder()
        .set("id", new Uint32Value(id))
        .set("name", new TextValue(name))
        .set("email", new TextValue(name.toLowerCase() + "@example.com"))
        .build();
  }

  private static List<String> names(List<Row> rows) {
    return rows.stream().map(row -> ((TextValue) row.get("name")).value()).toList();
  }

  @Test
  void theGuestReadsWhatTheJvmWroteAndTheJvmReadsWhatTheGuestWrote() {
    try (Database db = openOnTheJvm()) {
      db.insert("users", user(1, "Alice"));
      db.insert("users", user(2, "Bob"));
    }
    try (DbmsHost host = startGuest()) {
      assertEquals(List.of("Alice", "Bob"), names(host.client().select("users", BY_ID)));
      host.client().insert("users", user(3, "Charlie"));
      host.client()
          .update(
              "users",
              Row.builder().set("name", new TextValue("Robert")).build(),
              new org.wasmdbms.api.query.Filter.Eq("id", new Uint32Value(2)));
    }
    try (Database db = openOnTheJvm()) {
      assertEquals(List.of("Alice", "Robert", "Charlie"), names(db.select("users", BY_ID)));
      db.insert("users", user(4, "Diana"));
    }
    try (DbmsHost host = startGuest()) {
      assertEquals(
          List.of("Alice", "Robert", "Charlie", "Diana"),
          names(host.client().select("users", BY_ID)));
    }
  }

  @Test
  void relaxedDurabilityOnBothSidesKeepsEveryCommitAcrossCloseAndReopen() {
    Path file = directory.resolve("wasm-dbms.db");
    JournalOptions relaxed = JournalOptions.DEFAULT.withDurability(Durability.RELAXED);
    try (Database db = Database.open(DatabaseFiles.open(file, relaxed))) {
      ExampleSchemaDispatcher.INSTANCE.registerAll(db);
      for (int id = 1; id <= 20; id++) {
        db.insert("users", user(id, "U" + id));
      }
    }
    HostOptions options = HostOptions.withDirectory(directory).withDurability(HostOptions.RELAXED);
    try (DbmsHost host = DbmsHost.start(ExampleGuest.module(), options)) {
      assertEquals(20, host.client().select("users", BY_ID).size());
      for (int id = 21; id <= 40; id++) {
        host.client().insert("users", user(id, "U" + id));
      }
    }
    try (Database db = openOnTheJvm()) {
      assertEquals(40, db.select("users", BY_ID).size());
    }
  }
}
