/**
 * JVM-only storage on real files: {@link org.wasmdbms.file.FileMemoryProvider}, a {@link
 * org.wasmdbms.memory.MemoryProvider} over a {@link java.nio.channels.FileChannel}, and {@link
 * org.wasmdbms.file.DatabaseFiles}, which opens a crash-safe database (data file plus journal) from
 * one path. Not compiled to WebAssembly (the guest has its own WASI provider).
 */
package org.wasmdbms.file;
