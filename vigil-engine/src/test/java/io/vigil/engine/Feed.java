package io.vigil.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Test driver: feeds readings of one sensor through an evaluator, keeping the state as a caller would,
 * and collects outcomes. Time is seconds after a fixed origin.
 */
public final class Feed<S> {

	public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private final Evaluator<S> evaluator;
	private final String key;
	private S state;
	private final List<Outcome> outcomes = new ArrayList<>();

	private Feed(Evaluator<S> evaluator, String key) {
		this.evaluator = evaluator;
		this.key = key;
		this.state = evaluator.initial();
	}

	@SuppressWarnings("unchecked")
	public static <S> Feed<S> of(Evaluator<?> evaluator, String key) {
		return new Feed<>((Evaluator<S>) evaluator, key);
	}

	public static Instant at(long seconds) {
		return T0.plusSeconds(seconds);
	}

	/** One valid reading of this feed's sensor at {@code seconds}; returns the outcomes it produced. */
	public List<Outcome> read(long seconds, double value) {
		return read(Reading.of(key, at(seconds), value));
	}

	/** One reading of another sensor (coupled models). */
	public List<Outcome> read(String sensor, long seconds, double value) {
		return read(Reading.of(sensor, at(seconds), value));
	}

	public List<Outcome> read(Reading reading) {
		Evaluation<S> e = evaluator.evaluate(reading, state, reading.ts());
		state = e.state();
		outcomes.addAll(e.outcomes());
		return e.outcomes();
	}

	/** Values one per {@code step} seconds starting at {@code from}; returns all outcomes produced. */
	public List<Outcome> series(long from, long step, double... values) {
		List<Outcome> produced = new ArrayList<>();
		for (int i = 0; i < values.length; i++) {
			produced.addAll(read(from + i * step, values[i]));
		}
		return produced;
	}

	public List<Outcome> tick(long seconds) {
		Evaluation<S> e = evaluator.tick(key, state, at(seconds));
		state = e.state();
		outcomes.addAll(e.outcomes());
		return e.outcomes();
	}

	public S state() {
		return state;
	}

	public void state(S state) {
		this.state = state;
	}

	public List<Outcome> outcomes() {
		return outcomes;
	}
}
