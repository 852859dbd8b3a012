package org.wasmdbms.api.migration;

import org.wasmdbms.api.value.Value;

/** A change of a column's default (WIT variant {@code default-change}). */
public sealed interface DefaultChange {
  /** The column no longer has a default. */
  record Drop() implements DefaultChange {}

  /**
   * The column's default is now {@code value}.
   *
   * @param value the new default
   */
  record Set(Value value) implements DefaultChange {}
}
