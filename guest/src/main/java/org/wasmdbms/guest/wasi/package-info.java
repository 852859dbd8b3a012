/**
 * Storage for the guest through WASI preview 1: {@link
 * org.wasmdbms.guest.wasi.WasiFileMemoryProvider}, a {@link org.wasmdbms.memory.MemoryProvider}
 * over a file in the preopened directory. Compiled by TeaVM only: it calls WASI imports.
 */
package org.wasmdbms.guest.wasi;
