/**
 * The parts of the {@code database} interface that the api module has no type for: the full WIT
 * query record, aggregate functions and their results. Plain immutable values, no behaviour.
 */
package org.wasmdbms.host.model;
