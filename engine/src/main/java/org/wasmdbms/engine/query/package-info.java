/**
 * Query execution: filters bound to a table and evaluated with the design's null semantics,
 * ordering, access-path planning (primary-key and unique lookups through the B+ trees), limit and
 * offset.
 */
package org.wasmdbms.engine.query;
