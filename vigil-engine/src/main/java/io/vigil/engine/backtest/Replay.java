package io.vigil.engine.backtest;

import io.vigil.engine.Outcome;
import io.vigil.engine.Outcome.Kind;
import io.vigil.engine.Reading;
import io.vigil.engine.runtime.Partition;
import io.vigil.engine.runtime.RuleBook;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Feeds a table of rows through a {@link Partition} — the same code the live runner uses — one
 * reading per (row, column), and records per row whether any condition is active afterwards and which
 * outcomes the row produced. Timestamps that do not increase are nudged forward by 1 ms so that every
 * row is its own frame.
 */
public final class Replay {

	/** Per-row result: alarm active after the row, outcomes produced by the row. */
	public record Result(boolean[] active, List<List<Outcome>> outcomes) {

		/** Rows at which a condition was raised. */
		public List<Integer> raisedRows() {
			List<Integer> rows = new ArrayList<>();
			for (int i = 0; i < outcomes.size(); i++) {
				if (outcomes.get(i).stream().anyMatch(o -> o.kind() == Kind.RAISED)) {
					rows.add(i);
				}
			}
			return rows;
		}
	}

	private Replay() {
	}

	/**
	 * @param columns sensor keys of the columns
	 * @param times   row timestamps
	 * @param rows    values, rows × columns
	 */
	public static Result run(RuleBook rules, List<String> columns, Instant[] times, double[][] rows) {
		List<Outcome> produced = new ArrayList<>();
		Set<String> active = new HashSet<>();
		Partition partition = new Partition(rules, produced::add);
		boolean[] flags = new boolean[rows.length];
		List<List<Outcome>> perRow = new ArrayList<>(rows.length);
		Instant previous = Instant.MIN;
		for (int i = 0; i < rows.length; i++) {
			Instant t = times[i].isAfter(previous) ? times[i] : previous.plusMillis(1);
			previous = t;
			produced.clear();
			for (int j = 0; j < columns.size(); j++) {
				partition.process(Reading.of(columns.get(j), t, rows[i][j]), t);
			}
			for (Outcome o : produced) {
				String id = o.key() + "/" + o.ruleId();
				if (o.kind() == Kind.RAISED || o.kind() == Kind.UPDATED) {
					active.add(id);
				} else {
					active.remove(id);
				}
			}
			flags[i] = !active.isEmpty();
			perRow.add(List.copyOf(produced));
		}
		return new Result(flags, perRow);
	}
}
