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

	/** Newest reading time (epoch millis, {@code Long.MIN_VALUE} before the first event) and whether offline. */
	public record State(long lastSeen, boolean offline) implements Serializable {
	}

	/** States are immutable: every sensor registered but not yet heard from shares this one. */
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
		State next = new State(t, false);
		if (!state.offline()) {
			return Evaluation.quiet(next);
		}
		long silentSeconds = (reading.ts().toEpochMilli() - state.lastSeen()) / 1000;
		return Evaluation.of(new Outcome(Kind.RECOVERED, Category.DATA_INTERRUPTION, reading.key(), condition.id(),
				condition.level(), reading.ts(), silentSeconds, silenceMillis / 1000.0,
				"收到新数据，数据中断 " + silentSeconds + " 秒后恢复", "data resumed after " + silentSeconds + " s of silence",
				List.of(reading), Map.of("silentSeconds", silentSeconds)), next);
	}

	@Override
	public Evaluation<State> tick(String key, State state, Instant now) {
		long t = now.toEpochMilli();
		if (state.lastSeen() == Long.MIN_VALUE) {
			return Evaluation.quiet(new State(t, false));
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
				new State(state.lastSeen(), true));
	}
}
