package org.wasmdbms.host.abi;

import static org.wasmdbms.host.abi.DatabaseTypes.AGGREGATED_ROW;
import static org.wasmdbms.host.abi.DatabaseTypes.AGGREGATE_FUNCTION;
import static org.wasmdbms.host.abi.DatabaseTypes.DBMS_ERROR;
import static org.wasmdbms.host.abi.DatabaseTypes.DELETE_BEHAVIOR;
import static org.wasmdbms.host.abi.DatabaseTypes.QUERY;
import static org.wasmdbms.host.abi.DatabaseTypes.ROW;
import static org.wasmdbms.host.abi.DatabaseTypes.TRANSACTION_ID;
import static org.wasmdbms.host.abi.WitType.STRING;
import static org.wasmdbms.host.abi.WitType.U64;
import static org.wasmdbms.host.abi.WitType.list;
import static org.wasmdbms.host.abi.WitType.option;
import static org.wasmdbms.host.abi.WitType.record;

import java.util.List;

/**
 * The functions of interface {@code wasm-dbms:dbms/database@0.1.0}: their export names, parameter
 * tuples and result types, and the core signature the canonical ABI gives them.
 *
 * <p>Parameters that flatten to more than {@value #MAX_FLAT_PARAMS} core values are passed in guest
 * memory as one tuple (a pointer is the only argument); every result here flattens to more than
 * {@value #MAX_FLAT_RESULTS} value, so every export returns a pointer to its result in guest memory
 * and has a {@code cabi_post_} export that frees it.
 */
public enum DatabaseFunction {
  /** {@code select(table, query, tx) -> result<list<row>, dbms-error>}. */
  SELECT("select", record(STRING, QUERY, option(TRANSACTION_ID)), list(ROW)),
  /** {@code aggregate(table, query, aggregates, tx) -> result<list<aggregated-row>, ...>}. */
  AGGREGATE(
      "aggregate",
      record(STRING, QUERY, list(AGGREGATE_FUNCTION), option(TRANSACTION_ID)),
      list(AGGREGATED_ROW)),
  /** {@code insert(table, values, tx) -> result<row, dbms-error>}. */
  INSERT("insert", record(STRING, ROW, option(TRANSACTION_ID)), ROW),
  /** {@code update(table, values, filter, tx) -> result<u64, dbms-error>}. */
  UPDATE("update", record(STRING, ROW, option(STRING), option(TRANSACTION_ID)), U64),
  /** {@code delete(table, behavior, filter, tx) -> result<u64, dbms-error>}. */
  DELETE("delete", record(STRING, DELETE_BEHAVIOR, option(STRING), option(TRANSACTION_ID)), U64),
  /** {@code begin-transaction() -> result<transaction-id, dbms-error>}. */
  BEGIN_TRANSACTION("begin-transaction", record(), TRANSACTION_ID),
  /** {@code commit(tx) -> result<_, dbms-error>}. */
  COMMIT("commit", record(TRANSACTION_ID), null),
  /** {@code rollback(tx) -> result<_, dbms-error>}. */
  ROLLBACK("rollback", record(TRANSACTION_ID), null);

  /** The most core parameters a function takes before its parameters go through memory. */
  public static final int MAX_FLAT_PARAMS = 16;

  /** The most core results a function returns before its result goes through memory. */
  public static final int MAX_FLAT_RESULTS = 1;

  /** The prefix of every export name of the interface. */
  public static final String INTERFACE = "wasm-dbms:dbms/database@0.1.0";

  private final String witName;
  private final WitType params;
  private final WitType result;

  DatabaseFunction(String witName, WitType params, WitType ok) {
    this.witName = witName;
    this.params = params;
    this.result = WitType.result(ok, DBMS_ERROR);
    if (result.flat().size() <= MAX_FLAT_RESULTS) {
      throw new IllegalStateException(witName + " would return its result flat");
    }
  }

  /** The function's name in the WIT file. */
  public String witName() {
    return witName;
  }

  /** The core export's name. */
  public String exportName() {
    return INTERFACE + "#" + witName;
  }

  /** The export that frees the function's result. */
  public String postReturnName() {
    return "cabi_post_" + exportName();
  }

  /** The parameters as one record, in declaration order. */
  public WitType params() {
    return params;
  }

  /** The {@code result<T, dbms-error>} type. */
  public WitType result() {
    return result;
  }

  /** Whether the parameters are passed in memory through a pointer. */
  public boolean spillsParams() {
    return params.flat().size() > MAX_FLAT_PARAMS;
  }

  /** The core parameter types of the export. */
  public List<WitType.Flat> coreParams() {
    return spillsParams() ? List.of(WitType.Flat.I32) : params.flat();
  }

  /** The core result types of the export: one pointer to the result in guest memory. */
  public List<WitType.Flat> coreResults() {
    return List.of(WitType.Flat.I32);
  }
}
