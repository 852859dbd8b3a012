/**
 * The query model: {@link org.wasmdbms.api.query.Filter} trees, {@link
 * org.wasmdbms.api.query.Join}s, ordering keys, aggregate functions and their results, and the pure
 * {@link org.wasmdbms.api.query.LikePattern} matcher. Evaluating filters against rows is the
 * engine's job; this package only describes queries and rejects malformed ones.
 */
package org.wasmdbms.api.query;
