package org.wasmdbms.wit;

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
import org.wasmdbms.api.error.ErrorKind;
import org.wasmdbms.api.query.AggregateFunction;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.OrderDirection;

/**
 * The types of interface {@code types} of {@code wit/dbms.wit} ({@code wasm-dbms:dbms@0.1.0}), in
 * the file's declaration order, with their canonical-ABI layouts. Case lists come from the Java
 * enums they map to ({@link ValueCase}, {@link ErrorKind}, {@link AggregateFunction.Kind}, and the
 * two arrays here for the enums), so each order is written once; {@code WitFileTest} checks all of
 * it against the WIT file. The constants are immutable and safe to share between threads.
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

  /** {@code dbms-error}: one case per {@link ErrorKind}, in the enum's order. */
  public static final WitType DBMS_ERROR = errorVariant();

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
          DBMS_ERROR);

  private DbmsTypes() {}

  /** Whether the {@code dbms-error} case of {@code kind} carries a detail string. */
  public static boolean carriesDetail(ErrorKind kind) {
    return kind != ErrorKind.PRIMARY_KEY_CONFLICT && kind != ErrorKind.TRANSACTION_NOT_FOUND;
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

  private static WitType errorVariant() {
    ErrorKind[] kinds = ErrorKind.values();
    WitType.Part[] parts = new WitType.Part[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      parts[i] = part(kinds[i].witName(), carriesDetail(kinds[i]) ? STRING : null);
    }
    return variant("dbms-error", parts);
  }
}
