/**
 * The annotation processor that turns {@code @Table} records and classes into generated Java code
 * (table definitions, row codecs, insert and update requests, typed records with eager relations)
 * and {@code @DatabaseSchema} types into schema dispatchers. It runs at build time on the JVM only;
 * the code it writes uses neither reflection nor anything the WebAssembly guest lacks.
 */
package org.wasmdbms.processor;
