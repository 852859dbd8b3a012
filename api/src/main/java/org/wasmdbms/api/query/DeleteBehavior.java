package org.wasmdbms.api.query;

/**
 * What a delete does with rows of other tables whose foreign keys reference a deleted row (the WIT
 * {@code delete-behavior}).
 */
public enum DeleteBehavior {
  /** Refuse the whole delete with a foreign-key constraint violation. */
  RESTRICT,
  /** Delete the referencing rows too, transitively; cycles of references are followed once. */
  CASCADE
}
