/**
 * The canonical ABI on the host side for {@code wit/dbms.wit}: WIT type layouts computed by the
 * ABI's rules, lowering of arguments into guest memory through {@code cabi_realloc}, lifting of
 * results with every pointer, length and discriminant checked, and {@code cabi_post_*} calls.
 */
package org.wasmdbms.host.abi;
