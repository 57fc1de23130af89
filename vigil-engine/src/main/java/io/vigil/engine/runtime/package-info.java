/** Runs evaluators over a stream of readings: per-key state in single-threaded partitions, outcomes to a sink, snapshots. */
package io.vigil.engine.runtime;
