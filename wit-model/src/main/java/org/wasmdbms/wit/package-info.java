/**
 * {@code wit/dbms.wit} as one description that the guest and the host share: {@link
 * org.wasmdbms.wit.DbmsTypes} (every type, in declaration order, built from {@link
 * org.wasmdbms.wit.ValueCase}, the api's {@code ErrorKind} and {@link
 * org.wasmdbms.api.query.AggregateFunction.Kind} for the case orders) and {@link
 * org.wasmdbms.wit.DbmsFunction} (every function), with layouts computed by {@link
 * org.wasmdbms.wit.WitType} from the canonical ABI's rules; the WIT records the api has no type for
 * ({@link org.wasmdbms.wit.WitQuery}, aggregates); and the lifting ({@link org.wasmdbms.wit.Lift})
 * and lowering ({@link org.wasmdbms.wit.Lower}) of every type over an abstract memory ({@link
 * org.wasmdbms.wit.AbiReader}, {@link org.wasmdbms.wit.AbiWriter}) that each side implements once.
 *
 * <p>Compiled by TeaVM into every guest, so it uses nothing TeaVM lacks. A test checks the model
 * against the WIT file; extending the interface means extending this package and the WIT together.
 */
package org.wasmdbms.wit;
