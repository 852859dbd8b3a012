package org.wasmdbms.engine.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.error.MigrationException;
import org.wasmdbms.api.error.TableNotFoundException;
import org.wasmdbms.api.error.UniqueConstraintViolationException;
import org.wasmdbms.api.error.UnknownColumnException;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.ForeignKeyDef;
import org.wasmdbms.api.schema.IndexDef;
import org.wasmdbms.api.schema.SchemaCodec;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.IntegerValue;
import org.wasmdbms.api.value.Unsigned;
import org.wasmdbms.api.value.Values;
import org.wasmdbms.engine.TableSchema;
import org.wasmdbms.engine.data.IndexInfo;
import org.wasmdbms.engine.data.TableData;
import org.wasmdbms.engine.data.Tables;
import org.wasmdbms.engine.write.AutoIncrementSource;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.memory.btree.BTree;
import org.wasmdbms.memory.page.Catalog;
import org.wasmdbms.memory.page.Pager;
import org.wasmdbms.memory.page.RecordStore;

/**
 * The committed state of a database: the pager over a {@link MemoryProvider}, the catalog of table
 * definitions, and one {@link TableStore} per registered table.
 *
 * <p>Catalog entry of a table (the bytes the {@link Catalog} stores under the table name): the meta
 * page id as 8 bytes little-endian, then the {@link SchemaCodec} encoding of the {@link TableDef}.
 * The meta page is described in {@link TableMetaPage}.
 *
 * <p>Registering a table that the file already holds compares the stored definition with the given
 * one; any difference is a {@link MigrationException}. Not thread-safe.
 */
public final class StoredTables implements Tables, AutoIncrementSource {
  private final Pager pager;
  private final RecordStore records;
  private final Catalog catalog;
  private final Map<String, TableStore> tables = new LinkedHashMap<>();
  private final Map<String, TableMetaPage> metaPages = new LinkedHashMap<>();
  private final Map<String, List<Reference>> references = new LinkedHashMap<>();
  private final Map<String, CatalogEntry> entries = new LinkedHashMap<>();

  private StoredTables(Pager pager) {
    this.pager = pager;
    this.records = new RecordStore(pager);
    this.catalog = Catalog.open(pager);
  }

  /**
   * Opens the database held by {@code provider}, formatting it if it is empty.
   *
   * @throws MemoryException if the provider holds something that is not a database of this format
   */
  public static StoredTables open(MemoryProvider provider) {
    return new StoredTables(Pager.open(provider));
  }

  /**
   * Registers a table: checks its foreign keys against the tables registered so far (or itself),
   * then creates its storage, or opens the storage the file already has for it.
   *
   * @throws InvalidQueryException if the table is registered already or a foreign key points to an
   *     unknown table, an unknown column, a column of another type, or a column that is neither the
   *     primary key nor unique
   * @throws MigrationException if the file holds a different definition under the same name
   */
  public void register(TableSchema schema) {
    TableDef def = schema.definition();
    if (tables.containsKey(def.name())) {
      throw new InvalidQueryException("table " + def.name() + " is already registered");
    }
    if (def.columns().size() > TableMetaPage.MAX_COLUMNS) {
      throw new ConstraintViolationException(
          "table " + def.name() + " has more than " + TableMetaPage.MAX_COLUMNS + " columns");
    }
    checkForeignKeys(def);
    Optional<byte[]> stored = catalog.get(def.name());
    TableStore store = stored.isPresent() ? reopen(schema, stored.get()) : create(schema);
    tables.put(def.name(), store);
    references.put(def.name(), new ArrayList<>());
    for (int c = 0; c < def.columns().size(); c++) {
      Optional<ForeignKeyDef> fk = def.columns().get(c).foreignKey();
      if (fk.isPresent()) {
        TableDef parent = fk.get().table().equals(def.name()) ? def : schemaOf(fk.get().table());
        int parentColumn = parent.columnIndex(fk.get().column());
        references.get(parent.name()).add(new Reference(schema, c, parentColumn));
      }
    }
  }

  private TableDef schemaOf(String table) {
    return table(table).schema().definition();
  }

  private void checkForeignKeys(TableDef def) {
    for (ColumnDef column : def.columns()) {
      if (column.foreignKey().isEmpty()) {
        continue;
      }
      ForeignKeyDef fk = column.foreignKey().get();
      TableDef parent;
      if (fk.table().equals(def.name())) {
        parent = def;
      } else if (tables.containsKey(fk.table())) {
        parent = schemaOf(fk.table());
      } else {
        throw new InvalidQueryException(
            def.name() + "." + column.name() + " references unknown table " + fk.table());
      }
      int target = parent.columnIndex(fk.column());
      String where =
          def.name() + "." + column.name() + " references " + fk.table() + "." + fk.column();
      if (target < 0) {
        throw new InvalidQueryException(where + ", which does not exist");
      }
      ColumnDef targetColumn = parent.columns().get(target);
      if (targetColumn.type() != column.type()) {
        throw new InvalidQueryException(
            where
                + ", of type "
                + targetColumn.type().wireName()
                + ", not "
                + column.type().wireName());
      }
      if (!TableStore.hasUniqueTree(targetColumn)) {
        throw new InvalidQueryException(where + ", which is neither the primary key nor unique");
      }
    }
  }

  private TableStore create(TableSchema schema) {
    TableDef def = schema.definition();
    int columns = def.columns().size();
    List<IndexInfo> declared = declaredIndexes(def);
    TableMetaPage meta = TableMetaPage.create(pager, columns);
    BTree[] unique = new BTree[columns];
    BTree[] foreign = new BTree[columns];
    for (int c = 0; c < columns; c++) {
      ColumnDef column = def.columns().get(c);
      if (TableStore.hasUniqueTree(column)) {
        unique[c] = BTree.create(pager, true);
        meta.setUniqueTreeRoot(c, unique[c].rootPage());
      }
      if (TableStore.hasForeignKeyTree(column)) {
        foreign[c] = BTree.create(pager, false);
        meta.setForeignKeyTreeRoot(c, foreign[c].rootPage());
      }
    }
    metaPages.put(def.name(), meta);
    CatalogEntry entry = new CatalogEntry(meta.pageId(), def, List.of());
    int tableId = catalog.put(def.name(), entry.encode());
    TableStore store = new TableStore(schema, records, tableId, unique, foreign);
    entries.put(def.name(), entry);
    for (IndexInfo index : declared) {
      addIndex(store, index, true, false);
    }
    return store;
  }

  private TableStore reopen(TableSchema schema, byte[] bytes) {
    TableDef def = schema.definition();
    CatalogEntry entry = CatalogEntry.decode(def.name(), bytes);
    if (!entry.definition().equals(def)) {
      throw new MigrationException(
          "table "
              + def.name()
              + " is stored with a different definition than the one registered; "
              + "migrations are not supported yet");
    }
    int columns = def.columns().size();
    TableMetaPage meta = TableMetaPage.open(pager, entry.metaPage(), columns);
    BTree[] unique = new BTree[columns];
    BTree[] foreign = new BTree[columns];
    for (int c = 0; c < columns; c++) {
      ColumnDef column = def.columns().get(c);
      if (TableStore.hasUniqueTree(column)) {
        unique[c] = BTree.open(pager, meta.uniqueTreeRoot(c), true);
      }
      if (TableStore.hasForeignKeyTree(column)) {
        foreign[c] = BTree.open(pager, meta.foreignKeyTreeRoot(c), false);
      }
    }
    metaPages.put(def.name(), meta);
    entries.put(def.name(), entry);
    int tableId = catalog.tableId(def.name()).orElseThrow();
    TableStore store = new TableStore(schema, records, tableId, unique, foreign);
    for (CatalogEntry.StoredIndex index : entry.indexes()) {
      IndexInfo info = secondary(index.name(), index.columns(), index.unique());
      store.addSecondaryIndex(info, BTree.open(pager, index.root(), false), false);
    }
    return store;
  }

  private static List<IndexInfo> declaredIndexes(TableDef def) {
    List<IndexInfo> declared = new ArrayList<>();
    for (IndexDef index : def.indexes()) {
      declared.add(secondary(index.name(), columnsOf(def, index), index.unique()));
    }
    return declared;
  }

  private static List<Integer> columnsOf(TableDef def, IndexDef index) {
    List<Integer> columns = new ArrayList<>();
    for (String column : index.columns()) {
      int position = def.columnIndex(column);
      if (position < 0) {
        throw new UnknownColumnException(column);
      }
      columns.add(position);
    }
    return columns;
  }

  private static IndexInfo secondary(String name, List<Integer> columns, boolean unique) {
    return new IndexInfo(name, columns, unique, IndexInfo.Kind.SECONDARY);
  }

  /**
   * Creates a secondary index on a registered table and fills it from the table's rows.
   *
   * @throws TableNotFoundException if the table is not registered
   * @throws UnknownColumnException if the index names a column the table lacks
   * @throws InvalidQueryException if the table already has an index of that name
   * @throws UniqueConstraintViolationException if the index is unique and rows share a key
   */
  public void createIndex(String table, IndexDef index) {
    TableStore store = (TableStore) table(table);
    TableDef def = store.schema().definition();
    for (IndexInfo existing : store.indexes()) {
      if (existing.name().equals(index.name())) {
        throw new InvalidQueryException("table " + table + " already has an index " + index.name());
      }
    }
    addIndex(store, secondary(index.name(), columnsOf(def, index), index.unique()), false, true);
  }

  /**
   * Drops a secondary index created with {@link #createIndex}, freeing its pages.
   *
   * @throws InvalidQueryException if there is no such index, or the table definition declares it
   */
  public void dropIndex(String table, String name) {
    TableStore store = (TableStore) table(table);
    CatalogEntry entry = entries.get(table);
    List<CatalogEntry.StoredIndex> kept = new ArrayList<>();
    CatalogEntry.StoredIndex dropped = null;
    for (CatalogEntry.StoredIndex index : entry.indexes()) {
      if (index.name().equals(name)) {
        dropped = index;
      } else {
        kept.add(index);
      }
    }
    if (dropped == null) {
      throw new InvalidQueryException("table " + table + " has no secondary index " + name);
    }
    if (dropped.declared()) {
      throw new InvalidQueryException(
          "index "
              + name
              + " is declared in the definition of "
              + table
              + " and cannot be dropped");
    }
    saveEntry(table, entry.withIndexes(kept));
    store.removeSecondaryIndex(name).tree().drop();
  }

  /** Builds and records a secondary index; on failure frees its tree and changes nothing. */
  private void addIndex(TableStore store, IndexInfo info, boolean declared, boolean fill) {
    BTree tree = BTree.create(pager, false);
    try {
      store.addSecondaryIndex(info, tree, fill);
    } catch (DbmsException e) {
      tree.drop();
      throw e;
    }
    String table = store.schema().name();
    CatalogEntry entry = entries.get(table);
    List<CatalogEntry.StoredIndex> indexes = new ArrayList<>(entry.indexes());
    indexes.add(
        new CatalogEntry.StoredIndex(
            info.name(), info.columns(), info.unique(), declared, tree.rootPage()));
    saveEntry(table, entry.withIndexes(indexes));
  }

  private void saveEntry(String table, CatalogEntry entry) {
    catalog.put(table, entry.encode());
    entries.put(table, entry);
  }

  @Override
  public TableData table(String name) {
    TableStore store = tables.get(name);
    if (store == null) {
      throw new TableNotFoundException(name);
    }
    return store;
  }

  @Override
  public List<Reference> referencesTo(String table) {
    List<Reference> found = references.get(table);
    return found == null ? List.of() : found;
  }

  /** The registered table names, in registration order. */
  public List<String> tableNames() {
    return new ArrayList<>(tables.keySet());
  }

  @Override
  public IntegerValue next(String table, int column) {
    TableMetaPage meta = metaPages.get(table);
    long next = meta.nextAutoIncrement(column);
    ColumnDef def = schemaOf(table).columns().get(column);
    IntegerValue value = next == 0 ? null : fitting(def, next);
    if (value == null) {
      throw new ConstraintViolationException(
          "autoincrement column " + table + "." + def.name() + " has no values left");
    }
    meta.setNextAutoIncrement(column, next + 1); // wraps to 0 after the largest Uint64: exhausted
    return value;
  }

  @Override
  public void observe(String table, int column, IntegerValue used) {
    if (used.isNegative()) {
      return;
    }
    TableMetaPage meta = metaPages.get(table);
    long next = meta.nextAutoIncrement(column);
    if (next != 0 && Unsigned.compare(used.bits(), next) >= 0) {
      meta.setNextAutoIncrement(column, used.bits() + 1);
    }
  }

  private static IntegerValue fitting(ColumnDef column, long unsignedValue) {
    try {
      return Values.integer(column.type(), false, unsignedValue);
    } catch (InvalidQueryException outOfRange) {
      return null;
    }
  }

  /**
   * Ends the current atomic unit of writes: with a journaling provider, everything written since
   * the previous commit becomes durable together.
   */
  public void commit() {
    pager.commit();
  }

  /** Forces everything written so far to durable storage. */
  public void sync() {
    pager.sync();
  }

  /** Closes the underlying provider. */
  public void close() {
    pager.close();
  }
}
