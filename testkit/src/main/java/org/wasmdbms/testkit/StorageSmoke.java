package org.wasmdbms.testkit;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.HeapMemoryProvider;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.memory.page.Catalog;
import org.wasmdbms.memory.page.Pager;
import org.wasmdbms.memory.page.RecordCursor;
import org.wasmdbms.memory.page.RecordStore;

/**
 * Smoke scenario for the storage layer: the heap provider, page allocation and reuse, records
 * (insert, read, overwrite, delete, scan, a multi-page overflow record, drop) and the catalog, all
 * on a heap provider, reopened once. Prints deterministic ASCII lines (counts and CRC32 checksums)
 * so the JVM run and the TeaVM guest run can be compared line by line.
 */
public final class StorageSmoke {
  private StorageSmoke() {}

  /** Runs the scenario, printing its results to {@code out}. */
  public static void run(PrintStream out) {
    SplitMix64 random = new SplitMix64(20240615L);
    heapProvider(out, random);

    HeapMemoryProvider provider = new HeapMemoryProvider();
    Pager pager = Pager.open(provider);
    pagerReuse(out, pager);

    RecordStore store = new RecordStore(pager);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      ids.add(store.insert(0, randomBytes(random, random.between(0, 120))));
    }
    out.println("records inserted=" + ids.size() + " " + scanSummary(store, 0));

    byte[] large = randomBytes(random, 200 * 1024);
    long largeId = store.insert(1, large);
    out.println(
        "overflow id="
            + largeId
            + " length="
            + large.length
            + " crc="
            + crc(store.read(largeId))
            + " pages="
            + pager.pageCount());

    store.overwrite(ids.get(0), randomBytes(random, 9000));
    store.overwrite(ids.get(1), randomBytes(random, 70_000));
    store.overwrite(ids.get(2), randomBytes(random, 3));
    out.println(
        "overwrite crc0="
            + crc(store.read(ids.get(0)))
            + " crc1="
            + crc(store.read(ids.get(1)))
            + " crc2="
            + crc(store.read(ids.get(2))));

    for (int i = 0; i < ids.size(); i += 2) {
      store.delete(ids.get(i));
    }
    try {
      store.read(ids.get(0));
      out.println("deleted record still readable");
    } catch (MemoryException e) {
      out.println("deleted record: memory-error");
    }
    out.println("after delete " + scanSummary(store, 0) + " pages=" + pager.pageCount());

    Catalog catalog = Catalog.open(pager);
    int users = catalog.put("users", "id,name,email,age".getBytes(StandardCharsets.UTF_8));
    int posts = catalog.put("posts", "id,user_id,title".getBytes(StandardCharsets.UTF_8));
    out.println("catalog users=" + users + " posts=" + posts + " names=" + joined(catalog.names()));

    Pager reopened = Pager.open(provider);
    RecordStore again = new RecordStore(reopened);
    Catalog catalogAgain = Catalog.open(reopened);
    out.println(
        "reopened "
            + scanSummary(again, 0)
            + " overflow crc="
            + crc(again.read(largeId))
            + " users="
            + catalogAgain.tableId("users").getAsInt()
            + " definition="
            + new String(catalogAgain.get("users").get(), StandardCharsets.UTF_8));
    again.dropTable(1);
    out.println(
        "dropped table 1: pages="
            + reopened.pageCount()
            + " free="
            + reopened.freePageCount()
            + " "
            + scanSummary(again, 1));
    reopened.close();
  }

  private static void heapProvider(PrintStream out, SplitMix64 random) {
    HeapMemoryProvider heap = new HeapMemoryProvider();
    long before = heap.grow(3);
    byte[] data = randomBytes(random, MemoryProvider.PAGE_SIZE + 10);
    heap.write(MemoryProvider.PAGE_SIZE - 5, data);
    byte[] read = new byte[data.length];
    heap.read(MemoryProvider.PAGE_SIZE - 5, read);
    String outOfBounds;
    try {
      heap.read(heap.size() - 1, new byte[2]);
      outOfBounds = "accepted";
    } catch (MemoryException e) {
      outOfBounds = "memory-error";
    }
    out.println(
        "heap grew from="
            + before
            + " pages="
            + heap.pages()
            + " size="
            + heap.size()
            + " crc="
            + crc(read)
            + " same="
            + (crc(read) == crc(data))
            + " out-of-bounds="
            + outOfBounds);
    heap.close();
  }

  private static void pagerReuse(PrintStream out, Pager pager) {
    long a = pager.allocate();
    long b = pager.allocate();
    long c = pager.allocate();
    pager.free(b);
    pager.free(a);
    long reused = pager.allocate();
    out.println(
        "pager allocated="
            + a
            + ","
            + b
            + ","
            + c
            + " reused="
            + reused
            + " free="
            + pager.freePageCount()
            + " pages="
            + pager.pageCount());
    pager.free(c);
    pager.free(reused);
  }

  private static String scanSummary(RecordStore store, int table) {
    RecordCursor cursor = store.scan(table);
    CRC32 crc = new CRC32();
    int count = 0;
    long bytes = 0;
    while (cursor.next()) {
      byte[] record = cursor.record();
      crc.update(record, 0, record.length);
      count++;
      bytes += record.length;
    }
    return "scan=" + count + " bytes=" + bytes + " crc=" + crc.getValue();
  }

  private static String joined(List<String> names) {
    StringBuilder text = new StringBuilder();
    for (String name : names) {
      text.append(text.length() == 0 ? "" : ",").append(name);
    }
    return text.toString();
  }

  private static byte[] randomBytes(SplitMix64 random, int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) random.nextLong();
    }
    return bytes;
  }

  private static long crc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length);
    return crc.getValue();
  }
}
