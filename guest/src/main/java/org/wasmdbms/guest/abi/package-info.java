/**
 * The canonical ABI, guest side: a non-moving allocator for {@code cabi_realloc} ({@link
 * org.wasmdbms.guest.abi.NativeHeap}), the guest's memory as the model's {@code AbiReader} for
 * arguments ({@link org.wasmdbms.guest.abi.ArgumentReader}, which checks and frees what it reads)
 * and as its {@code AbiWriter} for results ({@link org.wasmdbms.guest.abi.ResultWriter}, one block
 * per result). The walks over each type and every layout come from the {@code org.wasmdbms.wit}
 * model, which the host uses too. Compiled by TeaVM only: it reads and writes linear memory
 * directly.
 */
package org.wasmdbms.guest.abi;
