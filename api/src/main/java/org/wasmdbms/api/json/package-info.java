/**
 * A small hand-written JSON reader and writer ({@link org.wasmdbms.api.json.JsonParser}, {@link
 * org.wasmdbms.api.json.JsonWriter}, the tree {@link org.wasmdbms.api.json.JsonNode}), the JSON
 * wire format of values, filters and joins ({@link org.wasmdbms.api.json.WireFormat}), and an
 * in-place reader of stored documents ({@link org.wasmdbms.api.json.JsonText}, with exact number
 * comparison in {@link org.wasmdbms.api.json.JsonDecimal}). Parsing is iterative with an explicit
 * nesting bound, so hostile input can never overflow the stack; every failure is an {@link
 * org.wasmdbms.api.error.InvalidQueryException}.
 */
package org.wasmdbms.api.json;
