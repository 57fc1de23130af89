package io.vigil.warning;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import io.vigil.outage.ApprovedOutage;
import io.vigil.outage.OutageDeclarations;
import io.vigil.warning.internal.ObjectDirectory;
import io.vigil.warning.internal.WarningEscalation;
import io.vigil.warning.internal.WarningRouting;
import io.vigil.warning.internal.Warnings;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The port from detection: every condition report goes through here. Keeps one open warning per
 * (object, rule): a new condition raises one and routes it by level; repeats update it (count, last
 * value, worst level) and a level up re-routes at once to the wider audience; recovery is recorded but
 * does not clear. Data-quality and interruption warnings inside an approved outage are recorded only.
 */
@Service
public class WarningIntake {

	private final Warnings warnings;

	private final WarningRouting routing;

	private final ObjectDirectory directory;

	private final OutageDeclarations outages;

	private final WarningEscalation escalation;

	private final WarningSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	WarningIntake(Warnings warnings, WarningRouting routing, ObjectDirectory directory, OutageDeclarations outages,
			WarningEscalation escalation, WarningSettings settings, ApplicationEventPublisher events, Clock clock) {
		this.warnings = warnings;
		this.routing = routing;
		this.directory = directory;
		this.outages = outages;
		this.escalation = escalation;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/** Applies one report; returns the warning it concerns (empty for a recovery of nothing open). */
	@Transactional
	public OptionalLong report(ConditionReport report) {
		return new Batch().apply(report);
	}

	/** Applies many reports in one transaction, sharing look-ups: for storms and replays. */
	@Transactional
	public void reportAll(List<ConditionReport> reports) {
		Batch batch = new Batch();
		reports.forEach(batch::apply);
	}

	/**
	 * The end of an outage window restores normal rules: a condition that persists past it (a sensor still
	 * silent) is released and pushed now, even if no new report arrives — an interruption, once raised, is
	 * not reported again. Called on the escalation tick; returns how many warnings were released.
	 */
	@Transactional
	public int releaseEndedOutages() {
		Instant now = clock.instant();
		Batch batch = new Batch();
		List<Warning> held = warnings.lockSuppressedPastOutage(now, 500);
		held.forEach(w -> batch.release(w, now));
		return held.size();
	}

	/** Caches what is the same for many reports of one storm (outage windows, routes, placements). */
	private final class Batch {

		private final Map<Long, List<ApprovedOutage>> outagesByEnterprise = new HashMap<>();

		private final Map<String, List<Recipient>> routes = new HashMap<>();

		private final Map<Long, ObjectDirectory.Placement> placements = new HashMap<>();

		OptionalLong apply(ConditionReport report) {
			Optional<Warning> open = warnings.findOpen(report.objectKey(), report.ruleId());
			if (report.kind() == ConditionReport.Kind.RECOVERED) {
				open.ifPresent(w -> {
					w.recover(report.at(), report.reasonZh() + " / " + report.reasonEn());
					save(w, "recovered");
				});
				return open.map(w -> OptionalLong.of(w.id())).orElse(OptionalLong.empty());
			}
			return OptionalLong.of(open.isPresent() ? repeat(open.get(), report) : raise(complete(report)));
		}

		private long raise(ConditionReport report) {
			Warning w = Warning.raise(report);
			Optional<ApprovedOutage> outage = report.dataQuality() ? covering(report) : Optional.empty();
			List<Recipient> recipients = List.of();
			if (outage.isPresent()) {
				w.suppress(outage.get().id(), report.at());
			}
			else {
				w.schedule(settings.deadlinesFor(w.level(), w.domain()), w.firstSeen());
				recipients = route(w);
				if (!recipients.isEmpty()) {
					w.routed("raised", recipients, report.at());
				}
				escalation.plan(w, Set.of());
			}
			warnings.insert(w);
			publish(w, "raised", recipients, report.at());
			return w.id();
		}

		private long repeat(Warning w, ConditionReport report) {
			WarningLevel before = w.repeat(report);
			Instant at = report.at();
			if (w.suppressedBy() != null && covering(report).isEmpty()) {
				release(w, at);
				return w.id();
			}
			if (w.level().compareTo(before) > 0 && w.suppressedBy() == null) {
				w.tighten(settings.deadlinesFor(w.level(), w.domain()), at);
				List<Recipient> recipients = route(w);
				w.routed("level_up", recipients, at);
				escalation.plan(w, escalation.fired(w.id()));
				warnings.update(w);
				publish(w, "level_up", recipients, at);
				return w.id();
			}
			save(w, w.level() == before ? "updated" : "level_down");
			return w.id();
		}

		void release(Warning w, Instant at) {
			w.release(at);
			w.schedule(settings.deadlinesFor(w.level(), w.domain()), at);
			List<Recipient> recipients = route(w);
			w.routed("released", recipients, at);
			escalation.plan(w, escalation.fired(w.id()));
			warnings.update(w);
			publish(w, "released", recipients, at);
		}

		private void save(Warning w, String action) {
			warnings.update(w);
			events.publishEvent(new WarningChanged(w.id(), w.enterpriseId(), action, w.level(), w.state(),
					w.status().code(), clock.instant()));
		}

		private void publish(Warning w, String event, List<Recipient> recipients, Instant at) {
			if (!recipients.isEmpty()) {
				events.publishEvent(new WarningRouted(w.id(), w.enterpriseId(), event, w.level(), recipients,
						summary(w), at));
			}
			events.publishEvent(new WarningChanged(w.id(), w.enterpriseId(), event, w.level(), w.state(),
					w.status().code(), at));
		}

		private List<Recipient> route(Warning w) {
			List<Audience> audience = settings.audienceFor(w.level(), w.escalationTier());
			String key = w.enterpriseId() + "|" + w.assetId() + "|" + audience;
			return routes.computeIfAbsent(key, k -> routing.recipients(w.enterpriseId(), w.assetId(), audience,
					clock.instant()));
		}

		private Optional<ApprovedOutage> covering(ConditionReport r) {
			Long assetId = r.assetId() != null ? r.assetId() : placement(r).assetId();
			return outagesByEnterprise.computeIfAbsent(r.enterpriseId(), e -> outages.approvedFor(e, r.at())).stream()
				.filter(o -> o.covers(r.sensorId(), assetId, r.at())).findFirst();
		}

		private ConditionReport complete(ConditionReport r) {
			if (r.assetId() != null && r.domain() != null) {
				return r;
			}
			ObjectDirectory.Placement p = placement(r);
			return new ConditionReport(r.kind(), r.sensorId(), r.assetId() != null ? r.assetId() : p.assetId(),
					r.enterpriseId(), r.ruleId(), r.ruleKind(), r.domain() != null ? r.domain() : p.domain(), r.level(),
					r.value(), r.threshold(), r.reasonZh(), r.reasonEn(), r.explanation(), r.dataQuality(), r.at());
		}

		private ObjectDirectory.Placement placement(ConditionReport r) {
			if (r.sensorId() == null) {
				return directory.place(null, r.assetId());
			}
			return placements.computeIfAbsent(r.sensorId(), s -> directory.place(s, r.assetId()));
		}
	}

	static String summary(Warning w) {
		return "[" + w.level().zh() + "预警 " + w.level().en() + "] " + w.reasonZh() + " / " + w.reasonEn();
	}
}
