package io.vigil.engine.rule;

import io.vigil.engine.Evaluation;
import io.vigil.engine.Evaluator;
import io.vigil.engine.Outcome;
import io.vigil.engine.Outcome.Category;
import io.vigil.engine.Outcome.Kind;
import io.vigil.engine.Reading;
import io.vigil.engine.condition.Interruption;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Evaluates an {@link Interruption}: any reading (valid or not) proves the sensor is alive; a tick
 * finding it silent for {@code factor × interval} raises; the next reading recovers. A key whose first
 * event is a tick starts its silence clock at that tick.
 */
public final class InterruptionEvaluator implements Evaluator<InterruptionEvaluator.State> {

	/**
	 * Newest reading time (epoch millis, {@code Long.MIN_VALUE} before the first event) and whether offline.
	 * Updated in place with every reading (confined to the partition's thread, as the {@link Evaluator} contract
	 * allows): a new state per reading stored into the runner's long-lived slot cost the G1 collector a card to
	 * refine and a young object to copy, for every reading of every sensor.
	 */
	public static final class State implements Serializable {
		private static final long serialVersionUID = 2L;
		private long lastSeen;
		private boolean offline;

		private State(long lastSeen, boolean offline) {
			this.lastSeen = lastSeen;
			this.offline = offline;
		}

		public long lastSeen() {
			return lastSeen;
		}

		public boolean offline() {
			return offline;
		}
	}

	/** Every sensor registered but not yet heard from shares this one; it is never changed. */
	private static final State INITIAL = new State(Long.MIN_VALUE, false);

	private final Interruption condition;
	private final long silenceMillis;

	public InterruptionEvaluator(Interruption condition) {
		this.condition = condition;
		this.silenceMillis = condition.silence().toMillis();
	}

	@Override
	public String ruleId() {
		return condition.id();
	}

	@Override
	public State initial() {
		return INITIAL;
	}

	@Override
	public Evaluation<State> evaluate(Reading reading, State state, Instant now) {
		long t = Math.max(reading.ts().toEpochMilli(), state.lastSeen());
		if (!state.offline()) {
			return Evaluation.quiet(next(state, t, false));
		}
		long silentSeconds = (reading.ts().toEpochMilli() - state.lastSeen()) / 1000;
		State next = next(state, t, false);
		return Evaluation.of(new Outcome(Kind.RECOVERED, Category.DATA_INTERRUPTION, reading.key(), condition.id(),
				condition.level(), reading.ts(), silentSeconds, silenceMillis / 1000.0,
				"收到新数据，数据中断 " + silentSeconds + " 秒后恢复", "data resumed after " + silentSeconds + " s of silence",
				List.of(reading), Map.of("silentSeconds", silentSeconds)), next);
	}

	@Override
	public Evaluation<State> tick(String key, State state, Instant now) {
		long t = now.toEpochMilli();
		if (state.lastSeen() == Long.MIN_VALUE) {
			return Evaluation.quiet(next(state, t, false));
		}
		long silent = t - state.lastSeen();
		if (state.offline() || silent < silenceMillis) {
			return Evaluation.quiet(state);
		}
		String last = Instant.ofEpochMilli(state.lastSeen()).toString();
		return Evaluation.of(new Outcome(Kind.RAISED, Category.DATA_INTERRUPTION, key, condition.id(),
				condition.level(), now, silent / 1000.0, silenceMillis / 1000.0,
				"数据中断：已 " + silent / 1000 + " 秒无数据（上报周期 " + condition.interval().toSeconds() + " 秒 × " + condition.factor() + "），最后数据时间 " + last,
				"data interrupted: no reading for " + silent / 1000 + " s (interval " + condition.interval().toSeconds() + " s × " + condition.factor() + "), last reading at " + last,
				List.of(), Map.of("lastSeen", last, "interval", condition.interval().toString(), "factor", condition.factor())),
				next(state, state.lastSeen(), true));
	}

	/** The state with these values: the same object changed in place, or a new one in place of {@link #INITIAL}. */
	private static State next(State state, long lastSeen, boolean offline) {
		if (state == INITIAL) {
			return new State(lastSeen, offline);
		}
		state.lastSeen = lastSeen;
		state.offline = offline;
		return state;
	}
}
