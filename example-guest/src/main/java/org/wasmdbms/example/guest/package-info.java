/**
 * The example guest: the guest runtime of module {@code guest} serving the example schema of {@code
 * org.wasmdbms.example}, chosen by {@link org.wasmdbms.example.guest.ExampleGuestSchema}. This
 * module's build compiles both with TeaVM into {@code wasm-dbms-example-guest.wasm} and attaches it
 * as the artifact of type {@code wasm}.
 */
package org.wasmdbms.example.guest;
