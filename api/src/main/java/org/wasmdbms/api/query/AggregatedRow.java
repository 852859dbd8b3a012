package org.wasmdbms.api.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.wasmdbms.api.value.Value;

/**
 * One group of an aggregate request (the WIT {@code aggregated-row}). Immutable and thread-safe.
 *
 * @param groupKeys the group's values of the group-by columns, in their order (empty without
 *     group-by; unmodifiable copy)
 * @param values one result per aggregate function, in request order (unmodifiable copy)
 */
public record AggregatedRow(List<Value> groupKeys, List<AggregatedValue> values) {
  /** Copies the lists. */
  public AggregatedRow {
    groupKeys = Collections.unmodifiableList(new ArrayList<>(groupKeys));
    values = Collections.unmodifiableList(new ArrayList<>(values));
  }
}
