/**
 * Writes: shaping caller input into rows and patches (types, defaults, autoincrement, sanitizers,
 * validators), the integrity checks of inserts, updates and deletes, and the undo log that makes
 * each statement atomic.
 */
package org.wasmdbms.engine.write;
