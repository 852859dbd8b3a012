/**
 * The TeaVM guard: a smoke program over the guest-path modules (api, memory, engine) that the build
 * compiles to a WASI module and runs under Chicory, comparing its output with a JVM run.
 */
package org.wasmdbms.guard;
