/**
 * Typed column values ({@link org.wasmdbms.api.value.Value} and one class per {@link
 * org.wasmdbms.api.value.DataType}), their total order ({@link org.wasmdbms.api.value.Values}),
 * their binary storage form ({@link org.wasmdbms.api.value.ValueCodec}, {@link
 * org.wasmdbms.api.value.RowCodec}) and their order-preserving index key form ({@link
 * org.wasmdbms.api.value.KeyEncoding}).
 */
package org.wasmdbms.api.value;
