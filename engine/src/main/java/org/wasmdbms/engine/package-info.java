/**
 * The engine a user calls: {@link org.wasmdbms.engine.Database} sessions with CRUD, queries and
 * transactions over tables described by {@link org.wasmdbms.engine.TableSchema}.
 *
 * <p>{@link org.wasmdbms.engine.Database} and the typed API are thread-safe. The classes of the
 * subpackages are the single-threaded core below it: a database calls them from one thread at a
 * time, inside its lock.
 */
package org.wasmdbms.engine;
