package io.vigil.timeseries.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vigil.timeseries.SensorReading;
import io.vigil.timeseries.internal.MinuteAggregates.Aggregate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MinuteAggregatesTest {

	static final long MINUTE = Instant.parse("2025-04-01T10:00:00Z").getEpochSecond() / 60;

	final MinuteAggregates aggregates = new MinuteAggregates(4);

	@Test
	void countsTheReadingsOfMinutesWhoseMarkTheBatchCreated() throws SQLException {
		commit(List.of(at(1, 0, 5), at(1, 10, 3), at(2, 0, 7), invalid(1, 20, 1000), at(1, 61, 4)),
				Set.of(MINUTE, MINUTE + 1), true);
		commit(List.of(at(1, 30, 9)), Set.of(), true);

		Map<Long, Map<Long, Aggregate>> taken = take(MINUTE, MINUTE + 1);

		assertThat(summary(taken.get(MINUTE).get(1L))).containsExactly(3, 9, 17, 3);
		assertThat(summary(taken.get(MINUTE).get(2L))).containsExactly(7, 7, 7, 1);
		assertThat(summary(taken.get(MINUTE + 1).get(1L))).containsExactly(4, 4, 4, 1);
		assertThat(aggregates.held()).isZero();
		assertThat(take(MINUTE)).isEmpty();
	}

	@Test
	void aMinuteComingBackInTheSameBatchKeepsWhatItHad() throws SQLException {
		commit(List.of(at(1, 0, 1), at(1, 60, 2), at(1, 5, 3)), Set.of(MINUTE, MINUTE + 1), true);

		assertThat(summary(take(MINUTE).get(MINUTE).get(1L))).containsExactly(1, 3, 4, 2);
	}

	@Test
	void aMarkMadeBeforeThisProcessKnewOfItLeavesTheMinuteUnknown() throws SQLException {
		commit(List.of(at(1, 0, 1)), Set.of(), true);

		assertThat(take(MINUTE)).isEmpty();
		assertThat(aggregates.held()).isZero();
	}

	@Test
	void repeatedOrFailedCommitsLeaveTheirMinutesUnknown() throws SQLException {
		commit(List.of(at(1, 0, 1), at(1, 60, 1)), Set.of(MINUTE, MINUTE + 1), true);
		commit(List.of(at(2, 1, 1)), Set.of(), false);
		assertThatThrownBy(() -> aggregates.commit(() -> {
			throw new SQLException("connection lost during commit");
		}, List.of(at(3, 61, 1)), Set.of(), true)).isInstanceOf(SQLException.class);

		assertThat(take(MINUTE, MINUTE + 1)).isEmpty();
		assertThat(aggregates.held()).isZero();
	}

	@Test
	void aMinuteThatWouldPassTheCapacityBecomesUnknown() throws SQLException {
		commit(List.of(at(1, 0, 1), at(2, 0, 1), at(3, 0, 1)), Set.of(MINUTE), true);
		commit(List.of(at(1, 60, 1), at(2, 60, 1)), Set.of(MINUTE + 1), true);

		assertThat(aggregates.held()).isEqualTo(3);
		Map<Long, Map<Long, Aggregate>> taken = take(MINUTE, MINUTE + 1);
		assertThat(taken).containsOnlyKeys(MINUTE);
		assertThat(taken.get(MINUTE)).hasSize(3);
	}

	@Test
	void whatTheRollUpLostIsRecomputed() throws SQLException {
		commit(List.of(at(1, 0, 1)), Set.of(MINUTE), true);
		aggregates.lost(List.of(MINUTE));
		// A later batch of the same minute finds its mark still there: counting cannot start again.
		commit(List.of(at(1, 1, 1)), Set.of(), true);

		assertThat(take(MINUTE)).isEmpty();
	}

	private void commit(List<SensorReading> readings, Set<Long> created, boolean exact) throws SQLException {
		aggregates.commit(() -> {
		}, readings, created, exact);
	}

	private Map<Long, Map<Long, Aggregate>> take(Long... minutes) throws SQLException {
		return aggregates.take(() -> List.of(minutes), minute -> minute).exact();
	}

	private static SensorReading at(long sensor, long second, double value) {
		return new SensorReading(sensor, Instant.ofEpochSecond(MINUTE * 60 + second), value, "N", true, false, null);
	}

	private static SensorReading invalid(long sensor, long second, double value) {
		return new SensorReading(sensor, Instant.ofEpochSecond(MINUTE * 60 + second), value, "F", false, false, null);
	}

	private static List<Number> summary(Aggregate a) {
		return List.of((int) a.min, (int) a.max, (int) a.sum, (int) a.count);
	}
}
