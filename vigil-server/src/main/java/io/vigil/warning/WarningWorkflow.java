package io.vigil.warning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.vigil.organisation.CurrentUser;
import io.vigil.organisation.Organisation;
import io.vigil.organisation.Organisations;
import io.vigil.organisation.Role;
import io.vigil.platform.ForbiddenException;
import io.vigil.platform.InvalidInputException;
import io.vigil.platform.NotFoundException;
import io.vigil.warning.internal.WarningEscalation;
import io.vigil.warning.internal.Warnings;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people's side of the loop: 签收 → 现场核实 → 处置 → 反馈 → 消警, the duty center's review, 督办,
 * and contacts recorded on the timeline. Each step checks the caller's scope (outside it a warning does
 * not exist) and role, then lets the aggregate guard the transition.
 */
@Service
public class WarningWorkflow {

	/** Who may work a warning of an enterprise in their scope; regulators supervise rather than handle. */
	private static final Set<Role> HANDLERS = Set.of(Role.PLATFORM_ADMIN, Role.ENTERPRISE_MANAGER,
			Role.ENTERPRISE_OPERATOR, Role.JURISDICTION_OFFICER, Role.DUTY_OFFICER);

	private static final Set<Role> SUPERVISORS = Set.of(Role.PLATFORM_ADMIN, Role.REGULATOR,
			Role.JURISDICTION_OFFICER, Role.DUTY_OFFICER);

	private static final Set<Role> REVIEWERS = Set.of(Role.PLATFORM_ADMIN, Role.DUTY_OFFICER);

	private static final Set<String> CONTACTS = Set.of("phone", "video", "consultation");

	private final Warnings warnings;

	private final Organisations organisations;

	private final WarningEscalation escalation;

	private final WarningSettings settings;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	WarningWorkflow(Warnings warnings, Organisations organisations, WarningEscalation escalation,
			WarningSettings settings, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
		this.warnings = warnings;
		this.organisations = organisations;
		this.escalation = escalation;
		this.settings = settings;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public Warning acknowledge(CurrentUser user, long id, HandlingNote note) {
		return change(user, id, HANDLERS, "acknowledged", w -> w.acknowledge(user.username(), clock.instant(), note));
	}

	@Transactional
	public Warning verify(CurrentUser user, long id, HandlingNote note) {
		return change(user, id, HANDLERS, "verifying", w -> w.verify(user.username(), clock.instant(), note));
	}

	@Transactional
	public Warning handle(CurrentUser user, long id, HandlingNote note) {
		return change(user, id, HANDLERS, "handling", w -> w.handle(user.username(), clock.instant(), note));
	}

	@Transactional
	public Warning feedback(CurrentUser user, long id, HandlingNote note) {
		return change(user, id, HANDLERS, "feedback", w -> w.feedback(user.username(), clock.instant(), note));
	}

	@Transactional
	public Warning clear(CurrentUser user, long id, String reason, HandlingNote note) {
		ClearReason why;
		try {
			why = ClearReason.fromCode(reason == null ? "" : reason);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("reason", e.getMessage());
		}
		return change(user, id, HANDLERS, "cleared", w -> w.clear(user.username(), clock.instant(), why, note,
				settings.reviewLevels().contains(w.worstLevel())));
	}

	@Transactional
	public Warning review(CurrentUser user, long id, boolean approve, HandlingNote note) {
		return change(user, id, REVIEWERS, approve ? "cleared" : "review_returned",
				w -> w.review(user.username(), clock.instant(), approve, note));
	}

	/** Opens a supervision item (督办) by hand, for the caller's organisation. */
	@Transactional
	public Warning supervise(CurrentUser user, long id, HandlingNote note) {
		return change(user, id, SUPERVISORS, "supervision", w -> {
			Instant now = clock.instant();
			jdbc.sql("""
					insert into warning_followups (warning_id, kind, organisation_id, opened_at, opened_by, note)
					values (:w, 'supervision', :org, :at, :by, :note)""")
				.param("w", w.id()).param("org", user.organisationId()).param("at", Timestamp.from(now))
				.param("by", user.username()).param("note", note.note()).update();
			w.record(user.username(), now, "supervision", note.note(), details(note));
		});
	}

	/**
	 * Records a phone or video contact or a consultation (会商) on the timeline, e.g. from the duty desk.
	 *
	 * @param kind phone, video or consultation
	 */
	@Transactional
	public Warning recordContact(CurrentUser user, long id, String kind, HandlingNote note) {
		if (!CONTACTS.contains(kind)) {
			throw new InvalidInputException("kind", "must be one of " + CONTACTS + " / 联络方式无效");
		}
		return change(user, id, SUPERVISORS, kind.equals("consultation") ? "consultation" : "contact",
				w -> w.record(user.username(), clock.instant(), kind.equals("consultation") ? "consultation" : "contact",
						note.note(), withKind(details(note), kind)));
	}

	private Warning change(CurrentUser user, long id, Set<Role> roles, String action, Consumer<Warning> step) {
		Warning w = warnings.lock(id).orElseThrow(() -> new NotFoundException("warning", id));
		Organisation enterprise = organisations.findById(w.enterpriseId()).orElseThrow();
		if (!user.canRead(enterprise)) {
			throw new NotFoundException("warning", id);
		}
		if (!roles.contains(user.role())) {
			throw new ForbiddenException("Your role (" + user.role().code() + ") may not do this / 当前角色无权执行此操作");
		}
		step.accept(w);
		escalation.plan(w, escalation.fired(w.id()));
		warnings.update(w);
		events.publishEvent(new WarningChanged(w.id(), w.enterpriseId(), action, w.level(), w.state(),
				w.status().code(), clock.instant()));
		return w;
	}

	private static Map<String, Object> details(HandlingNote note) {
		Map<String, Object> details = new LinkedHashMap<>();
		if (!note.attachments().isEmpty()) {
			details.put("attachments", note.attachments());
		}
		return details;
	}

	private static Map<String, Object> withKind(Map<String, Object> details, String kind) {
		details.put("kind", kind);
		return details;
	}
}
