/**
 * Table definitions: {@link org.wasmdbms.api.schema.TableDef}, {@link
 * org.wasmdbms.api.schema.ColumnDef}, {@link org.wasmdbms.api.schema.IndexDef} and {@link
 * org.wasmdbms.api.schema.ForeignKeyDef}, validated on construction, plus their binary form ({@link
 * org.wasmdbms.api.schema.SchemaCodec}) for the storage layer's schema registry.
 */
package org.wasmdbms.api.schema;
