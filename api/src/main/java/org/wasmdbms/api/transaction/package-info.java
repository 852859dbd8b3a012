/**
 * What a transaction is asked to be when it begins: its {@link
 * org.wasmdbms.api.transaction.Isolation}.
 */
package org.wasmdbms.api.transaction;
