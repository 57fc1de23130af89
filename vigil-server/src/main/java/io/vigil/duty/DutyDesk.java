package io.vigil.duty;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vigil.organisation.CurrentUser;
import io.vigil.organisation.Organisation;
import io.vigil.organisation.Role;
import io.vigil.platform.ForbiddenException;
import io.vigil.platform.InvalidInputException;
import io.vigil.warning.HandlingNote;
import io.vigil.warning.WarningFilter;
import io.vigil.warning.WarningQueries;
import io.vigil.warning.WarningView;
import io.vigil.warning.WarningWorkflow;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The duty officer's desk: active warnings by level and the overdue ones, who is on duty, the duty
 * log with handovers, and phone/video contacts and consultations (会商) that also go on the warning's
 * timeline.
 */
@Service
public class DutyDesk {

	private final DutyRoster roster;

	private final WarningQueries warnings;

	private final WarningWorkflow workflow;

	private final JdbcClient jdbc;

	private final Clock clock;

	DutyDesk(DutyRoster roster, WarningQueries warnings, WarningWorkflow workflow, JdbcClient jdbc, Clock clock) {
		this.roster = roster;
		this.warnings = warnings;
		this.workflow = workflow;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public record Desk(Map<String, Long> activeByLevel, long overdueCount, List<WarningView> overdue,
			List<String> onDuty, List<LogEntry> recentLog) {
	}

	public record LogEntry(long id, Instant at, String actor, String kind, String text, Long warning) {
	}

	/** @param kind note, handover, phone, video or consultation; the last three need a warning */
	public record NewEntry(String kind, String text, Long warning) {
	}

	public Desk desk(CurrentUser user, String dutyCenter) {
		Map<String, Long> byLevel = new LinkedHashMap<>();
		for (String level : List.of("red", "orange", "yellow", "blue")) {
			byLevel.put(level, warnings.list(user, filter(level, null, 1)).total());
		}
		WarningQueries.Page overdue = warnings.list(user, filter(null, true, 100));
		Organisation center = center(user, dutyCenter);
		return new Desk(byLevel, overdue.total(), overdue.items(),
				center == null ? List.of() : roster.onDuty(center.id(), clock.instant()),
				center == null ? List.of() : log(center.id(), 50));
	}

	@Transactional
	public LogEntry record(CurrentUser user, String dutyCenter, NewEntry e) {
		Organisation center = center(user, dutyCenter);
		if (center == null || (!user.isAdmin() && user.role() != Role.DUTY_OFFICER)) {
			throw new ForbiddenException("Only duty officers keep the duty log / 仅值班人员可记录值班日志");
		}
		String kind = e.kind() == null ? "note" : e.kind();
		if (!List.of("note", "handover", "phone", "video", "consultation").contains(kind)) {
			throw new InvalidInputException("kind", "must be note, handover, phone, video or consultation / 类型无效");
		}
		if (e.text() == null || e.text().isBlank()) {
			throw new InvalidInputException("text", "is required / 必填");
		}
		if (List.of("phone", "video", "consultation").contains(kind)) {
			if (e.warning() == null) {
				throw new InvalidInputException("warning", "a contact or consultation concerns a warning / 请指定预警");
			}
			workflow.recordContact(user, e.warning(), kind, HandlingNote.of(e.text()));
		}
		Instant now = clock.instant();
		Long id = jdbc.sql("""
				insert into duty_log (duty_center_id, at, actor, kind, text, warning_id)
				values (:c, :at, :actor, :kind, :text, :w) returning id""")
			.param("c", center.id()).param("at", Timestamp.from(now)).param("actor", user.username()).param("kind", kind)
			.param("text", e.text()).param("w", e.warning()).query(Long.class).single();
		return new LogEntry(id, now, user.username(), kind, e.text(), e.warning());
	}

	public List<LogEntry> log(CurrentUser user, String dutyCenter, int limit) {
		Organisation center = center(user, dutyCenter);
		return center == null ? List.of() : log(center.id(), Math.min(Math.max(limit, 1), 500));
	}

	private List<LogEntry> log(long centerId, int limit) {
		return jdbc.sql("select * from duty_log where duty_center_id = :c order by id desc limit :limit")
			.param("c", centerId).param("limit", limit)
			.query((rs, row) -> {
				long w = rs.getLong("warning_id");
				return new LogEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
						rs.getString("kind"), rs.getString("text"), rs.wasNull() ? null : w);
			})
			.list();
	}

	/** The named center, or the user's own when they belong to one; null when neither. */
	private Organisation center(CurrentUser user, String code) {
		if (code != null && !code.isBlank()) {
			return roster.dutyCenter(user, code);
		}
		if (user.role() == Role.DUTY_OFFICER && user.organisationId() != null) {
			return jdbc.sql("select code from organisations where id = :id").param("id", user.organisationId())
				.query(String.class).optional().map(c -> roster.dutyCenter(user, c)).orElse(null);
		}
		return null;
	}

	private static WarningFilter filter(String level, Boolean overdue, int size) {
		// The desk counts what still needs handling: not cleared, whether or not the condition has recovered.
		return new WarningFilter(null, "open", null, null, level, null, null, null, null, overdue, 0, size);
	}
}
