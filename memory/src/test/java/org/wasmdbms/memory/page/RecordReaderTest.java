package org.wasmdbms.memory.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.CountingReads;
import org.wasmdbms.memory.PageStore;

/**
 * {@link RecordReader}: the same bytes as {@link RecordStore#read} for every kind of record, in key
 * order and in random order, across changes of the store; the same errors for bad ids and corrupt
 * pages; and, in key order, the records of a page read from one copy of it.
 */
class RecordReaderTest {
  private final CountingReads provider = new CountingReads();
  private final RecordStore store = new RecordStore(Pager.open(provider));

  private static byte[] bytes(int length, int seed) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i * 13 + seed);
    }
    return bytes;
  }

  private static byte[] region(RecordReader reader) {
    return Arrays.copyOfRange(reader.bytes(), reader.offset(), reader.offset() + reader.length());
  }

  @Test
  void everyKindOfRecordReadsAsTheStoreReadsIt() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      ids.add(store.insert(0, bytes(i % 97, i)));
    }
    ids.add(store.insert(0, bytes(RecordStore.MAX_INLINE_SIZE + 1, 5)));
    store.overwrite(ids.get(3), bytes(12_000, 3)); // a forward to a moved body
    store.overwrite(ids.get(4), bytes(RecordStore.MAX_INLINE_SIZE + 10, 4)); // overflow
    RecordReader reader = store.reader();
    for (long id : ids) {
      reader.read(id);
      assertArrayEquals(store.read(id), region(reader), "record " + id);
    }
    long seed = new Random().nextLong();
    System.out.println("RecordReaderTest seed=" + seed);
    Random random = new Random(seed);
    for (int i = 0; i < 2_000; i++) {
      long id = ids.get(random.nextInt(ids.size()));
      reader.read(id);
      assertArrayEquals(store.read(id), region(reader), "record " + id);
    }
  }

  @Test
  void aChangeOfTheStoreIsSeenByAReaderInTheMiddleOfAPage() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      ids.add(store.insert(0, bytes(20, i)));
    }
    RecordReader reader = store.reader();
    for (int i = 0; i < 50; i++) {
      reader.read(ids.get(i));
    }
    store.overwrite(ids.get(50), bytes(30, 99));
    store.delete(ids.get(51));
    reader.read(ids.get(50));
    assertArrayEquals(bytes(30, 99), region(reader));
    assertThrows(MemoryException.class, () -> reader.read(ids.get(51)));
    reader.read(ids.get(52));
    assertArrayEquals(bytes(20, 52), region(reader));
  }

  @Test
  void badIdsAndCorruptPagesAreMemoryErrors() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ids.add(store.insert(0, bytes(10, i)));
    }
    long page = ids.get(0) >>> 16;
    RecordReader reader = store.reader();
    for (long id : ids) {
      reader.read(id); // the page is now read from its copy
    }
    long last = ids.get(ids.size() - 1);
    assertThrows(MemoryException.class, () -> reader.read(last + 1));
    assertThrows(MemoryException.class, () -> reader.read(-1));
    assertThrows(MemoryException.class, () -> reader.read(0));
    assertThrows(MemoryException.class, () -> reader.read((page + 5) << 16));
    store.delete(ids.get(7));
    assertThrows(MemoryException.class, () -> reader.read(ids.get(7)));
    provider.write(page * PageStore.PAGE_SIZE + DataPage.HEADER + 8 * 9 + 4, new byte[] {5, 0});
    store.delete(ids.get(8)); // a change: the reader's copy is dropped and the page read again
    RecordReader fresh = store.reader();
    for (int i = 10; i < 40; i++) {
      fresh.read(ids.get(i));
    }
    assertThrows(MemoryException.class, () -> fresh.read(ids.get(9)));
  }

  @Test
  void recordsReadInKeyOrderCostAboutOnePageCopyPerPage() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(store.insert(0, bytes(40, i)));
    }
    long pages = ids.get(ids.size() - 1) - ids.get(0) >>> 16;
    RecordReader reader = store.reader();
    long before = provider.reads();
    for (long id : ids) {
      reader.read(id);
    }
    long reads = provider.reads() - before;
    System.out.println(
        "RecordReaderTest: "
            + reads
            + " reads for "
            + ids.size()
            + " records on "
            + pages
            + " pages");
    // Per page: its header, two reads for each record before the copy, and the copy.
    assertTrue(reads <= (pages + 1) * (2 + 2 * RecordReader.SEQUENTIAL_RECORDS), reads + " reads");
  }
}
