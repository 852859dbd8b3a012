/**
 * The storage layer: {@link org.wasmdbms.memory.MemoryProvider} (bytes in 64 KiB pages) and the
 * structures built on it. Guest-safe: compiled to WebAssembly by TeaVM, so no reflection, no {@code
 * java.nio.channels} and no locks.
 */
package org.wasmdbms.memory;
