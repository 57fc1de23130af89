package io.vigil.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.vigil.engine.Feed;
import io.vigil.engine.Level;
import io.vigil.engine.Outcome;
import io.vigil.engine.Outcome.Category;
import io.vigil.engine.Outcome.Kind;
import io.vigil.engine.Reading;
import io.vigil.engine.condition.GroupInterruption;
import io.vigil.engine.condition.Interruption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterruptionTest {

	private final InterruptionEvaluator minute = new InterruptionEvaluator(new Interruption("offline", Duration.ofSeconds(60), 3, Level.BLUE));

	@Test
	void sensorIsOfflineAfterThreeMissedIntervalsNotBefore() {
		var feed = Feed.<InterruptionEvaluator.State>of(minute, "FT-1");
		feed.read(0, 1);
		assertThat(feed.tick(179)).isEmpty();
		assertThat(feed.tick(180)).singleElement().satisfies(o -> {
			assertThat(o.category()).isEqualTo(Category.DATA_INTERRUPTION);
			assertThat(o.kind()).isEqualTo(Kind.RAISED);
			assertThat(o.key()).isEqualTo("FT-1");
			assertThat(o.reasonZh()).contains("180 秒无数据");
		});
		assertThat(feed.tick(400)).as("raised once, not on every tick").isEmpty();
	}

	@Test
	void nextReadingRecoversEvenIfFlaggedInvalid() {
		var feed = Feed.<InterruptionEvaluator.State>of(minute, "FT-1");
		feed.read(0, 1);
		feed.tick(200);
		assertThat(feed.read(Reading.of("FT-1", Feed.at(210), 0, "M"))).extracting(Outcome::kind).containsExactly(Kind.RECOVERED);
	}

	@Test
	void lateReadingFromBeforeTheGapDoesNotMoveLastSeenBack() {
		var feed = Feed.<InterruptionEvaluator.State>of(minute, "FT-1");
		feed.read(100, 1);
		feed.read(10, 1);
		assertThat(feed.tick(279)).isEmpty();
		assertThat(feed.tick(280)).hasSize(1);
	}

	@Test
	void sensorThatNeverReportedCountsSilenceFromItsFirstTick() {
		var feed = Feed.<InterruptionEvaluator.State>of(minute, "FT-9");
		assertThat(feed.tick(1000)).isEmpty();
		assertThat(feed.tick(1180)).hasSize(1);
	}

	@Test
	void sensorsStartingFromTheSharedInitialStateKeepTheirOwnClocks() {
		// States change in place; the initial state all new sensors share must not.
		var early = Feed.<InterruptionEvaluator.State>of(minute, "FT-1");
		var late = Feed.<InterruptionEvaluator.State>of(minute, "FT-2");
		early.read(0, 1);
		late.read(150, 1);
		early.read(10, 1);
		assertThat(minute.initial().lastSeen()).isEqualTo(Long.MIN_VALUE);
		assertThat(early.tick(190)).extracting(Outcome::key).containsExactly("FT-1");
		assertThat(late.tick(190)).isEmpty();
		assertThat(Feed.<InterruptionEvaluator.State>of(minute, "FT-3").tick(190)).as("a new sensor starts its clock now")
				.isEmpty();
	}

	private final GroupInterruption group = new GroupInterruption("ent-offline", "ENT-7", List.of("A", "B", "C"),
			Duration.ofMinutes(3), Duration.ofMinutes(30), Level.BLUE, Level.YELLOW);

	private List<Outcome> run(GroupInterruptionEvaluator evaluator, GroupInterruptionEvaluator.State state, Object... events) {
		List<Outcome> out = new ArrayList<>();
		for (Object e : events) {
			if (e instanceof Reading r) {
				out.addAll(evaluator.evaluate(r, state, r.ts()).outcomes());
			} else {
				out.addAll(evaluator.tick("ENT-7", state, (Instant) e).outcomes());
			}
		}
		return out;
	}

	@Test
	void enterpriseWhoseSensorsAllFallSilentGetsOneWarningAndItsSensorsAreInhibited() {
		var evaluator = new GroupInterruptionEvaluator(group);
		var state = evaluator.initial();
		List<Outcome> out = run(evaluator, state,
				Reading.of("A", Feed.at(0), 1), Reading.of("B", Feed.at(0), 1), Reading.of("C", Feed.at(0), 1),
				Feed.at(200), Feed.at(1800), Feed.at(2400));
		assertThat(out).extracting(Outcome::key, Outcome::kind).containsExactly(
				tuple("A", Kind.RAISED), tuple("B", Kind.RAISED), tuple("C", Kind.RAISED),
				tuple("ENT-7", Kind.RAISED), tuple("A", Kind.INHIBITED), tuple("B", Kind.INHIBITED), tuple("C", Kind.INHIBITED));
		assertThat(out.get(3).level()).isEqualTo(Level.YELLOW);
	}

	@Test
	void oneSilentSensorAmongLiveOnesIsOnlyASensorWarning() {
		var evaluator = new GroupInterruptionEvaluator(group);
		var state = evaluator.initial();
		List<Outcome> out = run(evaluator, state, Reading.of("A", Feed.at(0), 1), Reading.of("B", Feed.at(0), 1),
				Reading.of("C", Feed.at(0), 1), Reading.of("A", Feed.at(1790), 1), Reading.of("B", Feed.at(1790), 1), Feed.at(1800));
		assertThat(out).extracting(Outcome::key, Outcome::kind).containsExactly(tuple("C", Kind.RAISED));
	}

	@Test
	void firstReadingAfterAnEnterpriseOutageRecoversTheParent() {
		var evaluator = new GroupInterruptionEvaluator(group);
		var state = evaluator.initial();
		run(evaluator, state, Reading.of("A", Feed.at(0), 1), Feed.at(0), Feed.at(1800));
		assertThat(state.parentOffline()).isTrue();
		List<Outcome> out = run(evaluator, state, Reading.of("B", Feed.at(1900), 1), Feed.at(1901));
		assertThat(out).extracting(Outcome::key, Outcome::kind).containsExactly(tuple("ENT-7", Kind.RECOVERED),
				tuple("A", Kind.RAISED), tuple("C", Kind.RAISED));
	}
}
