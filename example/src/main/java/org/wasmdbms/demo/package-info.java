/** The example program: the Java host driving the WebAssembly guest end to end. */
package org.wasmdbms.demo;
