package io.vigil.warning.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vigil.warning.Audience;
import io.vigil.warning.Recipient;
import io.vigil.warning.Warning;
import io.vigil.warning.WarningChanged;
import io.vigil.warning.WarningRouted;
import io.vigil.warning.WarningSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalates overdue warnings. All timer state is in the database (due times on the warning, fired steps
 * in {@code warning_escalations} whose primary key admits each step once), so a restart rebuilds nothing:
 * the next tick simply finds what is due. Each warning is escalated in its own short transaction.
 */
@Component
public class WarningEscalation {

	private static final Logger log = LoggerFactory.getLogger(WarningEscalation.class);

	private final Warnings warnings;

	private final WarningRouting routing;

	private final WarningSettings settings;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	WarningEscalation(Warnings warnings, WarningRouting routing, WarningSettings settings, JdbcClient jdbc,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.warnings = warnings;
		this.routing = routing;
		this.settings = settings;
		this.jdbc = jdbc;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Fires every step due now; returns how many fired. Safe to call from several nodes at once. */
	public int tick() {
		Instant now = clock.instant();
		int total = 0;
		while (true) {
			Integer fired = transactions.execute(status -> {
				List<Warning> due = warnings.lockDue(now, 100);
				int count = 0;
				for (Warning w : due) {
					count += escalate(w, now);
				}
				return due.isEmpty() ? -1 : count;
			});
			if (fired == null || fired < 0) {
				return total;
			}
			total += fired;
		}
	}

	/** Sets the warning's next due time from its deadlines and the steps already fired. */
	public void plan(Warning w, Set<String> fired) {
		w.nextDueAt(EscalationPlan.next(EscalationPlan.steps(w, settings.deadlinesFor(w.level(), w.domain())), fired));
	}

	public Set<String> fired(long warningId) {
		return new HashSet<>(jdbc.sql("select deadline || '/' || step from warning_escalations where warning_id = :id")
			.param("id", warningId).query(String.class).list());
	}

	private int escalate(Warning w, Instant now) {
		Set<String> fired = fired(w.id());
		List<EscalationPlan.DueStep> steps = EscalationPlan.steps(w, settings.deadlinesFor(w.level(), w.domain()));
		int count = 0;
		for (EscalationPlan.DueStep step : EscalationPlan.due(steps, fired, now)) {
			int inserted = jdbc.sql("""
					insert into warning_escalations (warning_id, deadline, step, due_at, fired_at)
					values (:id, :deadline, :step, :due, :now) on conflict do nothing""")
				.param("id", w.id()).param("deadline", step.deadline().code()).param("step", step.step().code())
				.param("due", Timestamp.from(step.at())).param("now", Timestamp.from(now)).update();
			fired.add(step.key());
			if (inserted == 1) {
				perform(w, step, now);
				count++;
			}
		}
		plan(w, fired);
		warnings.update(w);
		return count;
	}

	private void perform(Warning w, EscalationPlan.DueStep step, Instant now) {
		String what = step.deadline().code() + " deadline " + step.at().minus(gap(w, step)) + " passed / 超过"
				+ deadlineZh(step.deadline()) + "期限";
		log.info("Warning {} escalates: {} ({})", w.id(), step.key(), what);
		switch (step.step()) {
			case REMIND -> {
				List<Recipient> to = routing.recipients(w.enterpriseId(), w.assetId(),
						settings.audienceFor(w.level(), w.escalationTier()), now);
				w.record("system", now, "reminder", what, Map.of("deadline", step.deadline().code(), "recipients", names(to)));
				publish(w, "reminder", to, now);
			}
			case WIDEN -> {
				w.widen();
				List<Audience> audience = settings.audienceFor(w.level(), w.escalationTier());
				List<Recipient> to = routing.recipients(w.enterpriseId(), w.assetId(), audience, now);
				w.record("system", now, "widened", what + "; audience widened to tier " + w.escalationTier(),
						Map.of("deadline", step.deadline().code(), "tier", w.escalationTier(), "recipients", names(to)));
				publish(w, "escalated", to, now);
			}
			case SUPERVISE -> supervise(w, step, what, now);
		}
	}

	/** 督办 for the regulators (the jurisdiction when no regulator covers it) and a phone task for the duty center. */
	private void supervise(Warning w, EscalationPlan.DueStep step, String what, Instant now) {
		List<Long> regulators = routing.covering(w.enterpriseId(), "regulator");
		for (long regulator : regulators) {
			openFollowup(w.id(), "supervision", regulator, what, now);
		}
		w.record("system", now, "supervision", "督办: " + what,
				Map.of("deadline", step.deadline().code(), "organisations", regulators));
		List<Long> centers = routing.covering(w.enterpriseId(), "duty_center");
		for (long center : centers) {
			openFollowup(w.id(), "phone_task", center, what, now);
		}
		w.record("system", now, "phone_task", "值班电话/视频连线任务 / phone or video task for the duty center",
				Map.of("organisations", centers));
		List<Recipient> to = routing.recipients(w.enterpriseId(), w.assetId(),
				List.of(Audience.REGULATOR, Audience.JURISDICTION, Audience.DUTY_CENTER), now);
		publish(w, "supervised", to, now);
	}

	private void openFollowup(long warningId, String kind, long organisationId, String note, Instant now) {
		jdbc.sql("""
				insert into warning_followups (warning_id, kind, organisation_id, opened_at, opened_by, note)
				values (:w, :kind, :org, :at, 'system', :note)""")
			.param("w", warningId).param("kind", kind).param("org", organisationId).param("at", Timestamp.from(now))
			.param("note", note).update();
	}

	private void publish(Warning w, String event, List<Recipient> to, Instant now) {
		if (!to.isEmpty()) {
			events.publishEvent(new WarningRouted(w.id(), w.enterpriseId(), event, w.level(), to,
					"[" + w.level().zh() + "预警 " + w.level().en() + " · " + event + "] " + w.reasonZh() + " / "
							+ w.reasonEn(),
					now));
		}
		events.publishEvent(new WarningChanged(w.id(), w.enterpriseId(), event, w.level(), w.state(),
				w.status().code(), now));
	}

	private java.time.Duration gap(Warning w, EscalationPlan.DueStep step) {
		var d = settings.deadlinesFor(w.level(), w.domain());
		java.time.Duration length = switch (step.deadline()) {
			case ACKNOWLEDGE -> d.acknowledge();
			case FEEDBACK -> d.feedback();
			case CLEAR -> d.clear();
		};
		return length.multipliedBy(step.step().ordinal());
	}

	private static String deadlineZh(EscalationPlan.Deadline deadline) {
		return switch (deadline) {
			case ACKNOWLEDGE -> "签收";
			case FEEDBACK -> "现场反馈";
			case CLEAR -> "消警";
		};
	}

	private static List<String> names(List<Recipient> recipients) {
		return recipients.stream().map(r -> r.name() + " (" + r.audience().code() + ")").toList();
	}
}
