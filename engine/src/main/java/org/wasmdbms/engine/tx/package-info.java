/**
 * Transactions: each one reads the committed state plus its own writes through per-table overlays,
 * and keeps a log of its writes that commit applies atomically to the committed state, re-checking
 * every constraint.
 */
package org.wasmdbms.engine.tx;
