/**
 * The example guest: the engine with the example schema of {@code org.wasmdbms.example} behind the
 * WIT interface {@code wasm-dbms:dbms/database@0.1.0} ({@code wit/dbms.wit}), compiled by TeaVM to
 * a WASI core module. {@link org.wasmdbms.guest.GuestExports} holds the exports, {@link
 * org.wasmdbms.guest.GuestMemory} the memory budget.
 */
package org.wasmdbms.guest;
