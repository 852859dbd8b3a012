/**
 * Annotations that declare tables as Java records or classes: {@link
 * org.wasmdbms.api.annotation.Table} with column attributes, sanitizers and validators, and {@link
 * org.wasmdbms.api.annotation.DatabaseSchema} listing the tables of a database. They are read at
 * compile time by the {@code wasm-dbms-processor} annotation processor and are not visible at run
 * time: nothing in this project uses reflection.
 */
package org.wasmdbms.api.annotation;
