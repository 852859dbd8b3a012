package org.wasmdbms.memory.page;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.wasmdbms.api.bytes.Utf8;
import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.api.error.MemoryException;

/**
 * The schema registry: named opaque definitions (table definitions, encoded by the layer above),
 * each with a table id for the {@link RecordStore}. Loaded into memory when opened; every change
 * writes the whole registry to a new {@link BlobChain}, points header root {@link
 * Pager#ROOT_CATALOG_PAGE} at it and frees the old chain.
 *
 * <p>Registry bytes (little-endian):
 *
 * <pre>
 * size field
 *    4 tag: ASCII "CATL"
 *    4 byte length of the whole registry (u32), these 4 bytes and the tag included
 *    4 next table id to hand out (u32)
 *    4 entry count (u32)
 * then per entry, in name order:
 *    2 name length in bytes (u16), 1..{@value #MAX_NAME_BYTES}
 *    n name, UTF-8
 *    4 table id (u32), below the next table id
 *    4 definition length (u32)
 *    m definition bytes
 * </pre>
 *
 * Table ids are never reused, even after {@link #remove}, so a stale id cannot reach a new table.
 * Not thread-safe.
 */
public final class Catalog {
  /** The longest name, in UTF-8 bytes. */
  public static final int MAX_NAME_BYTES = 255;

  /** The largest serialized registry, in bytes. */
  public static final int MAX_CATALOG_BYTES = 16 << 20;

  private static final int TAG = LittleEndian.tag("CATL");
  private static final int PREFIX = 16;

  private record Entry(int tableId, byte[] definition) {}

  private final Pager pager;
  private final TreeMap<String, Entry> entries = new TreeMap<>();
  private int nextTableId;

  private Catalog(Pager pager) {
    this.pager = pager;
  }

  /**
   * Loads the registry of {@code pager}'s database (empty for a new one).
   *
   * @throws MemoryException if the stored registry is corrupt
   */
  public static Catalog open(Pager pager) {
    Catalog catalog = new Catalog(pager);
    long root = pager.root(Pager.ROOT_CATALOG_PAGE);
    if (root != 0) {
      catalog.decode(catalog.readStored(root));
    }
    return catalog;
  }

  /**
   * Stores {@code definition} under {@code name}, replacing any earlier definition.
   *
   * @return the table id of {@code name}: unchanged when it existed, otherwise a new one
   * @throws ConstraintViolationException if the name is empty or longer than {@link
   *     #MAX_NAME_BYTES}, the registry would exceed {@link #MAX_CATALOG_BYTES}, or all {@link
   *     RecordStore#MAX_TABLES} table ids are used
   */
  public int put(String name, byte[] definition) {
    Objects.requireNonNull(definition, "definition");
    checkName(name);
    Entry existing = entries.get(name);
    int tableId = existing != null ? existing.tableId() : nextTableId;
    if (existing == null && tableId >= RecordStore.MAX_TABLES) {
      throw new ConstraintViolationException(
          "too many tables: all " + RecordStore.MAX_TABLES + " table ids are used");
    }
    TreeMap<String, Entry> changed = new TreeMap<>(entries);
    changed.put(name, new Entry(tableId, definition.clone()));
    int next = existing == null ? tableId + 1 : nextTableId;
    store(encode(changed, next));
    entries.put(name, changed.get(name));
    nextTableId = next;
    return tableId;
  }

  /** Whether the definition stored under {@code name} is {@code definition}, byte for byte. */
  public boolean holds(String name, byte[] definition) {
    Entry entry = entries.get(name);
    return entry != null && Arrays.equals(entry.definition(), definition);
  }

  /** The definition stored under {@code name} (a copy), if any. */
  public Optional<byte[]> get(String name) {
    Entry entry = entries.get(name);
    return entry == null ? Optional.empty() : Optional.of(entry.definition().clone());
  }

  /** The table id of {@code name}, if it is registered. */
  public OptionalInt tableId(String name) {
    Entry entry = entries.get(name);
    return entry == null ? OptionalInt.empty() : OptionalInt.of(entry.tableId());
  }

  /** Every registered name, in ascending {@link String#compareTo} order. */
  public List<String> names() {
    return new ArrayList<>(entries.keySet());
  }

  /**
   * Removes {@code name}. Its table id is not handed out again; the caller drops the table's
   * records with {@link RecordStore#dropTable(int)}.
   *
   * @return whether the name was registered
   */
  public boolean remove(String name) {
    if (!entries.containsKey(name)) {
      return false;
    }
    TreeMap<String, Entry> changed = new TreeMap<>(entries);
    changed.remove(name);
    store(encode(changed, nextTableId));
    entries.remove(name);
    return true;
  }

  private static byte[] checkName(String name) {
    byte[] bytes = Utf8.encode(name);
    if (bytes.length == 0 || bytes.length > MAX_NAME_BYTES) {
      throw new ConstraintViolationException(
          "name must be 1 to " + MAX_NAME_BYTES + " UTF-8 bytes, not " + bytes.length);
    }
    return bytes;
  }

  private static byte[] encode(TreeMap<String, Entry> entries, int nextTableId) {
    long size = PREFIX;
    for (var e : entries.entrySet()) {
      size += 2 + checkName(e.getKey()).length + 8 + e.getValue().definition().length;
    }
    if (size > MAX_CATALOG_BYTES) {
      throw new ConstraintViolationException(
          "schema registry of " + size + " bytes exceeds the maximum of " + MAX_CATALOG_BYTES);
    }
    byte[] bytes = new byte[(int) size];
    LittleEndian.putInt(bytes, 0, TAG);
    LittleEndian.putInt(bytes, 4, bytes.length);
    LittleEndian.putInt(bytes, 8, nextTableId);
    LittleEndian.putInt(bytes, 12, entries.size());
    int at = PREFIX;
    for (var e : entries.entrySet()) {
      byte[] name = Utf8.encode(e.getKey());
      byte[] definition = e.getValue().definition();
      LittleEndian.putU16(bytes, at, name.length);
      System.arraycopy(name, 0, bytes, at + 2, name.length);
      at += 2 + name.length;
      LittleEndian.putInt(bytes, at, e.getValue().tableId());
      LittleEndian.putInt(bytes, at + 4, definition.length);
      System.arraycopy(definition, 0, bytes, at + 8, definition.length);
      at += 8 + definition.length;
    }
    return bytes;
  }

  /** Writes a new chain, points the header at it, then frees the old chain. */
  private void store(byte[] bytes) {
    long old = pager.root(Pager.ROOT_CATALOG_PAGE);
    int oldLength = old == 0 ? 0 : storedLength(old);
    long first = BlobChain.write(pager, bytes);
    pager.setRoot(Pager.ROOT_CATALOG_PAGE, first);
    if (old != 0) {
      BlobChain.free(pager, old, oldLength);
    }
  }

  /** The registry length recorded at the start of the chain at {@code root}. */
  private int storedLength(long root) {
    DataPage.checkPageId(pager, root);
    byte[] prefix = new byte[8];
    pager.read(root, BlobChain.HEADER, prefix, 0, 8);
    int length = LittleEndian.getInt(prefix, 4);
    if (LittleEndian.getInt(prefix, 0) != TAG || length < PREFIX || length > MAX_CATALOG_BYTES) {
      throw new MemoryException("corrupt schema registry at page " + root);
    }
    return length;
  }

  private byte[] readStored(long root) {
    return BlobChain.read(pager, root, storedLength(root));
  }

  private void decode(byte[] bytes) {
    int next = LittleEndian.getInt(bytes, 8);
    int count = LittleEndian.getInt(bytes, 12);
    if (next < 0 || next > RecordStore.MAX_TABLES || count < 0 || count > next) {
      throw corrupt("bad counts");
    }
    boolean[] usedIds = new boolean[next];
    int at = PREFIX;
    for (int i = 0; i < count; i++) {
      if (at > bytes.length - 2) {
        throw corrupt("truncated entry");
      }
      int nameLength = LittleEndian.getU16(bytes, at);
      if (nameLength == 0
          || nameLength > MAX_NAME_BYTES
          || at + 2 + nameLength + 8 > bytes.length) {
        throw corrupt("bad name length");
      }
      String name = Utf8.decode(bytes, at + 2, nameLength);
      at += 2 + nameLength;
      int tableId = LittleEndian.getInt(bytes, at);
      int definitionLength = LittleEndian.getInt(bytes, at + 4);
      at += 8;
      if (tableId < 0 || tableId >= next || usedIds[tableId]) {
        throw corrupt("bad table id " + tableId);
      }
      if (definitionLength < 0 || definitionLength > bytes.length - at) {
        throw corrupt("bad definition length");
      }
      usedIds[tableId] = true;
      byte[] definition = Arrays.copyOfRange(bytes, at, at + definitionLength);
      at += definitionLength;
      if (entries.put(name, new Entry(tableId, definition)) != null) {
        throw corrupt("duplicate name");
      }
    }
    if (at != bytes.length) {
      throw corrupt("trailing bytes");
    }
    nextTableId = next;
  }

  private static MemoryException corrupt(String what) {
    return new MemoryException("corrupt schema registry: " + what);
  }
}
