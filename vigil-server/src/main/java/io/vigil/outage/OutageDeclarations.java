package io.vigil.outage;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vigil.audit.AuditLog;
import io.vigil.organisation.CurrentUser;
import io.vigil.organisation.DataScope;
import io.vigil.organisation.Organisation;
import io.vigil.organisation.Organisations;
import io.vigil.organisation.Role;
import io.vigil.platform.ConflictException;
import io.vigil.platform.ForbiddenException;
import io.vigil.platform.InvalidInputException;
import io.vigil.platform.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Declares, decides and looks up outage windows. Enterprises declare for themselves; regulators,
 * jurisdiction officers and admins decide inside their scope. Every change is audited.
 */
@Service
public class OutageDeclarations {

	private static final Duration LONGEST = Duration.ofDays(366);

	private final JdbcClient jdbc;

	private final Organisations organisations;

	private final AuditLog audit;

	private final Clock clock;

	OutageDeclarations(JdbcClient jdbc, Organisations organisations, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	/** @param scope enterprise, asset (give {@code asset}) or sensors (give {@code sensors}) */
	public record Declaration(String enterprise, String scope, String asset, List<String> sensors, Instant from,
			Instant to, String reason) {
	}

	/** Approved windows of the enterprise that have not ended by {@code at}: for the warning intake. */
	public List<ApprovedOutage> approvedFor(long enterpriseId, Instant at) {
		return jdbc.sql("""
				select * from outages where enterprise_id = :e and status = 'approved' and ends_at > :at""")
			.param("e", enterpriseId).param("at", Timestamp.from(at))
			.query((rs, row) -> new ApprovedOutage(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("scope"),
					nullableLong(rs, "asset_id"), Set.copyOf(ids(rs.getArray("sensor_ids"))),
					rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant()))
			.list();
	}

	@Transactional
	public Outage declare(CurrentUser user, Declaration d) {
		Organisation enterprise = organisations.findByCode(d.enterprise() == null ? "" : d.enterprise())
			.filter(Organisation::isEnterprise).filter(user::canRead)
			.orElseThrow(() -> new InvalidInputException("enterprise", "no enterprise '" + d.enterprise() + "' in your scope / 企业不存在"));
		if (!user.isAdmin() && !user.role().isEnterpriseRole() && user.role() != Role.JURISDICTION_OFFICER) {
			throw new ForbiddenException("Only the enterprise declares outages / 仅企业可申报停报");
		}
		if (d.from() == null || d.to() == null || !d.to().isAfter(d.from())) {
			throw new InvalidInputException("to", "the window needs from < to / 停报时段无效");
		}
		if (Duration.between(d.from(), d.to()).compareTo(LONGEST) > 0) {
			throw new InvalidInputException("to", "a window may last at most 366 days / 停报时段过长");
		}
		if (d.reason() == null || d.reason().isBlank() || d.reason().length() > 2000) {
			throw new InvalidInputException("reason", "give a reason (up to 2000 characters) / 请填写停报原因");
		}
		String scope = d.scope() == null ? "" : d.scope();
		Long assetId = null;
		Long[] sensorIds = new Long[0];
		switch (scope) {
			case "enterprise" -> { }
			case "asset" -> assetId = jdbc.sql("select id from assets where code = :c and enterprise_id = :e")
				.param("c", String.valueOf(d.asset())).param("e", enterprise.id()).query(Long.class).optional()
				.orElseThrow(() -> new InvalidInputException("asset", "no asset '" + d.asset() + "' of this enterprise / 监测对象不存在"));
			case "sensors" -> sensorIds = sensorIds(enterprise, d.sensors());
			default -> throw new InvalidInputException("scope", "must be enterprise, asset or sensors / 停报范围无效");
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into outages (enterprise_id, scope, asset_id, sensor_ids, starts_at, ends_at, reason, status,
				    declared_by, declared_at)
				values (:e, :scope, :asset, :sensors, :from, :to, :reason, 'pending', :by, :at)""")
			.param("e", enterprise.id()).param("scope", scope).param("asset", assetId).param("sensors", sensorIds)
			.param("from", Timestamp.from(d.from())).param("to", Timestamp.from(d.to())).param("reason", d.reason())
			.param("by", user.username()).param("at", Timestamp.from(clock.instant())).update(keys, "id");
		Outage created = find(keys.getKey().longValue());
		audit.record(user.username(), "declare", "outage", String.valueOf(created.id()), enterprise.id(), null, created);
		return created;
	}

	@Transactional
	public Outage decide(CurrentUser user, long id, boolean approve, String note) {
		Outage before = get(user, id);
		if (!user.isAdmin() && user.role() != Role.REGULATOR && user.role() != Role.JURISDICTION_OFFICER) {
			throw new ForbiddenException("Only a regulator, jurisdiction officer or admin decides outages / 无权审批");
		}
		if (!"pending".equals(before.status())) {
			throw new ConflictException("status", "outage " + id + " is " + before.status() + ", not pending / 申报已处理");
		}
		jdbc.sql("""
				update outages set status = :status, decided_by = :by, decided_at = :at, decision_note = :note
				where id = :id""")
			.param("status", approve ? "approved" : "rejected").param("by", user.username())
			.param("at", Timestamp.from(clock.instant())).param("note", note).param("id", id).update();
		Outage after = find(id);
		audit.record(user.username(), approve ? "approve" : "reject", "outage", String.valueOf(id), null, before, after);
		return after;
	}

	public Outage get(CurrentUser user, long id) {
		return list(user, null, null, id).stream().findFirst().orElseThrow(() -> new NotFoundException("outage", id));
	}

	public List<Outage> list(CurrentUser user, String enterprise, String status, Long id) {
		DataScope.SqlFilter filter = user.scope().sql("o");
		Map<String, Object> params = new HashMap<>(filter.params());
		StringBuilder sql = new StringBuilder(SELECT + " where " + filter.sql());
		if (enterprise != null) {
			sql.append(" and o.code = :enterprise");
			params.put("enterprise", enterprise);
		}
		if (status != null) {
			sql.append(" and x.status = :status");
			params.put("status", status);
		}
		if (id != null) {
			sql.append(" and x.id = :id");
			params.put("id", id);
		}
		sql.append(" order by x.id desc limit 1000");
		return jdbc.sql(sql.toString()).params(params).query(OutageDeclarations::map).list();
	}

	private static final String SELECT = """
			select x.*, o.code as enterprise_code, a.code as asset_code,
			    array(select s.code from sensors s where s.id = any(x.sensor_ids) order by s.code) as sensor_codes
			from outages x join organisations o on o.id = x.enterprise_id left join assets a on a.id = x.asset_id""";

	private Outage find(long id) {
		return jdbc.sql(SELECT + " where x.id = :id").param("id", id).query(OutageDeclarations::map).single();
	}

	private Long[] sensorIds(Organisation enterprise, List<String> codes) {
		if (codes == null || codes.isEmpty()) {
			throw new InvalidInputException("sensors", "name at least one sensor / 请指定传感器");
		}
		Set<String> unique = new LinkedHashSet<>(codes);
		List<Long> ids = jdbc.sql("select id from sensors where enterprise_id = :e and code in (:codes)")
			.param("e", enterprise.id()).param("codes", unique).query(Long.class).list();
		if (ids.size() != unique.size()) {
			throw new InvalidInputException("sensors", "some sensors are unknown or not of this enterprise / 传感器不存在");
		}
		return ids.toArray(Long[]::new);
	}

	private static Outage map(ResultSet rs, int row) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new Outage(rs.getLong("id"), rs.getString("enterprise_code"), rs.getString("scope"),
				rs.getString("asset_code"), Arrays.asList((String[]) rs.getArray("sensor_codes").getArray()),
				rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), rs.getString("reason"),
				rs.getString("status"), rs.getString("declared_by"), rs.getTimestamp("declared_at").toInstant(),
				rs.getString("decided_by"), decided == null ? null : decided.toInstant(), rs.getString("decision_note"));
	}

	private static List<Long> ids(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : v;
	}
}
