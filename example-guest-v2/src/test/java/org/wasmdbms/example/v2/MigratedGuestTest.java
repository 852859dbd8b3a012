package org.wasmdbms.example.v2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.error.MigrationException;
import org.wasmdbms.api.error.UniqueConstraintViolationException;
import org.wasmdbms.api.migration.AddColumnOp;
import org.wasmdbms.api.migration.AlterColumnOp;
import org.wasmdbms.api.migration.ColumnChanges;
import org.wasmdbms.api.migration.ColumnSnapshot;
import org.wasmdbms.api.migration.DropColumnOp;
import org.wasmdbms.api.migration.IndexOp;
import org.wasmdbms.api.migration.IndexSnapshot;
import org.wasmdbms.api.migration.MigrationOp;
import org.wasmdbms.api.migration.MigrationPolicy;
import org.wasmdbms.api.migration.RenameColumnOp;
import org.wasmdbms.api.migration.TransformOp;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.host.DatabaseClient;
import org.wasmdbms.host.DbmsHost;
import org.wasmdbms.host.GuestModule;
import org.wasmdbms.host.HostOptions;
import org.wasmdbms.host.Transaction;

/**
 * The example guest writes a database; the guest of this module, built with the schema's next
 * version, is started by the host on the same directory. Through the host's typed client it reports
 * the drift and the exact pending steps, refuses what the policy or the data forbid (changing
 * nothing), migrates, and serves every row in the new shape, also after a restart.
 */
class MigratedGuestTest {
  private static final GuestModule OLD =
      GuestModule.fromPath(
          Path.of(
              System.getProperty("old.guest.wasm", "target/guest/wasm-dbms-example-guest.wasm")),
          GuestModule.Execution.RUNTIME_COMPILER);
  private static final GuestModule NEW =
      GuestModule.fromPath(
          Path.of(System.getProperty("guest.wasm", "target/wasm-dbms-example-guest-v2.wasm")),
          GuestModule.Execution.RUNTIME_COMPILER);

  /** The steps from the example schema to {@link MigratedSchema}, in plan order. */
  private static final List<MigrationOp> STEPS =
      List.of(
          new MigrationOp.RenameColumn(new RenameColumnOp("comments", "body", "text")),
          new MigrationOp.AddColumn(
              new AddColumnOp(
                  "users",
                  new ColumnSnapshot(
                      "bio",
                      DataType.TEXT,
                      true,
                      false,
                      false,
                      false,
                      Optional.empty(),
                      Optional.empty()))),
          new MigrationOp.TransformColumn(new TransformOp("users", "email", "lowercase-emails")),
          new MigrationOp.AlterColumn(
              new AlterColumnOp(
                  "users",
                  "name",
                  new ColumnChanges(
                      Optional.empty(),
                      Optional.of(true),
                      Optional.empty(),
                      Optional.empty(),
                      Optional.empty()))),
          new MigrationOp.AddIndex(
              new IndexOp("posts", new IndexSnapshot(List.of("title"), false))),
          new MigrationOp.DropColumn(new DropColumnOp("posts", "content")));

  @TempDir Path directory;

  private static Uint32Value u32(long value) {
    return new Uint32Value(value);
  }

  private static Row row(Object... namesAndValues) {
    Row.Builder row = Row.builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Object value = namesAndValues[i + 1];
      row.set(
          (String) namesAndValues[i],
          value instanceof String text ? new TextValue(text) : (Value) value);
    }
    return row.build();
  }

  private static Row user(long id, String name, String email) {
    return row("id", u32(id), "name", name, "email", email);
  }

  /** Runs {@code body} on a host of {@code module} on the test's directory, then closes it. */
  private void with(GuestModule module, GuestBody body) throws IOException {
    try (DbmsHost host = DbmsHost.start(module, HostOptions.withDirectory(directory))) {
      body.run(host.client());
    }
  }

  private interface GuestBody {
    void run(DatabaseClient db) throws IOException;
  }

  /** Writes users, a post and a comment with the example guest. */
  private void writeTheOldFile(Row... users) throws IOException {
    with(
        OLD,
        db -> {
          for (Row user : users) {
            db.insert("users", user);
          }
          db.insert(
              "posts", row("id", u32(10), "title", "Hello", "content", "first", "user", u32(1)));
          db.insert("comments", row("id", u32(100), "body", "nice", "post_id", u32(10)));
          assertFalse(db.hasDrift());
          assertEquals(List.of(), db.pendingMigrations());
        });
  }

  private byte[][] files() throws IOException {
    List<byte[]> contents = new ArrayList<>();
    try (var paths = Files.list(directory)) {
      for (Path file : paths.sorted().toList()) {
        contents.add(Files.readAllBytes(file));
      }
    }
    return contents.toArray(new byte[0][]);
  }

  @Test
  void theNewGuestReportsTheDriftAndTheStepsThenMigratesAndServesTheData() throws IOException {
    writeTheOldFile(user(1, "Alice", "Alice@Example.COM"), user(2, "Bob", "bob@example.com"));
    with(
        NEW,
        db -> {
          assertTrue(db.hasDrift());
          assertEquals(STEPS, db.pendingMigrations());
          String detail =
              assertThrows(MigrationException.class, () -> db.selectAll("users")).detail();
          assertTrue(detail.startsWith("schema drift: table users"), detail);
          assertThrows(MigrationException.class, () -> db.insert("users", user(3, "C", "c@x.io")));
          assertThrows(
              MigrationException.class, () -> db.update("users", user(1, "A", "a@x.io"), null));
          assertThrows(
              MigrationException.class, () -> db.delete("users", DeleteBehavior.CASCADE, null));
          assertThrows(
              MigrationException.class,
              () -> db.aggregate("users", Query.builder().build(), List.of()));
          assertThrows(MigrationException.class, () -> db.selectAll("posts"));
          assertThrows(MigrationException.class, () -> db.selectAll("comments"));
          Transaction tx = db.begin();
          assertThrows(MigrationException.class, () -> tx.selectAll("users"));
          tx.rollback();

          byte[][] before = files();
          String refused =
              assertThrows(MigrationException.class, () -> db.migrate(MigrationPolicy.SAFE))
                  .detail();
          assertTrue(refused.contains("drop-column posts.content"), refused);
          assertArrayEquals(before, files(), "a refused migration changes no byte");
          assertTrue(db.hasDrift());

          db.migrate(MigrationPolicy.DESTRUCTIVE);
          assertFalse(db.hasDrift());
          assertEquals(List.of(), db.pendingMigrations());
          assertServedInTheNewShape(db);
          db.insert("users", row("id", u32(3), "name", "Carol", "email", "c@x.io", "bio", "hi"));
        });
    with(
        NEW,
        db -> {
          assertFalse(db.hasDrift(), "the migration is durable");
          assertEquals(3, db.selectAll("users").size());
          assertThrows(
              UniqueConstraintViolationException.class,
              () -> db.insert("users", user(4, "Carol", "d@x.io")),
              "users.name is unique now");
        });
  }

  private static void assertServedInTheNewShape(DatabaseClient db) {
    assertEquals(
        List.of(
            row(
                "id",
                u32(1),
                "name",
                "Alice",
                "email",
                "alice@example.com",
                "bio",
                NullValue.INSTANCE),
            row(
                "id",
                u32(2),
                "name",
                "Bob",
                "email",
                "bob@example.com",
                "bio",
                NullValue.INSTANCE)),
        db.selectAll("users"));
    assertEquals(
        List.of(
            row("id", u32(10), "title", "Hello", "user", u32(1), "metadata", NullValue.INSTANCE)),
        db.selectAll("posts"));
    assertEquals(
        List.of(row("id", u32(100), "text", "nice", "post_id", u32(10))), db.selectAll("comments"));
    assertEquals(
        1,
        db.select(
                "posts",
                Query.builder().filter(new Filter.Eq("title", new TextValue("Hello"))).build())
            .size());
  }

  @Test
  void aTighteningTheDataViolatesIsRefusedWithTheKeyAndChangesNothing() throws IOException {
    writeTheOldFile(user(1, "Ann", "ann@example.com"), user(2, "Ann", "ann2@example.com"));
    with(
        NEW,
        db -> {
          assertTrue(db.hasDrift(), "opens the file, recovering what the journal holds");
          byte[][] before = files();
          String detail =
              assertThrows(MigrationException.class, () -> db.migrate(MigrationPolicy.DESTRUCTIVE))
                  .detail();
          assertTrue(detail.contains("users.name"), detail);
          assertTrue(detail.contains("2"), "names the offending key: " + detail);
          assertArrayEquals(before, files(), "a refused migration changes no byte");
          assertTrue(db.hasDrift());
          assertEquals(STEPS, db.pendingMigrations());
        });
    // The old guest fixes the data; then the migration goes through.
    with(OLD, db -> db.delete("users", DeleteBehavior.CASCADE, new Filter.Eq("id", u32(2))));
    with(
        NEW,
        db -> {
          db.migrate(MigrationPolicy.DESTRUCTIVE);
          assertFalse(db.hasDrift());
          assertEquals(List.of(user(1, "Ann", "ann@example.com")), stripBio(db.selectAll("users")));
        });
  }

  private static List<Row> stripBio(List<Row> rows) {
    List<Row> stripped = new ArrayList<>();
    for (Row row : rows) {
      assertEquals(NullValue.INSTANCE, row.get("bio"));
      stripped.add(
          user(((Uint32Value) row.get("id")).value(), text(row, "name"), text(row, "email")));
    }
    return stripped;
  }

  private static String text(Row row, String column) {
    return ((TextValue) row.get(column)).value();
  }
}
