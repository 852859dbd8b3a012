/**
 * Runs a WebAssembly guest built for {@code wit/dbms.wit} on Chicory and calls it like a local
 * database: {@link org.wasmdbms.host.GuestModule} says which module and how it executes, {@link
 * org.wasmdbms.host.DbmsHost} owns the running instance (WASI, preopened directory confined by
 * {@link org.wasmdbms.host.sandbox}, trap recovery, serialised calls), {@link
 * org.wasmdbms.host.DatabaseClient} is the typed client and {@link org.wasmdbms.host.Transaction}
 * an auto-closeable transaction.
 */
package org.wasmdbms.host;
