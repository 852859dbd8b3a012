/**
 * Sanitizers and validators: the rules a column applies to a value on insert and update. All of
 * them are written by hand (no regular expressions, no {@code java.time}) so that they run in the
 * WebAssembly guest unchanged.
 */
package org.wasmdbms.api.rules;
