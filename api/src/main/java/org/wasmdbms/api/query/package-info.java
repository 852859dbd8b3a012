/**
 * The query model: {@link org.wasmdbms.api.query.Filter} trees, {@link
 * org.wasmdbms.api.query.Join}s, ordering keys, aggregate functions and their results, JSON column
 * filters ({@link org.wasmdbms.api.query.JsonFilter} with its {@link
 * org.wasmdbms.api.query.JsonPath}), and the pure matchers the engine applies to single values:
 * {@link org.wasmdbms.api.query.LikePattern} and {@link org.wasmdbms.api.query.JsonMatcher}.
 * Evaluating filters against rows is the engine's job; this package describes queries and rejects
 * malformed ones.
 */
package org.wasmdbms.api.query;
