/**
 * How a {@code Database} shares itself between threads: one writer at a time behind a gate with a
 * busy timeout, group commit of durable writes, and readers on pinned snapshots that never wait for
 * the writer. See {@code docs/concurrency.md}.
 */
package org.wasmdbms.engine.concurrent;
