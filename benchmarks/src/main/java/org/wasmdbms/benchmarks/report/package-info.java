/**
 * The report of a benchmark run: {@link org.wasmdbms.benchmarks.report.JmhResult} reads JMH's JSON
 * output, {@link org.wasmdbms.benchmarks.report.BenchmarkReport} writes {@code docs/benchmarks.md}
 * and the README's figures from it, stating the {@link org.wasmdbms.benchmarks.report.Machine}.
 */
package org.wasmdbms.benchmarks.report;
