package org.wasmdbms.wit;

import static org.wasmdbms.wit.DbmsTypes.AGGREGATED_ROW;
import static org.wasmdbms.wit.DbmsTypes.COLUMN_VALUE;
import static org.wasmdbms.wit.DbmsTypes.ORDER_KEY;
import static org.wasmdbms.wit.DbmsTypes.QUERY;

/**
 * The offsets {@link Lift} and {@link Lower} use, taken once from {@link DbmsTypes} so that the
 * walks over memory read plain constants.
 */
final class Layout {
  static final WitType OPTION_STRING = WitType.option(WitType.STRING);
  static final WitType OPTION_U64 = WitType.option(WitType.U64);
  static final WitType BYTES = WitType.list(WitType.U8);

  static final int STRING_SIZE = WitType.STRING.size();
  static final int OPTION_STRING_PAYLOAD = OPTION_STRING.payloadOffset();
  static final int OPTION_U64_PAYLOAD = OPTION_U64.payloadOffset();
  static final int VALUE_PAYLOAD = DbmsTypes.VALUE.payloadOffset();

  static final int COLUMN_NAME = COLUMN_VALUE.fieldOffset(0);
  static final int COLUMN_VALUE_AT = COLUMN_VALUE.fieldOffset(1);
  static final int ORDER_KEY_COLUMN = ORDER_KEY.fieldOffset(0);
  static final int ORDER_KEY_DIRECTION = ORDER_KEY.fieldOffset(1);

  static final int QUERY_FILTER = QUERY.fieldOffset(0);
  static final int QUERY_DISTINCT_BY = QUERY.fieldOffset(1);
  static final int QUERY_EAGER_RELATIONS = QUERY.fieldOffset(2);
  static final int QUERY_JOINS = QUERY.fieldOffset(3);
  static final int QUERY_GROUP_BY = QUERY.fieldOffset(4);
  static final int QUERY_HAVING = QUERY.fieldOffset(5);
  static final int QUERY_ORDER_BY = QUERY.fieldOffset(6);
  static final int QUERY_LIMIT = QUERY.fieldOffset(7);
  static final int QUERY_OFFSET = QUERY.fieldOffset(8);

  static final int AGGREGATE_FUNCTION_PAYLOAD = DbmsTypes.AGGREGATE_FUNCTION.payloadOffset();
  static final int AGGREGATED_VALUE_PAYLOAD = DbmsTypes.AGGREGATED_VALUE.payloadOffset();
  static final int AGGREGATED_ROW_KEYS = AGGREGATED_ROW.fieldOffset(0);
  static final int AGGREGATED_ROW_VALUES = AGGREGATED_ROW.fieldOffset(1);
  static final int ERROR_PAYLOAD = DbmsTypes.DBMS_ERROR.payloadOffset();

  private Layout() {}
}
