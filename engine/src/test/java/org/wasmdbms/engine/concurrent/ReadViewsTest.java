package org.wasmdbms.engine.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.IndexDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint64Value;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.engine.TableSchema;
import org.wasmdbms.engine.data.TableData;
import org.wasmdbms.engine.storage.StoredTables;
import org.wasmdbms.memory.HeapMemoryProvider;
import org.wasmdbms.memory.version.VersionedMemoryProvider;

/**
 * The readers' views: opened once per published version (per concurrent reader), not per read;
 * views of older versions swept out of the idle slots; decoded rows counted whether a view is idle
 * or retired; and, under a writer publishing commits of two rows each, every view read by several
 * threads shows a whole prefix of the commits, never older than the version published when it was
 * borrowed.
 */
class ReadViewsTest {
  private static final List<TableSchema> SCHEMAS =
      List.of(
          TableSchema.of(
              TableDef.builder("items")
                  .column(ColumnDef.builder("id", DataType.UINT64).primaryKey())
                  .column(ColumnDef.builder("name", DataType.TEXT))
                  .build()));

  /** A writer's tables over a versioned heap, with {@code rows} rows committed and published. */
  private static final class Fixture {
    final VersionedMemoryProvider versions =
        new VersionedMemoryProvider(new HeapMemoryProvider(), true, 64L << 20);
    final StoredTables writer = StoredTables.open(versions);
    final ReadViews views;
    final long base;
    long rows;

    Fixture(long rows) {
      writer.register(SCHEMAS.get(0));
      for (long id = 0; id < rows; id++) {
        writer.table("items").insert(row(id));
      }
      this.rows = rows;
      writer.commit();
      versions.publish(versions.written(), SCHEMAS);
      base = versions.published();
      views = new ReadViews(versions);
    }

    /** Commits and publishes two more rows. */
    void commitTwo() {
      writer.table("items").insert(row(rows++));
      writer.table("items").insert(row(rows++));
      writer.commit();
      versions.publish(versions.written());
    }

    Value[] read(long id) {
      ReadViews.View view = views.acquire();
      try {
        return view.tables().table("items").findByPrimaryKey(new Uint64Value(id));
      } finally {
        views.release(view);
      }
    }
  }

  private static Value[] row(long id) {
    return new Value[] {new Uint64Value(id), new TextValue("item " + id)};
  }

  @Test
  void aViewIsOpenedOncePerPublishedVersionNotPerRead() throws InterruptedException {
    Fixture db = new Fixture(100);
    for (int i = 0; i < 1_000; i++) {
      assertNotNull(db.read(i % 100));
    }
    assertEquals(1, db.views.opened(), "one version, one reader: one view");
    for (int round = 0; round < 50; round++) {
      db.commitTwo();
      for (int i = 0; i < 20; i++) {
        assertNotNull(db.read(db.rows - 1 - i));
      }
    }
    assertEquals(51, db.views.opened(), "one view per version");
    assertEquals(1, db.versions.pinnedSnapshots(), "older views are released, not kept idle");

    Fixture shared = new Fixture(100);
    Thread[] readers = new Thread[2];
    for (int t = 0; t < readers.length; t++) {
      readers[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 5_000; i++) {
                  shared.read(i % 100);
                }
              });
      readers[t].start();
    }
    for (Thread reader : readers) {
      reader.join();
    }
    assertTrue(shared.views.opened() <= 2, shared.views.opened() + " views for two readers");
  }

  @Test
  void aViewReusesTheRegistrationsOfTheLastOnlyWhileItsCatalogEntryIsUnchanged() {
    Fixture db = new Fixture(10);
    StoredTables.Registrations first = registrationsAfterARead(db, 3);
    db.commitTwo();
    assertSame(first, registrationsAfterARead(db, db.rows - 1), "rows only: the same entry");

    db.writer.createIndex("items", new IndexDef("by_name", List.of("name"), false));
    db.writer.commit();
    db.versions.publish(db.versions.written());
    ReadViews.View view = db.views.acquire();
    try {
      assertNotSame(first, view.tables().registrations(), "a new index changed the entry");
      assertTrue(
          view.tables().table("items").indexes().stream()
              .anyMatch(index -> index.name().equals("by_name")),
          "the view registered the table from its new entry");
      assertEquals(
          "item 4",
          ((TextValue) view.tables().table("items").findByPrimaryKey(new Uint64Value(4))[1])
              .value());
    } finally {
      db.views.release(view);
    }
  }

  private static StoredTables.Registrations registrationsAfterARead(Fixture db, long id) {
    ReadViews.View view = db.views.acquire();
    try {
      assertNotNull(view.tables().table("items").findByPrimaryKey(new Uint64Value(id)));
      return view.tables().registrations();
    } finally {
      db.views.release(view);
    }
  }

  @Test
  void decodedRowsCountIdleAndRetiredViews() {
    Fixture db = new Fixture(10);
    for (int i = 0; i < 7; i++) {
      db.read(i);
    }
    assertEquals(7, db.views.decodedRows(), "the idle view's rows");
    db.commitTwo();
    db.read(11);
    db.read(3);
    assertEquals(9, db.views.decodedRows(), "the retired view's rows and the new one's");
    db.views.close();
    assertEquals(9, db.views.decodedRows());
    assertEquals(0, db.versions.pinnedSnapshots());
  }

  @Test
  void readersSharingViewsSeeWholePrefixesWhileAWriterPublishes() throws InterruptedException {
    long seed = new Random().nextLong();
    System.out.println("ReadViewsTest seed=" + seed);
    Random random = new Random(seed);
    Fixture db = new Fixture(20);
    int readerCount = 4;
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> readers = new ArrayList<>();
    for (int t = 0; t < readerCount; t++) {
      long readerSeed = random.nextLong();
      Thread reader =
          new Thread(
              () -> {
                Random mine = new Random(readerSeed);
                long lastVersion = 0;
                try {
                  while (!stop.get()) {
                    long publishedBefore = db.versions.published();
                    ReadViews.View view = db.views.acquire();
                    try {
                      long version = view.version();
                      assertTrue(version >= publishedBefore, "older than published when borrowed");
                      assertTrue(version >= lastVersion, "a reader's versions never go back");
                      lastVersion = version;
                      checkPrefix(view, 20 + 2 * (version - db.base), mine);
                    } finally {
                      db.views.release(view);
                    }
                  }
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              });
      reader.start();
      readers.add(reader);
    }
    for (int commit = 0; commit < 300; commit++) {
      db.commitTwo();
      if (random.nextInt(4) == 0) {
        Thread.yield();
      }
    }
    stop.set(true);
    for (Thread reader : readers) {
      reader.join();
    }
    assertNull(failure.get(), () -> "seed " + seed + ": " + failure.get());
    assertNotNull(db.read(0));
    assertTrue(
        db.versions.pinnedSnapshots() <= readerCount,
        db.versions.pinnedSnapshots() + " snapshots pinned by idle views");
    db.views.close();
    assertEquals(0, db.versions.pinnedSnapshots(), "seed " + seed);
  }

  /** The view holds exactly rows 0 to {@code rows - 1}: the last two, the next two, and others. */
  private static void checkPrefix(ReadViews.View view, long rows, Random random) {
    TableData items = view.tables().table("items");
    for (long id : new long[] {rows - 2, rows - 1, random.nextInt((int) rows)}) {
      Value[] found = items.findByPrimaryKey(new Uint64Value(id));
      assertNotNull(found, "row " + id + " of version " + view.version());
      assertEquals(new TextValue("item " + id), found[1]);
    }
    assertNull(items.findByPrimaryKey(new Uint64Value(rows)), "a row of a later commit");
    assertNull(items.findByPrimaryKey(new Uint64Value(rows + 1)), "a row of a later commit");
  }
}
