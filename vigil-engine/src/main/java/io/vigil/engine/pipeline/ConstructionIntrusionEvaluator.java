package io.vigil.engine.pipeline;

import io.vigil.engine.Evaluation;
import io.vigil.engine.Evaluator;
import io.vigil.engine.Level;
import io.vigil.engine.Outcome;
import io.vigil.engine.Outcome.Category;
import io.vigil.engine.Outcome.Kind;
import io.vigil.engine.Reading;
import io.vigil.engine.condition.ConstructionIntrusion;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a {@link ConstructionIntrusion}. An event outside every registered window while one
 * inside is active escalates the same condition; quiet for the configured time recovers it (judged on
 * readings and on ticks).
 */
public final class ConstructionIntrusionEvaluator implements Evaluator<ConstructionIntrusionEvaluator.State> {

	/**
	 * @param level     raised level ordinal, -1 when quiet
	 * @param lastEvent epoch millis of the newest event
	 * @param events    events since raised
	 */
	public record State(int level, long lastEvent, int events) implements Serializable {
	}

	private final ConstructionIntrusion condition;

	public ConstructionIntrusionEvaluator(ConstructionIntrusion condition) {
		this.condition = condition;
	}

	@Override
	public String ruleId() {
		return condition.id();
	}

	@Override
	public State initial() {
		return new State(-1, Long.MIN_VALUE, 0);
	}

	@Override
	public String subjectOf(Reading reading) {
		return condition.assetKey();
	}

	@Override
	public Evaluation<State> evaluate(Reading r, State s, Instant now) {
		if (!r.valid() || !r.key().equals(condition.vibrationSensor())) {
			return Evaluation.quiet(s);
		}
		long t = r.ts().toEpochMilli();
		if (r.value() < condition.eventThreshold()) {
			return recoverIfQuiet(s, r.ts(), List.of(r));
		}
		Optional<ConstructionIntrusion.Window> window = condition.constructionWindows().stream().filter(w -> w.contains(r.ts())).findFirst();
		Level level = window.isPresent() ? condition.insideLevel() : condition.outsideLevel();
		int events = s.level() < 0 ? 1 : s.events() + 1;
		if (level.ordinal() <= s.level()) {
			return Evaluation.quiet(new State(s.level(), Math.max(t, s.lastEvent()), events));
		}
		String v = Outcome.format(r.value());
		String zh = window.map(w -> "管道附近振动/入侵事件 " + v + "（阈值 " + Outcome.format(condition.eventThreshold()) + "），发生在已登记施工窗口（许可 " + w.permit() + "）内，请关注施工安全")
				.orElse("管道附近振动/入侵事件 " + v + "（阈值 " + Outcome.format(condition.eventThreshold()) + "），不在任何已登记施工窗口内，疑似第三方破坏");
		String en = window.map(w -> "vibration/intrusion event " + v + " (threshold " + Outcome.format(condition.eventThreshold()) + ") near the pipeline inside registered construction window " + w.permit())
				.orElse("vibration/intrusion event " + v + " (threshold " + Outcome.format(condition.eventThreshold()) + ") near the pipeline outside any registered construction window: third-party damage suspected");
		Kind kind = s.level() < 0 ? Kind.RAISED : Kind.UPDATED;
		return Evaluation.of(new Outcome(kind, Category.PROCESS, condition.assetKey(), condition.id(), level, r.ts(), r.value(),
				condition.eventThreshold(), zh, en, List.of(r), Map.of("insideConstructionWindow", window.isPresent(),
						"permit", window.map(ConstructionIntrusion.Window::permit).orElse(""), "events", events)),
				new State(level.ordinal(), Math.max(t, s.lastEvent()), events));
	}

	@Override
	public Evaluation<State> tick(String key, State s, Instant now) {
		return recoverIfQuiet(s, now, List.of());
	}

	private Evaluation<State> recoverIfQuiet(State s, Instant at, List<Reading> readings) {
		long quietMillis = at.toEpochMilli() - s.lastEvent();
		if (s.level() < 0 || quietMillis < condition.quiet().toMillis()) {
			return Evaluation.quiet(s);
		}
		return Evaluation.of(new Outcome(Kind.RECOVERED, Category.PROCESS, condition.assetKey(), condition.id(), Level.ofOrdinal(s.level()), at,
				s.events(), condition.eventThreshold(), "已 " + quietMillis / 1000 + " 秒无振动/入侵事件（共 " + s.events() + " 次），预警解除",
				"no vibration/intrusion event for " + quietMillis / 1000 + " s (" + s.events() + " events in all); recovered", readings,
				Map.of("events", s.events())), initial());
	}
}
