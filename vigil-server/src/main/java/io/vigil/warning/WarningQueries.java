package io.vigil.warning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.vigil.organisation.CurrentUser;
import io.vigil.organisation.DataScope;
import io.vigil.platform.InvalidInputException;
import io.vigil.platform.NotFoundException;
import io.vigil.warning.internal.Warnings;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads warnings inside the caller's data scope: an enterprise sees its own, a regulator the enterprises
 * of its industries in its region, a jurisdiction its subtree. Outside the scope a warning does not exist.
 */
@Service
public class WarningQueries {

	/** Past a deadline that the status has not met (the same rule as the escalation plan). */
	static final String OVERDUE = """
			(w.status <> 'cleared' and w.suppressed_by is null and (
			    (w.status in ('raised', 'pushed') and w.acknowledge_due <= :now)
			 or (w.status in ('raised', 'pushed', 'acknowledged') and w.feedback_due <= :now)
			 or (w.status not in ('reviewing', 'cleared') and w.clear_due <= :now)))""";

	private static final String SELECT = """
			select w.*, o.code as enterprise_code, o.name as enterprise_name, s.code as sensor_code,
			    a.code as asset_code, """ + OVERDUE + """
			 as overdue, count(*) over () as total
			from warnings w join organisations o on o.id = w.enterprise_id
			left join sensors s on s.id = w.sensor_id left join assets a on a.id = w.asset_id""";

	private final JdbcClient jdbc;

	private final Warnings warnings;

	private final JsonMapper json;

	private final Clock clock;

	WarningQueries(JdbcClient jdbc, Warnings warnings, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.warnings = warnings;
		this.json = json;
		this.clock = clock;
	}

	public record Page(List<WarningView> items, long total) {
	}

	public Page list(CurrentUser user, WarningFilter f) {
		DataScope.SqlFilter scope = user.scope().sql("o");
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("now", Timestamp.from(clock.instant()));
		StringBuilder where = new StringBuilder(" where " + scope.sql());
		add(where, params, "w.state = :state", "state", f.state());
		if ("open".equals(f.status())) {
			// Not yet cleared, whatever the condition does: what still needs somebody.
			where.append(" and w.status <> 'cleared'");
		}
		else {
			add(where, params, "w.status = :status", "status", f.status());
		}
		add(where, params, "s.code = :sensor", "sensor", f.sensor());
		add(where, params, "o.code = :enterprise", "enterprise", f.enterprise());
		add(where, params, "w.level = :level", "level", f.level());
		add(where, params, "w.domain = :domain", "domain", f.domain());
		add(where, params, "o.path like (select j.path from organisations j where j.code = :jurisdiction) || '%'",
				"jurisdiction", f.jurisdiction());
		add(where, params, "w.first_seen >= :from", "from", f.from() == null ? null : Timestamp.from(f.from()));
		add(where, params, "w.first_seen < :to", "to", f.to() == null ? null : Timestamp.from(f.to()));
		if (f.overdue() != null) {
			where.append(f.overdue() ? " and " : " and not ").append(OVERDUE);
		}
		if (f.size() < 1 || f.size() > 1000 || f.page() < 0) {
			throw new InvalidInputException("size", "page ≥ 0 and 1 ≤ size ≤ 1000 / 分页参数无效");
		}
		params.put("limit", f.size());
		params.put("offset", (long) f.page() * f.size());
		long[] total = { 0 };
		List<WarningView> items = jdbc.sql(SELECT + where + " order by w.id desc limit :limit offset :offset")
			.params(params).query((rs, row) -> {
				total[0] = rs.getLong("total");
				return map(rs);
			}).list();
		if (items.isEmpty() && f.page() > 0) {
			total[0] = jdbc.sql("select count(*) from warnings w join organisations o on o.id = w.enterprise_id "
					+ "left join sensors s on s.id = w.sensor_id" + where).params(params).query(Long.class).single();
		}
		return new Page(items, total[0]);
	}

	/** One warning with its timeline and follow-ups. */
	public WarningView get(CurrentUser user, long id) {
		WarningView view = find(user, id);
		List<WarningView.Followup> followups = jdbc.sql("""
				select f.*, o.code as organisation_code from warning_followups f
				left join organisations o on o.id = f.organisation_id where f.warning_id = :id order by f.id""")
			.param("id", id)
			.query((rs, row) -> new WarningView.Followup(rs.getLong("id"), rs.getString("kind"),
					rs.getString("organisation_code"), rs.getTimestamp("opened_at").toInstant(), rs.getString("opened_by"),
					rs.getString("note"), instant(rs, "closed_at"), rs.getString("closed_by")))
			.list();
		return view.withDetail(warnings.timeline(id), followups);
	}

	/** The warning without details, or NotFound when it is outside the caller's scope. */
	public WarningView find(CurrentUser user, long id) {
		DataScope.SqlFilter scope = user.scope().sql("o");
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("now", Timestamp.from(clock.instant()));
		params.put("id", id);
		return jdbc.sql(SELECT + " where w.id = :id and " + scope.sql()).params(params).query((rs, row) -> map(rs))
			.optional().orElseThrow(() -> new NotFoundException("warning", id));
	}

	private static void add(StringBuilder where, Map<String, Object> params, String clause, String name, Object value) {
		if (value != null && !(value instanceof String text && text.isBlank())) {
			where.append(" and ").append(clause);
			params.put(name, value);
		}
	}

	@SuppressWarnings("unchecked")
	private WarningView map(ResultSet rs) throws SQLException {
		boolean open = !"cleared".equals(rs.getString("status")) && rs.getObject("suppressed_by") == null;
		WarningView.Deadlines deadlines = open ? new WarningView.Deadlines(instant(rs, "acknowledge_due"),
				instant(rs, "feedback_due"), instant(rs, "clear_due")) : null;
		Long suppressed = rs.getObject("suppressed_by") == null ? null : rs.getLong("suppressed_by");
		return new WarningView(rs.getLong("id"), rs.getString("level"), rs.getString("worst_level"),
				rs.getString("state"), rs.getString("status"), rs.getString("sensor_code"), rs.getString("asset_code"),
				rs.getString("enterprise_code"), rs.getString("enterprise_name"), rs.getString("rule_id"),
				rs.getString("rule_kind"), rs.getString("domain"), rs.getBoolean("data_quality"),
				(Double) rs.getObject("value"), (Double) rs.getObject("threshold"), rs.getString("reason_zh"),
				rs.getString("reason_en"), rs.getInt("count"), instant(rs, "first_seen"), instant(rs, "last_seen"),
				instant(rs, "recovered_at"), deadlines, rs.getBoolean("overdue"), rs.getInt("escalation_tier"),
				suppressed, rs.getString("clear_reason"), instant(rs, "cleared_at"),
				rs.getString("cleared_by"), json.readValue(rs.getString("explanation"), Map.class), null, null);
	}

	private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
