package io.vigil.engine.rule;

import io.vigil.engine.Evaluation;
import io.vigil.engine.Evaluator;
import io.vigil.engine.Level;
import io.vigil.engine.Outcome;
import io.vigil.engine.Outcome.Category;
import io.vigil.engine.Outcome.Kind;
import io.vigil.engine.Reading;
import io.vigil.engine.condition.GroupInterruption;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a {@link GroupInterruption}. The state is kept under the parent's key; every child's
 * readings must be routed to it. Readings of keys that are not children are ignored.
 */
public final class GroupInterruptionEvaluator implements Evaluator<GroupInterruptionEvaluator.State> {

	/** Last-seen times and offline flags of the children, and whether the parent is offline. Mutable. */
	public static final class State implements Serializable {
		private static final long serialVersionUID = 1L;
		final long[] lastSeen;
		final boolean[] childOffline;
		boolean parentOffline;

		State(int children) {
			lastSeen = new long[children];
			Arrays.fill(lastSeen, Long.MIN_VALUE);
			childOffline = new boolean[children];
		}

		public boolean parentOffline() {
			return parentOffline;
		}

		public boolean childOffline(int index) {
			return childOffline[index];
		}
	}

	private final GroupInterruption condition;
	private final Map<String, Integer> index = new HashMap<>();
	private final long childMillis;
	private final long parentMillis;

	public GroupInterruptionEvaluator(GroupInterruption condition) {
		this.condition = condition;
		for (int i = 0; i < condition.children().size(); i++) {
			index.put(condition.children().get(i), i);
		}
		this.childMillis = condition.childSilence().toMillis();
		this.parentMillis = condition.parentSilence().toMillis();
	}

	@Override
	public String ruleId() {
		return condition.id();
	}

	@Override
	public State initial() {
		return new State(condition.children().size());
	}

	@Override
	public String subjectOf(Reading reading) {
		return condition.parentKey();
	}

	@Override
	public Evaluation<State> evaluate(Reading reading, State state, Instant now) {
		Integer i = index.get(reading.key());
		if (i == null) {
			return Evaluation.quiet(state);
		}
		long t = reading.ts().toEpochMilli();
		long previous = state.lastSeen[i];
		state.lastSeen[i] = Math.max(previous, t);
		if (!state.parentOffline && !state.childOffline[i]) {
			return Evaluation.quiet(state);
		}
		List<Outcome> outcomes = new ArrayList<>(2);
		if (state.parentOffline) {
			state.parentOffline = false;
			outcomes.add(outcome(Kind.RECOVERED, condition.parentKey(), condition.parentLevel(), reading.ts(), 0,
					"子点位 " + reading.key() + " 恢复上报，" + condition.parentKey() + " 数据中断解除",
					condition.parentKey() + " is back: " + reading.key() + " reported", List.of(reading)));
		}
		if (state.childOffline[i]) {
			state.childOffline[i] = false;
			long silent = (t - previous) / 1000;
			outcomes.add(outcome(Kind.RECOVERED, reading.key(), condition.childLevel(), reading.ts(), silent,
					"中断 " + silent + " 秒后恢复上报", "data resumed after " + silent + " s", List.of(reading)));
		}
		return new Evaluation<>(outcomes, state);
	}

	@Override
	public Evaluation<State> tick(String key, State state, Instant now) {
		long t = now.toEpochMilli();
		List<Outcome> outcomes = new ArrayList<>();
		boolean allSilent = true;
		for (int i = 0; i < state.lastSeen.length; i++) {
			if (state.lastSeen[i] == Long.MIN_VALUE) {
				state.lastSeen[i] = t;
			}
			allSilent &= t - state.lastSeen[i] >= parentMillis;
		}
		if (state.parentOffline) {
			return Evaluation.quiet(state);
		}
		if (allSilent) {
			state.parentOffline = true;
			long newest = Arrays.stream(state.lastSeen).max().orElse(t);
			outcomes.add(outcome(Kind.RAISED, condition.parentKey(), condition.parentLevel(), now, (t - newest) / 1000,
					condition.parentKey() + " 下全部 " + state.lastSeen.length + " 个点位已 " + (t - newest) / 1000 + " 秒无数据，整体数据中断（各点位中断预警合并为本条）",
					"all " + state.lastSeen.length + " sensors of " + condition.parentKey() + " silent for " + (t - newest) / 1000 + " s; one warning for the whole parent", List.of()));
			for (int i = 0; i < state.childOffline.length; i++) {
				if (state.childOffline[i]) {
					state.childOffline[i] = false;
					outcomes.add(outcome(Kind.INHIBITED, condition.children().get(i), condition.childLevel(), now, (t - state.lastSeen[i]) / 1000,
							"并入 " + condition.parentKey() + " 的整体数据中断预警", "merged into the data-interruption warning of " + condition.parentKey(), List.of()));
				}
			}
			return new Evaluation<>(outcomes, state);
		}
		for (int i = 0; i < state.lastSeen.length; i++) {
			long silent = t - state.lastSeen[i];
			if (!state.childOffline[i] && silent >= childMillis) {
				state.childOffline[i] = true;
				outcomes.add(outcome(Kind.RAISED, condition.children().get(i), condition.childLevel(), now, silent / 1000,
						"数据中断：已 " + silent / 1000 + " 秒无数据", "data interrupted: no reading for " + silent / 1000 + " s", List.of()));
			}
		}
		return new Evaluation<>(outcomes, state);
	}

	private Outcome outcome(Kind kind, String key, Level level, Instant at, double silentSeconds, String zh, String en,
			List<Reading> readings) {
		return new Outcome(kind, Category.DATA_INTERRUPTION, key, condition.id(), level, at, silentSeconds,
				(key.equals(condition.parentKey()) ? parentMillis : childMillis) / 1000.0, zh, en, readings,
				Map.of("parent", condition.parentKey(), "children", condition.children().size()));
	}
}
