/**
 * The canonical ABI on the host side for {@code wit/dbms.wit}: the guest's memory as the model's
 * {@code AbiReader} ({@code Lifting}, every pointer, length and case checked) and {@code AbiWriter}
 * ({@link org.wasmdbms.host.abi.GuestMemoryWriter}, allocation through {@code cabi_realloc}), the
 * parameter tuple and its flattening, and {@link org.wasmdbms.host.abi.DatabaseAbi}, which lowers,
 * calls, lifts and calls {@code cabi_post_*}. Layouts and the walks over each type come from the
 * {@code org.wasmdbms.wit} model, which the guest uses too.
 */
package org.wasmdbms.host.abi;
