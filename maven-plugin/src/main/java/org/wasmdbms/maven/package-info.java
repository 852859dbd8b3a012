/**
 * The Maven plugin {@code wasm-dbms-maven-plugin}: goal {@code wasm-dbms:guest} builds a project's
 * {@code @DatabaseSchema} into a guest core module and, when asked, a WebAssembly Component. See
 * {@link org.wasmdbms.maven.GuestMojo} for the options and {@code docs/your-own-guest.md} for a
 * walkthrough.
 */
package org.wasmdbms.maven;
