package io.vigil.warning.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.vigil.warning.LevelDeadlines;
import io.vigil.warning.Warning;
import io.vigil.warning.WarningStatus;

/**
 * When each escalation step of a warning falls due. A deadline that passes unmet starts three steps:
 * remind at the deadline, widen the audience one deadline-length later, supervise (督办) one more later.
 * Spacing the steps by the deadline's own length keeps red fast and blue patient without more settings.
 */
public final class EscalationPlan {

	public enum Deadline {
		/** met by 签收 */
		ACKNOWLEDGE(WarningStatus.ACKNOWLEDGED),
		/** met by the first on-site report: 现场核实 or later */
		FEEDBACK(WarningStatus.VERIFYING),
		/** met by 消警 (or its request, while the duty center reviews it) */
		CLEAR(WarningStatus.REVIEWING);

		private final WarningStatus metBy;

		Deadline(WarningStatus metBy) {
			this.metBy = metBy;
		}

		public boolean met(WarningStatus status) {
			return status.atLeast(metBy);
		}

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	public enum Step {
		REMIND, WIDEN, SUPERVISE;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** One step of one deadline and when it falls due. */
	public record DueStep(Deadline deadline, Step step, Instant at) {

		public String key() {
			return deadline.code() + "/" + step.code();
		}
	}

	private EscalationPlan() {
	}

	/** Every step still relevant for the warning (deadline unmet), fired or not. */
	public static List<DueStep> steps(Warning w, LevelDeadlines durations) {
		List<DueStep> steps = new ArrayList<>();
		if (w.status() == WarningStatus.CLEARED || w.suppressedBy() != null) {
			return steps;
		}
		add(steps, w, Deadline.ACKNOWLEDGE, w.acknowledgeDue(), durations.acknowledge());
		add(steps, w, Deadline.FEEDBACK, w.feedbackDue(), durations.feedback());
		add(steps, w, Deadline.CLEAR, w.clearDue(), durations.clear());
		steps.sort(Comparator.comparing(DueStep::at));
		return steps;
	}

	/** Steps due at {@code now} that have not fired, in time order. */
	public static List<DueStep> due(List<DueStep> steps, Set<String> fired, Instant now) {
		return steps.stream().filter(s -> !s.at().isAfter(now) && !fired.contains(s.key())).toList();
	}

	/** When the scheduler should look at the warning again, or null. */
	public static Instant next(List<DueStep> steps, Set<String> fired) {
		return steps.stream().filter(s -> !fired.contains(s.key())).map(DueStep::at).min(Comparator.naturalOrder())
			.orElse(null);
	}

	private static void add(List<DueStep> steps, Warning w, Deadline deadline, Instant due, Duration gap) {
		if (due == null || deadline.met(w.status())) {
			return;
		}
		Step[] order = Step.values();
		for (int i = 0; i < order.length; i++) {
			steps.add(new DueStep(deadline, order[i], due.plus(gap.multipliedBy(i))));
		}
	}
}
