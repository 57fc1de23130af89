package io.vigil.engine.runtime;

import io.vigil.engine.Outcome;

/**
 * Port through which the engine hands outcomes to the warning module. Contract:
 * <ul>
 * <li>called on the partition thread that owns the outcome's subject, so outcomes of one
 * (key, rule) arrive in order and never concurrently; different partitions call concurrently, so
 * an implementation must be thread-safe across keys;</li>
 * <li>should return quickly (enqueue, then persist elsewhere): a slow sink slows its partition and,
 * through the bounded queue, the producers;</li>
 * <li>an exception is caught and logged; the engine's state has already moved on, so a sink that
 * must not lose outcomes has to buffer durably itself.</li>
 * </ul>
 */
@FunctionalInterface
public interface OutcomeSink {

	void accept(Outcome outcome);
}
