package org.wasmdbms.benchmarks.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.engine.Database;
import org.wasmdbms.engine.TableSchema;
import org.wasmdbms.example.ExampleSchemaDispatcher;
import org.wasmdbms.file.DatabaseFiles;
import org.wasmdbms.memory.HeapMemoryProvider;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.memory.journal.JournalOptions;

/**
 * This engine on the JVM, on the heap provider or on a journaled file ({@link DatabaseFiles}), with
 * a {@code users(id u32 primary key, name, email, age i32)} table without a secondary index and a
 * {@code posts(id u32 primary key, title, content, user_id u32)} table with an index on {@code
 * user_id} for the join; or on the example schema of the guest, to build the file the guest then
 * opens.
 *
 * <p>A file database is {@link #load loaded} on the heap, in the same batched transactions, and its
 * pages are then copied into a fresh journaled file: the same bytes (the engine writes the same
 * pages whatever the provider), in seconds rather than the minutes a million rows take through the
 * journaled file, commit by commit.
 */
final class EngineUsersDatabase implements UsersDatabase {
  /**
   * The file name the guest opens in its directory, and the JVM engine writes in the same format.
   */
  static final String GUEST_DATA_FILE = "wasm-dbms.db";

  /** Pages copied into a file per journaled commit. */
  private static final int COPY_PAGES_PER_COMMIT = 64;

  private static final TableDef USERS =
      TableDef.builder(ApiRequests.USERS)
          .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
          .column(ColumnDef.builder("name", DataType.TEXT))
          .column(ColumnDef.builder("email", DataType.TEXT))
          .column(ColumnDef.builder("age", DataType.INT32))
          .build();

  private static final TableDef POSTS =
      TableDef.builder(ApiRequests.POSTS)
          .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
          .column(ColumnDef.builder("title", DataType.TEXT))
          .column(ColumnDef.builder("content", DataType.TEXT))
          .column(ColumnDef.builder("user_id", DataType.UINT32))
          .index("posts_by_user", false, "user_id")
          .build();

  private final ApiRequests requests;
  private final Path dataFile;
  private final JournalOptions options;
  private Database db;

  /**
   * Opens {@code provider} and registers the tables: {@code users} with an age, or the example
   * schema.
   */
  private EngineUsersDatabase(
      MemoryProvider provider, boolean exampleSchema, Path dataFile, JournalOptions options) {
    this.requests = new ApiRequests(!exampleSchema);
    this.dataFile = dataFile;
    this.options = options;
    this.db = open(provider, exampleSchema);
  }

  private static Database open(MemoryProvider provider, boolean exampleSchema) {
    Database db = Database.open(provider);
    if (exampleSchema) {
      ExampleSchemaDispatcher.INSTANCE.registerAll(db);
    } else {
      db.register(TableSchema.of(USERS));
      db.register(TableSchema.of(POSTS));
    }
    return db;
  }

  /** Pages on the Java heap. */
  static EngineUsersDatabase onHeap() {
    return new EngineUsersDatabase(new HeapMemoryProvider(), false, null, null);
  }

  /**
   * A data file and its journal in {@code directory}, with the journal's {@code options}: full
   * durability syncs every commit, relaxed syncs at most every 100 ms.
   */
  static EngineUsersDatabase onFile(Path directory, JournalOptions options) {
    Path file = directory.resolve("bench.wdb");
    return new EngineUsersDatabase(DatabaseFiles.open(file, options), false, file, options);
  }

  /** The guest's database file in {@code directory}, with the example schema registered. */
  static EngineUsersDatabase onGuestFile(Path directory) {
    Path file = directory.resolve(GUEST_DATA_FILE);
    return new EngineUsersDatabase(
        DatabaseFiles.open(file, JournalOptions.DEFAULT), true, file, JournalOptions.DEFAULT);
  }

  @Override
  public void load(int users, int posts) {
    if (dataFile == null) {
      UsersDatabase.super.load(users, posts);
      return;
    }
    boolean exampleSchema = !requests.withAge();
    db.close();
    HeapMemoryProvider heap = new HeapMemoryProvider();
    try (EngineUsersDatabase onHeap = new EngineUsersDatabase(heap, exampleSchema, null, null)) {
      onHeap.load(users, posts);
      copy(heap, dataFile);
    }
    db = open(DatabaseFiles.open(dataFile, options), exampleSchema);
  }

  /**
   * Replaces {@code dataFile} and its journal by a journaled copy of every page of {@code from}.
   */
  private static void copy(MemoryProvider from, Path dataFile) {
    try {
      Files.delete(dataFile);
      Files.deleteIfExists(DatabaseFiles.journalPath(dataFile));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    MemoryProvider to = DatabaseFiles.open(dataFile);
    try {
      to.grow(from.pages());
      byte[] page = new byte[MemoryProvider.PAGE_SIZE];
      for (long index = 0; index < from.pages(); index++) {
        from.read(index * page.length, page);
        to.write(index * page.length, page);
        if ((index + 1) % COPY_PAGES_PER_COMMIT == 0) {
          to.commit();
        }
      }
      to.commit();
    } finally {
      to.close();
    }
  }

  @Override
  public void insertUser(long id) {
    db.insert(ApiRequests.USERS, requests.user(id));
  }

  @Override
  public void insertUsersBatched(long firstId, int count) {
    insertUsersInTransaction(firstId, count);
  }

  @Override
  public void insertUsersInTransaction(long firstId, int count) {
    long tx = db.begin();
    for (long id = firstId; id < firstId + count; id++) {
      db.insert(tx, ApiRequests.USERS, requests.user(id));
    }
    db.commit(tx);
  }

  @Override
  public String readUser(long id) {
    return ApiRequests.firstName(db.select(ApiRequests.USERS, ApiRequests.oneById(id)));
  }

  @Override
  public void renameUser(long id, String name) {
    db.update(ApiRequests.USERS, ApiRequests.name(name), ApiRequests.byId(id));
  }

  @Override
  public void deleteUser(long id) {
    db.delete(ApiRequests.USERS, DeleteBehavior.RESTRICT, ApiRequests.byId(id));
  }

  @Override
  public void deleteAllUsers() {
    db.delete(ApiRequests.USERS, DeleteBehavior.RESTRICT, null);
  }

  @Override
  public int readUsersOlderThanFilterAge() {
    return db.select(ApiRequests.USERS, requests.olderThanFilterAge()).size();
  }

  @Override
  public long readTenFrom(long id) {
    return ApiRequests.sumOfIds(db.select(ApiRequests.USERS, ApiRequests.tenFrom(id)));
  }

  @Override
  public void insertPosts(int count, int users) {
    long tx = db.begin();
    for (long id = 0; id < count; id++) {
      db.insert(tx, ApiRequests.POSTS, requests.post(id, users));
    }
    db.commit(tx);
  }

  @Override
  public int joinUsersWithPosts() {
    return db.select(ApiRequests.USERS, requests.usersWithPosts()).size();
  }

  @Override
  public void close() {
    db.close();
  }
}
