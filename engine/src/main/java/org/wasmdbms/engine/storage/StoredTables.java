package org.wasmdbms.engine.storage;

import java.util.ArrayList;
import java.util.Iterator;
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
import org.wasmdbms.api.migration.MigrationOp;
import org.wasmdbms.api.migration.MigrationPolicy;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.ForeignKeyDef;
import org.wasmdbms.api.schema.IndexDef;
import org.wasmdbms.api.schema.SchemaCodec;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.IntegerValue;
import org.wasmdbms.api.value.RowCodec;
import org.wasmdbms.api.value.Unsigned;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.Values;
import org.wasmdbms.engine.TableSchema;
import org.wasmdbms.engine.data.IndexInfo;
import org.wasmdbms.engine.data.LookaheadIterator;
import org.wasmdbms.engine.data.TableData;
import org.wasmdbms.engine.data.Tables;
import org.wasmdbms.engine.write.AutoIncrementSource;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.memory.btree.BTree;
import org.wasmdbms.memory.page.Catalog;
import org.wasmdbms.memory.page.Pager;
import org.wasmdbms.memory.page.RecordCursor;
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
 * one. A difference is drift, not an error: the table is left as stored, and while any registered
 * table differs, a table of a file that held tables when it was opened is not there yet, or the
 * file holds a table nobody registered, {@link #table(String)} throws a {@link MigrationException}
 * naming the first difference. {@link #pendingMigrations()} lists the steps and {@link
 * #migrate(MigrationPolicy)} applies them in one atomic unit (see {@code docs/migrations.md}). Not
 * thread-safe.
 */
public final class StoredTables implements Tables, AutoIncrementSource {
  private final Pager pager;
  private final RecordStore records;
  private final Catalog catalog;
  private final Map<String, TableStore> tables = new LinkedHashMap<>();
  private final Map<String, TableMetaPage> metaPages = new LinkedHashMap<>();
  private final Map<String, List<Reference>> references = new LinkedHashMap<>();
  private final Map<String, CatalogEntry> entries = new LinkedHashMap<>();
  private final Map<String, TableSchema> registered = new LinkedHashMap<>();
  private final boolean storedAtOpen;
  private boolean driftKnown;
  private String drift;
  private String broken;
  private Registrations registrations;

  private StoredTables(Pager pager) {
    this.pager = pager;
    this.records = new RecordStore(pager);
    this.catalog = Catalog.open(pager);
    this.storedAtOpen = !catalog.names().isEmpty();
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
   * Opens a read-only copy of a database's tables over {@code snapshot}, a provider that shows one
   * committed version of it (see {@link org.wasmdbms.memory.version.VersionedMemoryProvider}),
   * registering {@code schemas} (the tables registered at that version, in order) as the writer
   * did. Reads only: a write through it fails with a {@link MemoryException}.
   */
  public static StoredTables openSnapshot(MemoryProvider snapshot, List<TableSchema> schemas) {
    return openSnapshot(snapshot, schemas, null);
  }

  /**
   * Like {@link #openSnapshot(MemoryProvider, List)}, reusing what opening an earlier snapshot of
   * the same {@code schemas} found ({@code previous}, from its {@link #registrations()}; null:
   * none) for every table whose catalog entry holds the same bytes here: its decoded entry and
   * whether the table was opened, so that the foreign keys are not checked, nor the entry decoded
   * and compared with the registered definition, again. Those depend only on the table list and the
   * entry's bytes; a reader beside a writer opens a snapshot per published version, and that work
   * was half of it.
   */
  public static StoredTables openSnapshot(
      MemoryProvider snapshot, List<TableSchema> schemas, Registrations previous) {
    StoredTables tables = open(snapshot);
    boolean asBefore = previous != null && previous.schemas == schemas;
    for (int i = 0; i < schemas.size(); i++) {
      TableSchema schema = schemas.get(i);
      if (!(asBefore && tables.registerAsBefore(schema, previous.tables[i]))) {
        asBefore = false;
        tables.register(schema);
      }
    }
    tables.registrations = asBefore ? previous : tables.remember(schemas);
    return tables;
  }

  /**
   * What registering a snapshot's tables found: per table of the list, in order, the catalog bytes
   * read, the entry decoded from them and whether the table was opened. Immutable, so readers of
   * several threads may pass one to {@link #openSnapshot(MemoryProvider, List, Registrations)}.
   */
  public static final class Registrations {
    private final List<TableSchema> schemas;
    private final Registered[] tables;

    private Registrations(List<TableSchema> schemas, Registered[] tables) {
      this.schemas = schemas;
      this.tables = tables;
    }
  }

  /** One table's registration in a snapshot: its catalog bytes (null: none), entry, opening. */
  private record Registered(byte[] stored, CatalogEntry entry, boolean opened) {}

  /**
   * What registering this snapshot's tables found (see {@link Registrations}); null for tables not
   * opened by {@link #openSnapshot}.
   */
  public Registrations registrations() {
    return registrations;
  }

  private Registrations remember(List<TableSchema> schemas) {
    Registered[] found = new Registered[schemas.size()];
    for (int i = 0; i < found.length; i++) {
      String name = schemas.get(i).definition().name();
      found[i] =
          new Registered(
              catalog.get(name).orElse(null), entries.get(name), tables.containsKey(name));
    }
    return new Registrations(schemas, found);
  }

  /**
   * Registers {@code schema} as an earlier snapshot of the same table list did, if its catalog
   * entry holds the same bytes; false, having changed nothing, otherwise.
   */
  private boolean registerAsBefore(TableSchema schema, Registered before) {
    String name = schema.definition().name();
    if (before.stored() == null || !catalog.holds(name, before.stored())) {
      return false;
    }
    entries.put(name, before.entry());
    if (before.opened()) {
      tables.put(name, reopen(schema, before.entry()));
    }
    link(schema);
    return true;
  }

  /**
   * Registers a table: checks its foreign keys against the tables registered so far (or itself),
   * then creates its storage, or opens the storage the file already has for it.
   *
   * @throws InvalidQueryException if the table is registered already or a foreign key points to an
   *     unknown table, an unknown column, a column of another type, or a column that is neither the
   *     primary key nor unique
   */
  public void register(TableSchema schema) {
    checkUsable();
    TableDef def = schema.definition();
    if (registered.containsKey(def.name())) {
      throw new InvalidQueryException("table " + def.name() + " is already registered");
    }
    if (def.columns().size() > TableMetaPage.MAX_COLUMNS) {
      throw new ConstraintViolationException(
          "table " + def.name() + " has more than " + TableMetaPage.MAX_COLUMNS + " columns");
    }
    checkForeignKeys(def);
    Optional<byte[]> stored = catalog.get(def.name());
    if (stored.isPresent()) {
      CatalogEntry entry = CatalogEntry.decode(def.name(), stored.get());
      entries.put(def.name(), entry);
      if (entry.definition().equals(def) && MigrationPlanner.transformsRan(schema, entry)) {
        tables.put(def.name(), reopen(schema, entry));
      }
    } else if (!storedAtOpen) {
      tables.put(def.name(), create(schema));
    }
    link(schema);
  }

  /** Adds a registered table to the registry and its foreign keys to their parents' references. */
  private void link(TableSchema schema) {
    TableDef def = schema.definition();
    registered.put(def.name(), schema);
    driftKnown = false;
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
    return registered.get(table).definition();
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
      } else if (registered.containsKey(fk.table())) {
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
    CatalogEntry entry =
        new CatalogEntry(
            meta.pageId(), def, List.of(), MigrationPlanner.declaredTransforms(schema));
    int tableId = catalog.put(def.name(), entry.encode());
    TableStore store = new TableStore(schema, records, tableId, unique, foreign);
    entries.put(def.name(), entry);
    for (IndexInfo index : declared) {
      addIndex(store, index, true, false);
    }
    return store;
  }

  private TableStore reopen(TableSchema schema, CatalogEntry entry) {
    TableDef def = schema.definition();
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
    checkUsable();
    String difference = drift();
    if (difference != null) {
      throw new MigrationException(difference);
    }
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

  /**
   * How many rows reads of the committed tables have decoded in full since they were opened (for
   * tests and diagnostics: a filtered or windowed read decodes only the rows it returns).
   */
  public long decodedRows() {
    long decoded = 0;
    for (TableStore store : tables.values()) {
      decoded += store.decodedRows();
    }
    return decoded;
  }

  /** The registered table names, in registration order. */
  public List<String> tableNames() {
    return new ArrayList<>(registered.keySet());
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

  /** Whether the stored schema differs from the registered one; see the class comment. */
  public boolean hasDrift() {
    checkUsable();
    return drift() != null;
  }

  private String drift() {
    if (!driftKnown) {
      drift = firstDifference();
      driftKnown = true;
    }
    return drift;
  }

  private String firstDifference() {
    for (TableSchema schema : changedTables()) {
      String name = schema.name();
      CatalogEntry entry = entries.get(name);
      if (entry == null) {
        return "schema drift: table "
            + name
            + " is not in the file yet (create-table "
            + name
            + " is pending); call migrate";
      }
      String what;
      try {
        List<MigrationOp> steps = MigrationPlanner.map(schema, entry).steps();
        MigrationPlanner.sort(steps, tableNames());
        StringBuilder list = new StringBuilder();
        for (MigrationOp step : steps) {
          list.append(list.length() == 0 ? "" : ", ").append(step.describe());
        }
        what =
            steps.isEmpty()
                ? "its columns are stored in another order or its indexes under other names"
                : list.toString();
      } catch (MigrationException e) {
        what = e.detail();
      }
      return "schema drift: table "
          + name
          + " differs from the stored one: "
          + what
          + "; call migrate";
    }
    for (String name : unregisteredStored()) {
      return "schema drift: table "
          + name
          + " is stored but not registered (drop-table "
          + name
          + " is pending); call migrate";
    }
    return null;
  }

  /** The registered tables whose storage is not open: stored differently, or not in the file. */
  private List<TableSchema> changedTables() {
    List<TableSchema> changed = new ArrayList<>();
    for (TableSchema schema : registered.values()) {
      if (!tables.containsKey(schema.name())) {
        changed.add(schema);
      }
    }
    return changed;
  }

  private List<String> unregisteredStored() {
    List<String> names = new ArrayList<>();
    for (String name : catalog.names()) {
      if (!registered.containsKey(name)) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * The steps from the stored schema to the registered one, in plan order (see {@link
   * MigrationOp}).
   *
   * @throws MigrationException if no step leads to the registered schema: a new column that is
   *     neither nullable nor has a default, a type change that is not a widening, a moved primary
   *     key
   */
  public List<MigrationOp> pendingMigrations() {
    checkUsable();
    List<MigrationOp> steps = new ArrayList<>();
    for (TableSchema schema : changedTables()) {
      CatalogEntry entry = entries.get(schema.name());
      if (entry == null) {
        steps.add(MigrationPlanner.create(schema));
      } else {
        steps.addAll(MigrationPlanner.map(schema, entry).steps());
      }
    }
    for (String name : unregisteredStored()) {
      steps.add(new MigrationOp.DropTable(name));
    }
    MigrationPlanner.sort(steps, tableNames());
    return steps;
  }

  /**
   * Applies every pending step in one atomic unit: first every row of every changed table is built
   * in its new shape and checked against the new rules, without writing; then the old storage of
   * the changed and dropped tables is freed, the changed tables are written anew, and the unit is
   * committed. A table that did not change is not touched.
   *
   * @throws MigrationException naming the failing step and why, or the destructive step the policy
   *     refuses, before anything is written; if writing fails (out of space), the database refuses
   *     every later call and must be reopened, which shows it as before the migration when the
   *     provider journals
   */
  public void migrate(MigrationPolicy policy) {
    List<MigrationOp> steps = pendingMigrations();
    if (drift() == null) {
      return;
    }
    for (MigrationOp step : steps) {
      if (step.destructive() && !policy.allowDestructive()) {
        throw new MigrationException(
            step.describe() + " is destructive and the migration policy does not allow it");
      }
    }
    Map<String, List<Value[]>> rebuilt = new LinkedHashMap<>();
    Map<String, MigrationPlanner.TableMapping> mappings = new LinkedHashMap<>();
    for (TableSchema schema : changedTables()) {
      String name = schema.name();
      CatalogEntry entry = entries.get(name);
      if (entry == null) {
        rebuilt.put(name, List.of());
        continue;
      }
      MigrationPlanner.TableMapping mapping = MigrationPlanner.map(schema, entry);
      List<List<Integer>> unique = new ArrayList<>();
      for (IndexInfo index : indexesAfter(schema, entry, mapping)) {
        if (index.unique()) {
          unique.add(index.columns());
        }
      }
      mappings.put(name, mapping);
      rebuilt.put(
          name,
          MigrationRows.build(
              schema, entry, mapping, storedRows(name, entry.definition()), unique));
    }
    MigrationRows.checkForeignKeys(steps, registered, rebuilt, name -> tables.get(name).scan());
    try {
      for (String name : unregisteredStored()) {
        freeStorage(name, CatalogEntry.decode(name, catalog.get(name).orElseThrow()));
      }
      for (Map.Entry<String, List<Value[]>> table : rebuilt.entrySet()) {
        write(registered.get(table.getKey()), mappings.get(table.getKey()), table.getValue());
      }
      pager.commit();
    } catch (RuntimeException e) {
      broken =
          "a migration failed while writing ("
              + (e instanceof DbmsException d ? d.detail() : "unexpected failure")
              + "); reopen the database, which then shows it as it was before the migration";
      throw new MigrationException(broken);
    }
    driftKnown = false;
  }

  /**
   * The secondary indexes a rebuilt table gets: its declared ones, then surviving run-time ones.
   */
  private static List<IndexInfo> indexesAfter(
      TableSchema schema, CatalogEntry stored, MigrationPlanner.TableMapping mapping) {
    List<IndexInfo> indexes = declaredIndexes(schema.definition());
    for (CatalogEntry.StoredIndex index : stored.indexes()) {
      if (index.declared()) {
        continue;
      }
      List<Integer> columns = new ArrayList<>();
      for (int column : index.columns()) {
        for (int i = 0; i < mapping.sources().length; i++) {
          if (mapping.sources()[i] == column) {
            columns.add(i);
          }
        }
      }
      if (columns.size() == index.columns().size()) {
        indexes.add(secondary(index.name(), columns, index.unique()));
      }
    }
    return indexes;
  }

  private Iterator<Value[]> storedRows(String table, TableDef definition) {
    RecordCursor cursor = records.scan(catalog.tableId(table).orElseThrow());
    List<DataType> types = definition.columnTypes();
    return new LookaheadIterator<>() {
      @Override
      protected Value[] computeNext() {
        return cursor.next() ? RowCodec.decode(types, cursor.record()).toArray(new Value[0]) : null;
      }
    };
  }

  /** Writes a created or rebuilt table: frees its old storage, creates it anew, fills it. */
  private void write(
      TableSchema schema, MigrationPlanner.TableMapping mapping, List<Value[]> rows) {
    String name = schema.name();
    CatalogEntry old = entries.get(name);
    long[] counters = new long[schema.definition().columns().size()];
    if (old != null) {
      TableMetaPage oldMeta =
          TableMetaPage.open(pager, old.metaPage(), old.definition().columns().size());
      for (int i = 0; i < counters.length; i++) {
        int source = mapping.sources()[i];
        counters[i] = source < 0 ? 1 : oldMeta.nextAutoIncrement(source);
      }
      freeStorage(name, old);
    }
    TableStore store = create(schema);
    TableMetaPage meta = metaPages.get(name);
    List<ColumnDef> columns = schema.definition().columns();
    for (int i = 0; i < counters.length; i++) {
      if (old != null) {
        meta.setNextAutoIncrement(i, counters[i]);
      }
    }
    for (Value[] row : rows) {
      store.insert(row);
      for (int i = 0; i < counters.length; i++) {
        if (columns.get(i).autoIncrement() && !row[i].isNull()) {
          observe(name, i, (IntegerValue) row[i]);
        }
      }
    }
    if (old != null) {
      for (IndexInfo index : indexesAfter(schema, old, mapping)) {
        if (store.indexes().stream().noneMatch(known -> known.name().equals(index.name()))) {
          addIndex(store, index, false, true);
        }
      }
      List<String> ran = new ArrayList<>(old.transforms());
      for (String id : MigrationPlanner.declaredTransforms(schema)) {
        if (!ran.contains(id)) {
          ran.add(id);
        }
      }
      saveEntry(name, entries.get(name).withTransforms(ran));
    }
    tables.put(name, store);
  }

  /** Frees every page of a stored table and removes it from the catalog. */
  private void freeStorage(String name, CatalogEntry entry) {
    TableDef def = entry.definition();
    TableMetaPage meta = TableMetaPage.open(pager, entry.metaPage(), def.columns().size());
    for (int c = 0; c < def.columns().size(); c++) {
      ColumnDef column = def.columns().get(c);
      if (TableStore.hasUniqueTree(column)) {
        BTree.open(pager, meta.uniqueTreeRoot(c), true).drop();
      }
      if (TableStore.hasForeignKeyTree(column)) {
        BTree.open(pager, meta.foreignKeyTreeRoot(c), false).drop();
      }
    }
    for (CatalogEntry.StoredIndex index : entry.indexes()) {
      BTree.open(pager, index.root(), false).drop();
    }
    records.dropTable(catalog.tableId(name).orElseThrow());
    pager.free(meta.pageId());
    catalog.remove(name);
    tables.remove(name);
    metaPages.remove(name);
    entries.remove(name);
  }

  private void checkUsable() {
    if (broken != null) {
      throw new MemoryException(broken);
    }
  }

  /**
   * Ends the current atomic unit of writes: with a journaling provider, everything written since
   * the previous commit becomes durable together.
   */
  public void commit() {
    pager.commit();
  }

  /**
   * Ends the current atomic unit of writes like {@link #commit()}, leaving its durability to the
   * provider's {@link MemoryProvider#finishCommits()} (group commit).
   */
  public void commitWithoutSync() {
    pager.commitWithoutSync();
  }

  /** Starts a batch of page writes (see {@code Pager.beginBatch}); a commit ends it. */
  public void beginBatch() {
    pager.beginBatch();
  }

  /** Ends the batch of page writes, if any, writing its pages to the provider. */
  public void endBatch() {
    pager.endBatch();
  }

  /** How many provider writes the batches' flushes made (for tests; see {@code Pager}). */
  public long batchProviderWrites() {
    return pager.batchProviderWrites();
  }

  /** Whether pages were written since the last commit or sync (see {@code Pager}). */
  public boolean hasUncommittedWrites() {
    return pager.hasUncommittedWrites();
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
