/**
 * Query execution: filters bound to a table (or to the columns of a joined select) and evaluated
 * with the design's null semantics, ordering, access-path planning (primary-key and unique lookups
 * through the B+ trees, index ranges), joins (hash and index nested-loop), distinct, limit and
 * offset, and eager relations. {@link org.wasmdbms.engine.query.RowSource} yields the rows a select
 * or an aggregate works on.
 */
package org.wasmdbms.engine.query;
