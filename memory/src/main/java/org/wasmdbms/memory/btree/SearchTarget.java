package org.wasmdbms.memory.btree;

/**
 * A point in the entry order that never equals an entry, so a search yields a gap between entries:
 * the number of entries that sort before it. Entries are compared by key, then, when {@code value}
 * is not null (only in non-unique trees), by value; an entry that ties on every compared part sorts
 * before the target if {@code after} is true and after it otherwise.
 */
record SearchTarget(byte[] key, byte[] value, boolean after) {}
