package org.wasmdbms.engine.query;

import java.util.List;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.value.DataType;

/**
 * The slots of a group row, as the having filter and the ordering of an aggregate see it: first one
 * slot per group-by column (named as in the group-by list), then one per aggregate function (named
 * {@code agg0}, {@code agg1}, and so on). A name that is both a group-by column and an {@code aggN}
 * means the group-by column.
 *
 * @param groupBy the group-by names, in order
 * @param types the type of every slot; a count is {@link DataType#UINT64}, an exact sum or average
 *     {@link DataType#DECIMAL} and a float one {@link DataType#FLOAT64}
 * @param numeric per slot, whether it is a sum or average, compared by numeric value
 */
record GroupLayout(List<String> groupBy, DataType[] types, boolean[] numeric) {
  private static final String AGGREGATE_PREFIX = "agg";

  /** The number of slots. */
  int size() {
    return types.length;
  }

  /**
   * The slot named {@code name}.
   *
   * @throws InvalidQueryException if {@code name} is neither a group-by column nor an existing
   *     {@code aggN}
   */
  int slot(String name) {
    int key = groupBy.indexOf(name);
    if (key >= 0) {
      return key;
    }
    int functions = types.length - groupBy.size();
    int function = aggregateNumber(name);
    if (function < 0 || function >= functions) {
      throw new InvalidQueryException(
          name
              + " is neither a group-by column nor an aggregate result ("
              + (functions == 0 ? "there are none" : "agg0 to agg" + (functions - 1))
              + ")");
    }
    return groupBy.size() + function;
  }

  /** The N of a canonical {@code aggN} (no sign, no leading zero), or -1 for any other name. */
  private static int aggregateNumber(String name) {
    int n = name.length();
    int digits = n - AGGREGATE_PREFIX.length();
    if (!name.startsWith(AGGREGATE_PREFIX)
        || digits < 1
        || digits > 9
        || (digits > 1 && name.charAt(AGGREGATE_PREFIX.length()) == '0')) {
      return -1;
    }
    int number = 0;
    for (int i = AGGREGATE_PREFIX.length(); i < n; i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      number = number * 10 + (c - '0');
    }
    return number;
  }
}
