package org.wasmdbms.host.abi;

import static org.wasmdbms.host.abi.WitType.BOOL;
import static org.wasmdbms.host.abi.WitType.F32;
import static org.wasmdbms.host.abi.WitType.F64;
import static org.wasmdbms.host.abi.WitType.S16;
import static org.wasmdbms.host.abi.WitType.S32;
import static org.wasmdbms.host.abi.WitType.S64;
import static org.wasmdbms.host.abi.WitType.S8;
import static org.wasmdbms.host.abi.WitType.STRING;
import static org.wasmdbms.host.abi.WitType.U16;
import static org.wasmdbms.host.abi.WitType.U32;
import static org.wasmdbms.host.abi.WitType.U64;
import static org.wasmdbms.host.abi.WitType.U8;
import static org.wasmdbms.host.abi.WitType.enumeration;
import static org.wasmdbms.host.abi.WitType.list;
import static org.wasmdbms.host.abi.WitType.option;
import static org.wasmdbms.host.abi.WitType.record;
import static org.wasmdbms.host.abi.WitType.variant;

/**
 * The types of {@code wit/dbms.wit} ({@code wasm-dbms:dbms/types@0.1.0}) as {@link WitType}s,
 * written down case by case and field by field in the WIT file's declaration order. Every layout
 * the host uses comes from here.
 */
public final class DatabaseTypes {
  /** {@code value}: 19 cases, {@code bool-val} to {@code null-val}. */
  public static final WitType VALUE =
      variant(
          BOOL, U8, U16, U32, U64, S8, S16, S32, S64, F32, F64, STRING, list(U8), STRING, STRING,
          STRING, STRING, STRING, null);

  /** {@code column-value}: name, value. */
  public static final WitType COLUMN_VALUE = record(STRING, VALUE);

  /** {@code row}. */
  public static final WitType ROW = list(COLUMN_VALUE);

  /** {@code order-direction}: asc, desc. */
  public static final WitType ORDER_DIRECTION = enumeration(2);

  /** {@code order-key}: column, direction. */
  public static final WitType ORDER_KEY = record(STRING, ORDER_DIRECTION);

  /**
   * {@code query}: filter, distinct-by, eager-relations, joins, group-by, having, order-by, limit,
   * offset.
   */
  public static final WitType QUERY =
      record(
          option(STRING),
          list(STRING),
          list(STRING),
          list(STRING),
          list(STRING),
          option(STRING),
          list(ORDER_KEY),
          option(U64),
          option(U64));

  /** {@code delete-behavior}: restrict, cascade. */
  public static final WitType DELETE_BEHAVIOR = enumeration(2);

  /** {@code aggregate-function}: count(option), sum, avg, min, max. */
  public static final WitType AGGREGATE_FUNCTION =
      variant(option(STRING), STRING, STRING, STRING, STRING);

  /** {@code aggregated-value}: count(u64), sum, avg, min, max (values). */
  public static final WitType AGGREGATED_VALUE = variant(U64, VALUE, VALUE, VALUE, VALUE);

  /** {@code aggregated-row}: group-keys, values. */
  public static final WitType AGGREGATED_ROW = record(list(VALUE), list(AGGREGATED_VALUE));

  /** {@code transaction-id}. */
  public static final WitType TRANSACTION_ID = U64;

  /**
   * {@code dbms-error}: 15 cases in declaration order; primary-key-conflict and
   * transaction-not-found carry nothing, the others a string.
   */
  public static final WitType DBMS_ERROR =
      variant(
          STRING, null, STRING, STRING, STRING, STRING, STRING, null, STRING, STRING, STRING,
          STRING, STRING, STRING, STRING);

  private DatabaseTypes() {}
}
