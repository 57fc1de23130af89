package io.vigil.warning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;


/**
 * The warning aggregate. The condition ({@link #active}, levels, count, last value) follows detection;
 * the handling ({@link #status}) follows people, through guarded steps that either happen or throw a
 * {@link WarningTransitionException} naming the current status. Every change leaves a timeline entry,
 * collected here and stored with the aggregate.
 */
public final class Warning {

	private long id;
	private final String objectKey;
	private final String ruleId;
	private final String ruleKind;
	private final Long sensorId;
	private final Long assetId;
	private final long enterpriseId;
	private final String domain;
	private final boolean dataQuality;
	private WarningLevel level;
	private WarningLevel worstLevel;
	private boolean active;
	private WarningStatus status;
	private int count;
	private final Instant firstSeen;
	private Instant lastSeen;
	private Instant recoveredAt;
	private double value;
	private double threshold;
	private String reasonZh;
	private String reasonEn;
	private Map<String, Object> explanation;
	private Long suppressedBy;
	private Instant acknowledgeDue;
	private Instant feedbackDue;
	private Instant clearDue;
	private Instant nextDueAt;
	private int escalationTier;
	private ClearReason clearReason;
	private Instant clearedAt;
	private String clearedBy;
	private final int version;
	private final List<TimelineEntry> pending = new ArrayList<>();

	/** Rebuilds a stored warning; only the repository calls this. */
	public Warning(long id, String objectKey, String ruleId, String ruleKind, Long sensorId, Long assetId,
			long enterpriseId, String domain, boolean dataQuality, WarningLevel level, WarningLevel worstLevel, boolean active,
			WarningStatus status, int count, Instant firstSeen, Instant lastSeen, Instant recoveredAt, double value,
			double threshold, String reasonZh, String reasonEn, Map<String, Object> explanation, Long suppressedBy,
			Instant acknowledgeDue, Instant feedbackDue, Instant clearDue, Instant nextDueAt, int escalationTier,
			ClearReason clearReason, Instant clearedAt, String clearedBy, int version) {
		this.id = id;
		this.objectKey = objectKey;
		this.ruleId = ruleId;
		this.ruleKind = ruleKind;
		this.sensorId = sensorId;
		this.assetId = assetId;
		this.enterpriseId = enterpriseId;
		this.domain = domain;
		this.dataQuality = dataQuality;
		this.level = level;
		this.worstLevel = worstLevel;
		this.active = active;
		this.status = status;
		this.count = count;
		this.firstSeen = firstSeen;
		this.lastSeen = lastSeen;
		this.recoveredAt = recoveredAt;
		this.value = value;
		this.threshold = threshold;
		this.reasonZh = reasonZh;
		this.reasonEn = reasonEn;
		this.explanation = explanation;
		this.suppressedBy = suppressedBy;
		this.acknowledgeDue = acknowledgeDue;
		this.feedbackDue = feedbackDue;
		this.clearDue = clearDue;
		this.nextDueAt = nextDueAt;
		this.escalationTier = escalationTier;
		this.clearReason = clearReason;
		this.clearedAt = clearedAt;
		this.clearedBy = clearedBy;
		this.version = version;
	}

	/** A new warning for a condition that has no open warning yet. */
	public static Warning raise(ConditionReport r) {
		Warning w = new Warning(0, r.objectKey(), r.ruleId(), r.ruleKind(), r.sensorId(), r.assetId(), r.enterpriseId(),
				r.domain(), r.dataQuality(), r.level(), r.level(), true, WarningStatus.RAISED, 1, r.at(), r.at(), null,
				r.value(), r.threshold(), r.reasonZh(), r.reasonEn(), r.explanation(), null, null, null, null, null, 0,
				null, null, null, 0);
		w.log(r.at(), "system", "raised", r.reasonZh() + " / " + r.reasonEn(), Map.of());
		return w;
	}

	/** Another report of the same condition. Returns the level before it, so callers can see a level up. */
	public WarningLevel repeat(ConditionReport r) {
		WarningLevel before = level;
		count++;
		lastSeen = r.at();
		value = r.value();
		threshold = r.threshold();
		reasonZh = r.reasonZh();
		reasonEn = r.reasonEn();
		explanation = r.explanation();
		if (!active) {
			active = true;
			recoveredAt = null;
			log(r.at(), "system", "reactivated", r.reasonZh() + " / " + r.reasonEn(), Map.of());
		}
		if (r.level() != before) {
			level = r.level();
			if (level.compareTo(worstLevel) > 0) {
				worstLevel = level;
			}
			log(r.at(), "system", level.compareTo(before) > 0 ? "level_up" : "level_down",
					before.en() + " → " + level.en() + ": " + r.reasonEn(), Map.of("from", before.en(), "to", level.en()));
		}
		return before;
	}

	/** The condition ended. The warning stays open until a person clears it (消警). */
	public void recover(Instant at, String reason) {
		if (!active) {
			return;
		}
		active = false;
		recoveredAt = at;
		lastSeen = at;
		log(at, "system", "recovered", reason, Map.of());
	}

	/** Recorded inside an approved outage window: nothing is pushed and no deadline runs. */
	public void suppress(long outageId, Instant at) {
		suppressedBy = outageId;
		nextDueAt = null;
		log(at, "system", "suppressed", "停报期内：已记录，不推送 / inside an approved outage: recorded, not pushed",
				Map.of("outage", outageId));
	}

	/** The outage window ended while the condition persists: normal rules apply again. */
	public void release(Instant at) {
		Long outage = suppressedBy;
		suppressedBy = null;
		log(at, "system", "released", "停报期结束 / the outage window ended", Map.of("outage", outage));
	}

	/** People were told; the first routing moves a raised warning to pushed. */
	public void routed(String event, List<Recipient> recipients, Instant at) {
		if (status == WarningStatus.RAISED) {
			status = WarningStatus.PUSHED;
		}
		List<String> names = recipients.stream().map(r -> r.name() + " (" + r.audience().code() + ")").toList();
		log(at, "system", event.equals("raised") ? "pushed" : event,
				recipients.size() + " recipients: " + String.join(", ", names), Map.of("recipients", names));
	}

	public void acknowledge(String by, Instant at, HandlingNote note) {
		step("acknowledged", Set.of(WarningStatus.RAISED, WarningStatus.PUSHED), WarningStatus.ACKNOWLEDGED, by, at, note);
	}

	public void verify(String by, Instant at, HandlingNote note) {
		step("verifying", Set.of(WarningStatus.ACKNOWLEDGED), WarningStatus.VERIFYING, by, at, note);
	}

	public void handle(String by, Instant at, HandlingNote note) {
		step("handling", Set.of(WarningStatus.ACKNOWLEDGED, WarningStatus.VERIFYING), WarningStatus.HANDLING, by, at,
				note);
	}

	public void feedback(String by, Instant at, HandlingNote note) {
		step("feedback", Set.of(WarningStatus.ACKNOWLEDGED, WarningStatus.VERIFYING, WarningStatus.HANDLING),
				WarningStatus.FEEDBACK, by, at, note);
	}

	/** 消警. Where the duty center reviews clearings, this only asks for it. */
	public void clear(String by, Instant at, ClearReason reason, HandlingNote note, boolean needsReview) {
		Set<WarningStatus> from = Set.of(WarningStatus.ACKNOWLEDGED, WarningStatus.VERIFYING, WarningStatus.HANDLING,
				WarningStatus.FEEDBACK);
		if (!from.contains(status)) {
			throw new WarningTransitionException(id, "cleared", status);
		}
		clearReason = reason;
		if (needsReview) {
			status = WarningStatus.REVIEWING;
			log(at, by, "clear_requested", note.note(), details(note, reason));
			return;
		}
		close(by, at, note);
	}

	/** The duty center approves a requested clearing or sends the warning back to handling. */
	public void review(String by, Instant at, boolean approve, HandlingNote note) {
		if (status != WarningStatus.REVIEWING) {
			throw new WarningTransitionException(id, "reviewed", status);
		}
		if (approve) {
			close(by, at, note);
			return;
		}
		clearReason = null;
		status = WarningStatus.HANDLING;
		log(at, by, "review_returned", note.note(), details(note, null));
	}

	/** Records a step that does not move the status: escalation, supervision, contacts, consultations. */
	public void record(String by, Instant at, String action, String note, Map<String, Object> details) {
		log(at, by, action, note, details);
	}

	/** Deadlines counted from {@code from}: the first report, or the end of the outage that held it back. */
	public void schedule(LevelDeadlines d, Instant from) {
		acknowledgeDue = from.plus(d.acknowledge());
		feedbackDue = from.plus(d.feedback());
		clearDue = from.plus(d.clear());
	}

	/** A level up shortens the deadlines that are still open to the new level's, counted from now. */
	public void tighten(LevelDeadlines d, Instant at) {
		acknowledgeDue = earlier(acknowledgeDue, at.plus(d.acknowledge()));
		feedbackDue = earlier(feedbackDue, at.plus(d.feedback()));
		clearDue = earlier(clearDue, at.plus(d.clear()));
	}

	public void widen() {
		escalationTier++;
	}

	public void nextDueAt(Instant next) {
		nextDueAt = next;
	}

	/** Entries recorded since the last save; the repository stores and forgets them. */
	public List<TimelineEntry> drainTimeline() {
		List<TimelineEntry> entries = List.copyOf(pending);
		pending.clear();
		return entries;
	}

	public void assignId(long id) {
		if (this.id != 0) {
			throw new IllegalStateException("warning " + this.id + " already has an id");
		}
		this.id = id;
	}

	private void step(String name, Set<WarningStatus> from, WarningStatus to, String by, Instant at, HandlingNote note) {
		if (!from.contains(status)) {
			throw new WarningTransitionException(id, name, status);
		}
		status = to;
		log(at, by, name, note.note(), details(note, null));
	}

	private void close(String by, Instant at, HandlingNote note) {
		status = WarningStatus.CLEARED;
		clearedAt = at;
		clearedBy = by;
		nextDueAt = null;
		log(at, by, "cleared", note.note(), details(note, clearReason));
	}

	private void log(Instant at, String actor, String action, String note, Map<String, Object> details) {
		pending.add(new TimelineEntry(at, actor, action, level.en(), note, details));
	}

	private static Map<String, Object> details(HandlingNote note, ClearReason reason) {
		Map<String, Object> details = new LinkedHashMap<>();
		if (!note.attachments().isEmpty()) {
			details.put("attachments", note.attachments());
		}
		if (reason != null) {
			details.put("reason", reason.code());
		}
		return details;
	}

	private static Instant earlier(Instant a, Instant b) {
		return a == null || b.isBefore(a) ? b : a;
	}

	public long id() { return id; }
	public String objectKey() { return objectKey; }
	public String ruleId() { return ruleId; }
	public String ruleKind() { return ruleKind; }
	public Long sensorId() { return sensorId; }
	public Long assetId() { return assetId; }
	public long enterpriseId() { return enterpriseId; }
	public String domain() { return domain; }
	public boolean dataQuality() { return dataQuality; }
	public WarningLevel level() { return level; }
	public WarningLevel worstLevel() { return worstLevel; }
	public boolean active() { return active; }
	public String state() { return active ? "active" : "recovered"; }
	public WarningStatus status() { return status; }
	public int count() { return count; }
	public Instant firstSeen() { return firstSeen; }
	public Instant lastSeen() { return lastSeen; }
	public Instant recoveredAt() { return recoveredAt; }
	public double value() { return value; }
	public double threshold() { return threshold; }
	public String reasonZh() { return reasonZh; }
	public String reasonEn() { return reasonEn; }
	public Map<String, Object> explanation() { return explanation; }
	public Long suppressedBy() { return suppressedBy; }
	public Instant acknowledgeDue() { return acknowledgeDue; }
	public Instant feedbackDue() { return feedbackDue; }
	public Instant clearDue() { return clearDue; }
	public Instant nextDueAt() { return nextDueAt; }
	public int escalationTier() { return escalationTier; }
	public ClearReason clearReason() { return clearReason; }
	public Instant clearedAt() { return clearedAt; }
	public String clearedBy() { return clearedBy; }
	public int version() { return version; }
}
