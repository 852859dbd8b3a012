package org.wasmdbms.memory.btree;

/**
 * One entry of a node held in memory. In a leaf it is a (key, value) entry and {@code child} is
 * {@link NodeStore#NO_PAGE}; in an internal node it is a separator whose {@code child} holds the
 * entries that sort at or after it (the value part is empty in unique trees).
 */
record Cell(byte[] key, byte[] value, long child) {}
