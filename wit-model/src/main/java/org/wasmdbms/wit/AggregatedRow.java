package org.wasmdbms.wit;

import java.util.List;
import org.wasmdbms.api.value.Value;

/**
 * One WIT {@code aggregated-row}: a group. Immutable.
 *
 * @param groupKeys the values of the group-by columns
 * @param values one result per aggregate function, in request order
 */
public record AggregatedRow(List<Value> groupKeys, List<AggregatedValue> values) {
  /** Copies the lists. */
  public AggregatedRow {
    groupKeys = List.copyOf(groupKeys);
    values = List.copyOf(values);
  }
}
