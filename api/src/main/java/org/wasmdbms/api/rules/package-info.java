/**
 * Sanitizers and validators: the rules a column applies to a value on insert and update, sanitizers
 * in the order written, then validators. The built-in ones ({@link
 * org.wasmdbms.api.rules.Sanitizers}, {@link org.wasmdbms.api.rules.Validators}) follow the
 * reference implementation's; users write their own by implementing {@link
 * org.wasmdbms.api.rules.Sanitizer} or {@link org.wasmdbms.api.rules.Validator}, which generated
 * code wraps with {@link org.wasmdbms.api.rules.CustomRules}. All of them are written by hand (no
 * regular expressions, no {@code java.time}, code lists as constants) so that they run in the
 * WebAssembly guest unchanged.
 */
package org.wasmdbms.api.rules;
