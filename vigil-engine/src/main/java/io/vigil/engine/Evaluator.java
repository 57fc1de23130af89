package io.vigil.engine;

import java.time.Instant;

/**
 * Turns readings into outcomes for one configured rule. The evaluator itself is immutable and
 * shared; everything that changes lives in the state {@code S} which the caller keeps per key and
 * hands back on the next call. Contract:
 * <ul>
 * <li>{@code evaluate} and {@code tick} are pure with respect to the evaluator: same state, reading
 * and time give the same result. State objects of windowed rules may be mutated and returned;
 * they must therefore be confined to one thread (the partition that owns the key).</li>
 * <li>Readings older than the newest one already seen for the key are late: they are ignored
 * (never reorder history), and state is returned unchanged.</li>
 * <li>{@code now} is the wall-clock time of evaluation (injected, never read from the system clock);
 * {@code reading.ts()} is when the value was measured. Delays are measured in reading time.</li>
 * <li>States are {@link java.io.Serializable} so that they survive a restart.</li>
 * </ul>
 *
 * @param <S> state type
 */
public interface Evaluator<S> {

	/** The rule's id, copied into every outcome. */
	String ruleId();

	/**
	 * State for a key never seen before. Immutable states may share one instance; a state that is that very
	 * instance carries nothing, so snapshots leave it out and a restart recreates it from here.
	 */
	S initial();

	/** Judges one reading. */
	Evaluation<S> evaluate(Reading reading, S state, Instant now);

	/**
	 * Judges the passage of time without a reading (data interruption, timers). Called by the runner
	 * periodically with the state's key (the {@link #subjectOf subject} of the readings that created it,
	 * or the key the state was registered under); the default does nothing.
	 */
	default Evaluation<S> tick(String key, S state, Instant now) {
		return Evaluation.quiet(state);
	}

	/**
	 * The object key outcomes are about; by default the reading's key. Must depend on the reading's key
	 * only (the runner resolves a sensor's states once per rule book, not per reading).
	 */
	default String subjectOf(Reading reading) {
		return reading.key();
	}
}
