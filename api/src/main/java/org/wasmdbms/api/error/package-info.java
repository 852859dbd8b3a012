/**
 * The engine's typed errors: one {@link org.wasmdbms.api.error.DbmsException} subclass per WIT
 * {@code dbms-error} case, named by {@link org.wasmdbms.api.error.ErrorKind}.
 */
package org.wasmdbms.api.error;
