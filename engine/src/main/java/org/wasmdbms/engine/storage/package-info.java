/**
 * The committed state of a database on the storage layer: per-table records, primary-key, unique
 * and foreign-key B+ trees, meta pages with autoincrement counters, and the catalog of table
 * definitions.
 */
package org.wasmdbms.engine.storage;
