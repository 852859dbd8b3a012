/**
 * The engine a user calls: {@link org.wasmdbms.engine.Database} sessions with CRUD, queries and
 * transactions over tables described by {@link org.wasmdbms.engine.TableSchema}.
 */
package org.wasmdbms.engine;
