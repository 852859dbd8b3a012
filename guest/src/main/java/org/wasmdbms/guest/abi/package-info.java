/**
 * The canonical ABI, guest side, for the WIT world {@code wasm-dbms:dbms/dbms}: a non-moving
 * allocator for {@code cabi_realloc} ({@link org.wasmdbms.guest.abi.NativeHeap}), lifting of
 * arguments ({@link org.wasmdbms.guest.abi.ArgumentReader}) and lowering of results ({@link
 * org.wasmdbms.guest.abi.ResultLowering} into a {@link org.wasmdbms.guest.abi.ResultWriter}), all
 * written by hand. Compiled by TeaVM only: it reads and writes linear memory directly.
 */
package org.wasmdbms.guest.abi;
