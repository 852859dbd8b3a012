/**
 * Repairs to TeaVM 0.13.1's WebAssembly runtime, applied by the program itself before its first
 * garbage collection: {@link org.wasmdbms.teavm.StaticRootTable}. Compiled by TeaVM only; the
 * methods here call TeaVM intrinsics that do not exist on the JVM.
 */
package org.wasmdbms.teavm;
