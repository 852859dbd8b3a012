/**
 * A small hand-written JSON reader and writer ({@link org.wasmdbms.api.json.JsonParser}, {@link
 * org.wasmdbms.api.json.JsonWriter}, the tree {@link org.wasmdbms.api.json.JsonNode}) and the JSON
 * wire format of values, filters and joins ({@link org.wasmdbms.api.json.WireFormat}). Parsing is
 * iterative with an explicit nesting bound, so hostile input can never overflow the stack; every
 * failure is an {@link org.wasmdbms.api.error.InvalidQueryException}.
 */
package org.wasmdbms.api.json;
