package org.wasmdbms.api.schema;

/** What deleting a referenced parent row does to the rows that reference it. */
public enum OnDelete {
  /** The delete fails while references exist. */
  RESTRICT,
  /** The referencing rows are deleted too. */
  CASCADE
}
