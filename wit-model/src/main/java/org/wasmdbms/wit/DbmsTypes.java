package org.wasmdbms.wit;

import static org.wasmdbms.wit.WitType.BOOL;
import static org.wasmdbms.wit.WitType.STRING;
import static org.wasmdbms.wit.WitType.U64;
import static org.wasmdbms.wit.WitType.alias;
import static org.wasmdbms.wit.WitType.enumeration;
import static org.wasmdbms.wit.WitType.list;
import static org.wasmdbms.wit.WitType.option;
import static org.wasmdbms.wit.WitType.part;
import static org.wasmdbms.wit.WitType.record;
import static org.wasmdbms.wit.WitType.variant;

import java.util.List;
import java.util.Locale;
import org.wasmdbms.api.error.ErrorKind;
import org.wasmdbms.api.migration.MigrationOp;
import org.wasmdbms.api.query.AggregateFunction;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.transaction.Isolation;
import org.wasmdbms.api.value.DataType;

/**
 * The types of interface {@code types} of {@code wit/dbms.wit} ({@code wasm-dbms:dbms@0.1.0}), in
 * the file's declaration order, with their canonical-ABI layouts. Case lists come from the Java
 * enums they map to ({@link ValueCase}, {@link ErrorKind}, {@link AggregateFunction.Kind}, {@link
 * Isolation}, and the lists here for the other enums), so each order is written once; {@code
 * WitFileTest} checks all of it against the WIT file. The constants are immutable and safe to share
 * between threads.
 */
public final class DbmsTypes {
  /** {@code value}: one case per {@link ValueCase}. */
  public static final WitType VALUE = valueVariant();

  /** {@code column-value}: name, value. */
  public static final WitType COLUMN_VALUE =
      record("column-value", part("name", STRING), part("value", VALUE));

  /** {@code row}. */
  public static final WitType ROW = alias("row", list(COLUMN_VALUE));

  /** The api's sort directions in the case order of {@link #ORDER_DIRECTION}. */
  public static final List<OrderDirection> ORDER_DIRECTIONS =
      List.of(OrderDirection.ASCENDING, OrderDirection.DESCENDING);

  /** {@code order-direction}. */
  public static final WitType ORDER_DIRECTION = enumeration("order-direction", "asc", "desc");

  /** {@code order-key}: column, direction. */
  public static final WitType ORDER_KEY =
      record("order-key", part("column", STRING), part("direction", ORDER_DIRECTION));

  /** {@code query}: the fields of {@link WitQuery}, in order. */
  public static final WitType QUERY =
      record(
          "query",
          part("filter", option(STRING)),
          part("distinct-by", list(STRING)),
          part("eager-relations", list(STRING)),
          part("joins", list(STRING)),
          part("group-by", list(STRING)),
          part("having", option(STRING)),
          part("order-by", list(ORDER_KEY)),
          part("limit", option(U64)),
          part("offset", option(U64)));

  /** The api's delete behaviours in the case order of {@link #DELETE_BEHAVIOR}. */
  public static final List<DeleteBehavior> DELETE_BEHAVIORS =
      List.of(DeleteBehavior.RESTRICT, DeleteBehavior.CASCADE);

  /** {@code delete-behavior}. */
  public static final WitType DELETE_BEHAVIOR =
      enumeration("delete-behavior", "restrict", "cascade");

  /** {@code aggregate-function}: {@code count(option<string>)}, the others a column. */
  public static final WitType AGGREGATE_FUNCTION = aggregateVariant("aggregate-function", false);

  /** {@code aggregated-value}: {@code count(u64)}, the others a value. */
  public static final WitType AGGREGATED_VALUE = aggregateVariant("aggregated-value", true);

  /** {@code aggregated-row}: group-keys, values. */
  public static final WitType AGGREGATED_ROW =
      record(
          "aggregated-row",
          part("group-keys", list(VALUE)),
          part("values", list(AGGREGATED_VALUE)));

  /** {@code transaction-id}. */
  public static final WitType TRANSACTION_ID = alias("transaction-id", U64);

  /** The api's isolation levels in the case order of {@link #ISOLATION}: the enum's own order. */
  public static final List<Isolation> ISOLATIONS = List.of(Isolation.values());

  /**
   * {@code isolation}: one case per {@link Isolation}, named by its {@link Isolation#witName()}.
   */
  public static final WitType ISOLATION = isolationEnum();

  /** {@code dbms-error}: one case per {@link ErrorKind}, in the enum's order. */
  public static final WitType DBMS_ERROR = errorVariant();

  /** The api's column types in the case order of {@link #DATA_TYPE_SNAPSHOT}. */
  public static final List<DataType> DATA_TYPES =
      List.of(
          DataType.INT8,
          DataType.INT16,
          DataType.INT32,
          DataType.INT64,
          DataType.UINT8,
          DataType.UINT16,
          DataType.UINT32,
          DataType.UINT64,
          DataType.FLOAT32,
          DataType.FLOAT64,
          DataType.DECIMAL,
          DataType.BOOLEAN,
          DataType.DATE,
          DataType.DATETIME,
          DataType.BLOB,
          DataType.TEXT,
          DataType.UUID,
          DataType.JSON);

  /** {@code data-type-snapshot}: one case per {@link #DATA_TYPES} entry. */
  public static final WitType DATA_TYPE_SNAPSHOT = variant("data-type-snapshot", dataTypeCases());

  /** {@code foreign-key-snapshot}: table, column. */
  public static final WitType FOREIGN_KEY_SNAPSHOT =
      record("foreign-key-snapshot", part("table", STRING), part("column", STRING));

  /** {@code column-snapshot}: the fields of {@code ColumnSnapshot}, in order. */
  public static final WitType COLUMN_SNAPSHOT =
      record(
          "column-snapshot",
          part("name", STRING),
          part("data-type", DATA_TYPE_SNAPSHOT),
          part("nullable", BOOL),
          part("auto-increment", BOOL),
          part("unique", BOOL),
          part("primary-key", BOOL),
          part("foreign-key", option(FOREIGN_KEY_SNAPSHOT)),
          part("default", option(VALUE)));

  /** {@code index-snapshot}: columns, unique. */
  public static final WitType INDEX_SNAPSHOT =
      record("index-snapshot", part("columns", list(STRING)), part("unique", BOOL));

  /** {@code table-schema-snapshot}: name, primary-key, columns, indexes. */
  public static final WitType TABLE_SCHEMA_SNAPSHOT =
      record(
          "table-schema-snapshot",
          part("name", STRING),
          part("primary-key", STRING),
          part("columns", list(COLUMN_SNAPSHOT)),
          part("indexes", list(INDEX_SNAPSHOT)));

  /** {@code foreign-key-change}: drop, set(foreign-key-snapshot). */
  public static final WitType FOREIGN_KEY_CHANGE =
      variant("foreign-key-change", part("drop"), part("set", FOREIGN_KEY_SNAPSHOT));

  /** {@code default-change}: drop, set(value). */
  public static final WitType DEFAULT_CHANGE =
      variant("default-change", part("drop"), part("set", VALUE));

  /** {@code column-changes}: the fields of {@code ColumnChanges}, in order. */
  public static final WitType COLUMN_CHANGES =
      record(
          "column-changes",
          part("nullable", option(BOOL)),
          part("unique", option(BOOL)),
          part("auto-increment", option(BOOL)),
          part("default", option(DEFAULT_CHANGE)),
          part("foreign-key", option(FOREIGN_KEY_CHANGE)));

  /** {@code create-table-op}: name, schema. */
  public static final WitType CREATE_TABLE_OP =
      record("create-table-op", part("name", STRING), part("schema", TABLE_SCHEMA_SNAPSHOT));

  /** {@code add-column-op}: table, column. */
  public static final WitType ADD_COLUMN_OP =
      record("add-column-op", part("table", STRING), part("column", COLUMN_SNAPSHOT));

  /** {@code drop-column-op}: table, column. */
  public static final WitType DROP_COLUMN_OP =
      record("drop-column-op", part("table", STRING), part("column", STRING));

  /** {@code rename-column-op}: table, old, new. */
  public static final WitType RENAME_COLUMN_OP =
      record("rename-column-op", part("table", STRING), part("old", STRING), part("new", STRING));

  /** {@code alter-column-op}: table, column, changes. */
  public static final WitType ALTER_COLUMN_OP =
      record(
          "alter-column-op",
          part("table", STRING),
          part("column", STRING),
          part("changes", COLUMN_CHANGES));

  /** {@code type-change-op}: table, column, old-type, new-type. */
  public static final WitType TYPE_CHANGE_OP =
      record(
          "type-change-op",
          part("table", STRING),
          part("column", STRING),
          part("old-type", DATA_TYPE_SNAPSHOT),
          part("new-type", DATA_TYPE_SNAPSHOT));

  /** {@code transform-op}: table, column, id. */
  public static final WitType TRANSFORM_OP =
      record("transform-op", part("table", STRING), part("column", STRING), part("id", STRING));

  /** {@code index-op}: table, index. */
  public static final WitType INDEX_OP =
      record("index-op", part("table", STRING), part("index", INDEX_SNAPSHOT));

  /** The api's kinds of migration steps in the case order of {@link #MIGRATION_OP}. */
  public static final List<MigrationOp.Kind> MIGRATION_OP_KINDS =
      List.of(
          MigrationOp.Kind.CREATE_TABLE,
          MigrationOp.Kind.DROP_TABLE,
          MigrationOp.Kind.ADD_COLUMN,
          MigrationOp.Kind.DROP_COLUMN,
          MigrationOp.Kind.RENAME_COLUMN,
          MigrationOp.Kind.ALTER_COLUMN,
          MigrationOp.Kind.WIDEN_COLUMN,
          MigrationOp.Kind.TRANSFORM_COLUMN,
          MigrationOp.Kind.ADD_INDEX,
          MigrationOp.Kind.DROP_INDEX);

  /** {@code migration-op}: one case per {@link #MIGRATION_OP_KINDS} entry, named by its kind. */
  public static final WitType MIGRATION_OP = migrationOpVariant();

  /** {@code migration-policy}: allow-destructive. */
  public static final WitType MIGRATION_POLICY =
      record("migration-policy", part("allow-destructive", BOOL));

  /** Every declared type of interface {@code types}, in declaration order. */
  public static final List<WitType> ALL =
      List.of(
          VALUE,
          COLUMN_VALUE,
          ROW,
          ORDER_DIRECTION,
          ORDER_KEY,
          QUERY,
          DELETE_BEHAVIOR,
          AGGREGATE_FUNCTION,
          AGGREGATED_VALUE,
          AGGREGATED_ROW,
          TRANSACTION_ID,
          ISOLATION,
          DBMS_ERROR,
          DATA_TYPE_SNAPSHOT,
          FOREIGN_KEY_SNAPSHOT,
          COLUMN_SNAPSHOT,
          INDEX_SNAPSHOT,
          TABLE_SCHEMA_SNAPSHOT,
          FOREIGN_KEY_CHANGE,
          DEFAULT_CHANGE,
          COLUMN_CHANGES,
          CREATE_TABLE_OP,
          ADD_COLUMN_OP,
          DROP_COLUMN_OP,
          RENAME_COLUMN_OP,
          ALTER_COLUMN_OP,
          TYPE_CHANGE_OP,
          TRANSFORM_OP,
          INDEX_OP,
          MIGRATION_OP,
          MIGRATION_POLICY);

  private DbmsTypes() {}

  /** Whether the {@code dbms-error} case of {@code kind} carries a detail string. */
  public static boolean carriesDetail(ErrorKind kind) {
    return kind != ErrorKind.PRIMARY_KEY_CONFLICT && kind != ErrorKind.TRANSACTION_NOT_FOUND;
  }

  private static WitType.Part[] dataTypeCases() {
    WitType.Part[] parts = new WitType.Part[DATA_TYPES.size()];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = part(DATA_TYPES.get(i).wireName().toLowerCase(Locale.ROOT));
    }
    return parts;
  }

  private static WitType migrationOpVariant() {
    WitType.Part[] parts = new WitType.Part[MIGRATION_OP_KINDS.size()];
    for (int i = 0; i < parts.length; i++) {
      MigrationOp.Kind kind = MIGRATION_OP_KINDS.get(i);
      WitType payload =
          switch (kind) {
            case CREATE_TABLE -> CREATE_TABLE_OP;
            case DROP_TABLE -> STRING;
            case ADD_COLUMN -> ADD_COLUMN_OP;
            case DROP_COLUMN -> DROP_COLUMN_OP;
            case RENAME_COLUMN -> RENAME_COLUMN_OP;
            case ALTER_COLUMN -> ALTER_COLUMN_OP;
            case WIDEN_COLUMN -> TYPE_CHANGE_OP;
            case TRANSFORM_COLUMN -> TRANSFORM_OP;
            case ADD_INDEX, DROP_INDEX -> INDEX_OP;
          };
      parts[i] = part(kind.wireName(), payload);
    }
    return variant("migration-op", parts);
  }

  private static WitType valueVariant() {
    ValueCase[] cases = ValueCase.values();
    WitType.Part[] parts = new WitType.Part[cases.length];
    for (int i = 0; i < cases.length; i++) {
      parts[i] = part(cases[i].witName(), cases[i].payload());
    }
    return variant("value", parts);
  }

  private static WitType aggregateVariant(String name, boolean results) {
    // The WIT case names of AggregateFunction.Kind, by ordinal (a test checks them against the
    // WIT file). Local, because the static fields that call this are initialised first.
    String[] cases = {"count", "sum", "avg", "min", "max"};
    AggregateFunction.Kind[] kinds = AggregateFunction.Kind.values();
    WitType.Part[] parts = new WitType.Part[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      boolean count = kinds[i] == AggregateFunction.Kind.COUNT;
      WitType payload = results ? (count ? U64 : VALUE) : (count ? option(STRING) : STRING);
      parts[i] = part(cases[i], payload);
    }
    return variant(name, parts);
  }

  private static WitType isolationEnum() {
    String[] cases = new String[ISOLATIONS.size()];
    for (int i = 0; i < cases.length; i++) {
      cases[i] = ISOLATIONS.get(i).witName();
    }
    return enumeration("isolation", cases);
  }

  private static WitType errorVariant() {
    ErrorKind[] kinds = ErrorKind.values();
    WitType.Part[] parts = new WitType.Part[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      parts[i] = part(kinds[i].witName(), carriesDetail(kinds[i]) ? STRING : null);
    }
    return variant("dbms-error", parts);
  }
}
