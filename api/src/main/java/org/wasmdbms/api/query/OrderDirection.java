package org.wasmdbms.api.query;

/** A sort direction. Nulls come first ascending and last descending. */
public enum OrderDirection {
  /** Smallest first, nulls first. */
  ASCENDING,
  /** Largest first, nulls last. */
  DESCENDING
}
