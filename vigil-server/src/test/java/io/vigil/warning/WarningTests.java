package io.vigil.warning;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.vigil.warning.internal.EscalationPlan;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarningTests {

	static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

	static final LevelDeadlines RED = new WarningSettings(true, Duration.ofSeconds(10), null, null, null, null)
		.deadlinesFor(WarningLevel.RED, null);

	static Warning raised(WarningLevel level) {
		return Warning.raise(WarningWorld.report(ConditionReport.Kind.RAISED, 1, 2, "leak-1", "leak", level, false, T0));
	}

	@Test
	void handlingFollowsTheLoopAndRefusesSkippedSteps() {
		Warning w = raised(WarningLevel.RED);

		assertThatThrownBy(() -> w.feedback("op", T0, HandlingNote.of("done"))).isInstanceOf(WarningTransitionException.class)
			.hasMessageContaining("while it is raised");
		assertThatThrownBy(() -> w.clear("op", T0, ClearReason.HANDLED, HandlingNote.of("x"), false))
			.hasMessageContaining("raised");

		w.acknowledge("op", T0, HandlingNote.of("签收"));
		w.verify("op", T0, HandlingNote.of("on site"));
		w.feedback("op", T0, HandlingNote.of("valve closed"));
		w.clear("op", T0, ClearReason.HANDLED, HandlingNote.of("repaired"), false);

		assertThat(w.status()).isEqualTo(WarningStatus.CLEARED);
		assertThatThrownBy(() -> w.acknowledge("op", T0, HandlingNote.of("again"))).hasMessageContaining("cleared");
		assertThat(w.drainTimeline()).extracting(TimelineEntry::action)
			.containsExactly("raised", "acknowledged", "verifying", "feedback", "cleared");
	}

	@Test
	void repeatsCountAndKeepTheWorstLevelAndRecoveryDoesNotClear() {
		Warning w = raised(WarningLevel.YELLOW);

		WarningLevel before = w.repeat(WarningWorld.report(ConditionReport.Kind.UPDATED, 1, 2, "leak-1", "leak",
				WarningLevel.RED, false, T0.plusSeconds(60)));
		w.repeat(WarningWorld.report(ConditionReport.Kind.UPDATED, 1, 2, "leak-1", "leak", WarningLevel.ORANGE, false,
				T0.plusSeconds(120)));
		w.recover(T0.plusSeconds(180), "back to normal");

		assertThat(before).isEqualTo(WarningLevel.YELLOW);
		assertThat(w.count()).isEqualTo(3);
		assertThat(w.level()).isEqualTo(WarningLevel.ORANGE);
		assertThat(w.worstLevel()).isEqualTo(WarningLevel.RED);
		assertThat(w.state()).isEqualTo("recovered");
		assertThat(w.status()).isEqualTo(WarningStatus.RAISED);
		assertThat(w.drainTimeline()).extracting(TimelineEntry::action)
			.containsExactly("raised", "level_up", "level_down", "recovered");
	}

	@Test
	void reviewCanSendAClearingBack() {
		Warning w = raised(WarningLevel.RED);
		w.acknowledge("op", T0, HandlingNote.of(null));
		w.clear("op", T0, ClearReason.FALSE_ALARM, HandlingNote.of("false alarm"), true);
		assertThat(w.status()).isEqualTo(WarningStatus.REVIEWING);

		w.review("duty", T0, false, HandlingNote.of("no evidence attached"));

		assertThat(w.status()).isEqualTo(WarningStatus.HANDLING);
		assertThat(w.clearReason()).isNull();
	}

	@Test
	void eachUnmetDeadlineRemindsThenWidensThenSupervises() {
		Warning w = raised(WarningLevel.RED);
		w.schedule(RED, T0);
		var steps = EscalationPlan.steps(w, RED);

		assertThat(EscalationPlan.due(steps, Set.of(), T0.plus(Duration.ofMinutes(4)))).isEmpty();
		assertThat(EscalationPlan.due(steps, Set.of(), T0.plus(Duration.ofMinutes(5))))
			.extracting(EscalationPlan.DueStep::key).containsExactly("acknowledge/remind");
		assertThat(EscalationPlan.due(steps, Set.of("acknowledge/remind"), T0.plus(Duration.ofMinutes(15))))
			.extracting(EscalationPlan.DueStep::key)
			.containsExactlyInAnyOrder("acknowledge/widen", "acknowledge/supervise", "feedback/remind");
		assertThat(EscalationPlan.next(steps, Set.of("acknowledge/remind"))).isEqualTo(T0.plus(Duration.ofMinutes(10)));

		w.acknowledge("op", T0, HandlingNote.of(null));
		assertThat(EscalationPlan.steps(w, RED)).extracting(EscalationPlan.DueStep::key)
			.doesNotContain("acknowledge/remind").contains("feedback/remind", "clear/remind");
	}

	@Test
	void defaultsFollowTheDesignPageAndPartialOverridesKeepTheRest() {
		var settings = new WarningSettings(true, Duration.ofSeconds(10),
				java.util.Map.of(WarningLevel.RED, new LevelDeadlines(Duration.ofMinutes(3), null, null)), null, null, null);

		assertThat(settings.deadlinesFor(WarningLevel.RED, null))
			.isEqualTo(new LevelDeadlines(Duration.ofMinutes(3), Duration.ofMinutes(15), Duration.ofHours(2)));
		assertThat(settings.deadlinesFor(WarningLevel.BLUE, "gas"))
			.isEqualTo(new LevelDeadlines(Duration.ofMinutes(30), Duration.ofMinutes(120), Duration.ofHours(24)));
		assertThat(settings.audienceFor(WarningLevel.BLUE, 0)).containsExactly(Audience.ENTERPRISE_OPERATOR);
		assertThat(settings.audienceFor(WarningLevel.BLUE, 1)).contains(Audience.JURISDICTION, Audience.REGULATOR);
		assertThat(settings.audienceFor(WarningLevel.ORANGE, 0)).contains(Audience.DUTY_CENTER, Audience.DISTRICT_BUREAU);
	}
}
