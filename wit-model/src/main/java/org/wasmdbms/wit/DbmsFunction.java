package org.wasmdbms.wit;

import static org.wasmdbms.wit.DbmsTypes.AGGREGATED_ROW;
import static org.wasmdbms.wit.DbmsTypes.AGGREGATE_FUNCTION;
import static org.wasmdbms.wit.DbmsTypes.DBMS_ERROR;
import static org.wasmdbms.wit.DbmsTypes.DELETE_BEHAVIOR;
import static org.wasmdbms.wit.DbmsTypes.ISOLATION;
import static org.wasmdbms.wit.DbmsTypes.MIGRATION_OP;
import static org.wasmdbms.wit.DbmsTypes.MIGRATION_POLICY;
import static org.wasmdbms.wit.DbmsTypes.QUERY;
import static org.wasmdbms.wit.DbmsTypes.ROW;
import static org.wasmdbms.wit.DbmsTypes.TRANSACTION_ID;
import static org.wasmdbms.wit.WitType.BOOL;
import static org.wasmdbms.wit.WitType.STRING;
import static org.wasmdbms.wit.WitType.U64;
import static org.wasmdbms.wit.WitType.list;
import static org.wasmdbms.wit.WitType.option;
import static org.wasmdbms.wit.WitType.part;
import static org.wasmdbms.wit.WitType.record;

import java.util.List;

/**
 * The functions of interface {@code database} of {@code wit/dbms.wit}, in declaration order: their
 * names, parameters, {@code result<T, dbms-error>} types, core export names and the core signature
 * the canonical ABI gives them.
 *
 * <p>Parameters that flatten to more than {@value #MAX_FLAT_PARAMS} core values are passed in guest
 * memory as one tuple (a pointer is the only argument); every result here flattens to more than
 * {@value #MAX_FLAT_RESULTS} value, so every export returns a pointer to its result in guest memory
 * and has a {@code cabi_post_} export that frees it. Immutable and safe to share between threads.
 */
public enum DbmsFunction {
  /** {@code select(table, query, tx) -> result<list<row>, dbms-error>}. */
  SELECT(
      "select",
      list(ROW),
      part("table", STRING),
      part("query", QUERY),
      part("tx", option(TRANSACTION_ID))),
  /** {@code aggregate(table, query, aggregates, tx) -> result<list<aggregated-row>, ...>}. */
  AGGREGATE(
      "aggregate",
      list(AGGREGATED_ROW),
      part("table", STRING),
      part("query", QUERY),
      part("aggregates", list(AGGREGATE_FUNCTION)),
      part("tx", option(TRANSACTION_ID))),
  /** {@code insert(table, values, tx) -> result<row, dbms-error>}. */
  INSERT(
      "insert",
      ROW,
      part("table", STRING),
      part("values", ROW),
      part("tx", option(TRANSACTION_ID))),
  /** {@code update(table, values, filter, tx) -> result<u64, dbms-error>}. */
  UPDATE(
      "update",
      U64,
      part("table", STRING),
      part("values", ROW),
      part("filter", option(STRING)),
      part("tx", option(TRANSACTION_ID))),
  /** {@code delete(table, behavior, filter, tx) -> result<u64, dbms-error>}. */
  DELETE(
      "delete",
      U64,
      part("table", STRING),
      part("behavior", DELETE_BEHAVIOR),
      part("filter", option(STRING)),
      part("tx", option(TRANSACTION_ID))),
  /** {@code begin-transaction() -> result<transaction-id, dbms-error>}. */
  BEGIN_TRANSACTION("begin-transaction", TRANSACTION_ID),
  /** {@code begin-transaction-isolated(isolation) -> result<transaction-id, dbms-error>}. */
  BEGIN_TRANSACTION_ISOLATED(
      "begin-transaction-isolated", TRANSACTION_ID, part("isolation", ISOLATION)),
  /** {@code commit(tx) -> result<_, dbms-error>}. */
  COMMIT("commit", null, part("tx", TRANSACTION_ID)),
  /** {@code rollback(tx) -> result<_, dbms-error>}. */
  ROLLBACK("rollback", null, part("tx", TRANSACTION_ID)),
  /** {@code has-drift() -> result<bool, dbms-error>}. */
  HAS_DRIFT("has-drift", BOOL),
  /** {@code pending-migrations() -> result<list<migration-op>, dbms-error>}. */
  PENDING_MIGRATIONS("pending-migrations", list(MIGRATION_OP)),
  /** {@code migrate(policy) -> result<_, dbms-error>}. */
  MIGRATE("migrate", null, part("policy", MIGRATION_POLICY));

  /** The most core parameters a function takes before its parameters go through memory. */
  public static final int MAX_FLAT_PARAMS = 16;

  /** The most core results a function returns before its result goes through memory. */
  public static final int MAX_FLAT_RESULTS = 1;

  /** The interface every export name starts with. */
  public static final String INTERFACE = "wasm-dbms:dbms/database@0.1.0";

  private final String witName;
  private final WitType params;
  private final WitType result;

  DbmsFunction(String witName, WitType ok, WitType.Part... params) {
    this.witName = witName;
    this.params = record(null, params);
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

  /** The parameters as one tuple, in declaration order, with their names. */
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

  /** The declaration as a WIT file writes it, on one line: {@code name: func(a: t) -> r}. */
  public String declaration() {
    StringBuilder out = new StringBuilder(witName).append(": func(");
    for (int i = 0; i < params.parts().size(); i++) {
      WitType.Part param = params.parts().get(i);
      out.append(i == 0 ? "" : ", ").append(param.name()).append(": ");
      out.append(param.type().reference());
    }
    return out.append(") -> ").append(result.reference()).toString();
  }
}
