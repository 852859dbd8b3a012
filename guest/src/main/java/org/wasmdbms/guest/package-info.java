/**
 * The guest runtime: the engine behind the WIT interface {@code wasm-dbms:dbms/database@0.1.0}
 * ({@code wit/dbms.wit}) for any generated schema, compiled by TeaVM to a WASI core module. {@link
 * org.wasmdbms.guest.GuestExports} holds the exports and is the class a guest build compiles,
 * {@link org.wasmdbms.guest.GuestSchema} is how that build names the schema served, {@link
 * org.wasmdbms.guest.GuestMemory} the memory budget. Knows no schema of its own.
 */
package org.wasmdbms.guest;
