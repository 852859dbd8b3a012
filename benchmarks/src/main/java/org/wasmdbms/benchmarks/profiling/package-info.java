/**
 * Tools that read profiles of benchmark runs: {@link
 * org.wasmdbms.benchmarks.profiling.GuestProfile} names the guest's functions in a JFR recording of
 * a guest benchmark.
 */
package org.wasmdbms.benchmarks.profiling;
