/**
 * The schema migration model: snapshots of tables as stored and as declared, the steps ({@link
 * org.wasmdbms.api.migration.MigrationOp}) that lead from one to the other, the policy that gates
 * destructive steps, and the user-supplied {@link org.wasmdbms.api.migration.ColumnTransform}. The
 * types map one to one onto the WIT records and variants of the same names; all are immutable.
 */
package org.wasmdbms.api.migration;
