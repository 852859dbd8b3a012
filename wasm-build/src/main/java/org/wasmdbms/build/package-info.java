/**
 * Build-time tools for the WebAssembly guest (JVM only, never part of a guest): {@link
 * org.wasmdbms.build.TeaVmWasiCompiler} compiles a Java program to a WASI core module with TeaVM
 * 0.13.1, {@link org.wasmdbms.build.WasmMemoryPatcher} raises the module's memory maximum, and
 * {@link org.wasmdbms.build.GuestModuleBuild} chains both for {@code wasm-dbms-maven-plugin}, with
 * {@link org.wasmdbms.build.GuestBinding} binding the schema and the {@link
 * org.wasmdbms.build.GuestBuildOptions} into the guest at compile time.
 */
package org.wasmdbms.build;
