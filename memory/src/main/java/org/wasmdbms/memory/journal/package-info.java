/**
 * Crash-safe commits: {@link org.wasmdbms.memory.journal.JournaledMemoryProvider} combines a data
 * provider and a write-ahead journal provider into one {@link org.wasmdbms.memory.MemoryProvider}
 * whose {@link org.wasmdbms.memory.MemoryProvider#commit() commit} is atomic and durable, with
 * recovery on open and a checksum on every page. The protocol and the journal format are described
 * in {@code docs/durability.md}. Guest-safe.
 */
package org.wasmdbms.memory.journal;
