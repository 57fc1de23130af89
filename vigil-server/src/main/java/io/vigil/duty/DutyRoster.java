package io.vigil.duty;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.vigil.audit.AuditLog;
import io.vigil.organisation.CurrentUser;
import io.vigil.organisation.Organisation;
import io.vigil.organisation.OrganisationKind;
import io.vigil.organisation.Organisations;
import io.vigil.organisation.Role;
import io.vigil.platform.ForbiddenException;
import io.vigil.platform.InvalidInputException;
import io.vigil.warning.OnDutyOfficers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Shifts at a duty center; tells the warning module who is on duty now. */
@Service
public class DutyRoster implements OnDutyOfficers {

	private final JdbcClient jdbc;

	private final Organisations organisations;

	private final AuditLog audit;

	DutyRoster(JdbcClient jdbc, Organisations organisations, AuditLog audit) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.audit = audit;
	}

	/** @param role officer or leader */
	public record NewShift(String dutyCenter, String username, String role, Instant from, Instant to) {
	}

	public record Shift(long id, String dutyCenter, String username, String displayName, String role, Instant from,
			Instant to) {
	}

	@Override
	public List<String> onDuty(long dutyCenterId, Instant at) {
		return jdbc.sql("""
				select u.username from duty_shifts s join users u on u.id = s.user_id
				where s.duty_center_id = :c and s.starts_at <= :at and s.ends_at > :at and u.enabled order by u.username""")
			.param("c", dutyCenterId).param("at", Timestamp.from(at)).query(String.class).list();
	}

	@Transactional
	public Shift add(CurrentUser user, NewShift s) {
		Organisation center = dutyCenter(user, s.dutyCenter());
		if (!user.isAdmin() && !(user.role() == Role.DUTY_OFFICER && Long.valueOf(center.id()).equals(user.organisationId()))) {
			throw new ForbiddenException("Only admins or the center's officers plan shifts / 无权排班");
		}
		if (s.from() == null || s.to() == null || !s.to().isAfter(s.from())) {
			throw new InvalidInputException("to", "a shift needs from < to / 班次时间无效");
		}
		String role = s.role() == null ? "officer" : s.role();
		if (!role.equals("officer") && !role.equals("leader")) {
			throw new InvalidInputException("role", "must be officer or leader / 值班角色无效");
		}
		Long userId = jdbc.sql("select id from users where username = :u and organisation_id = :c and enabled")
			.param("u", String.valueOf(s.username())).param("c", center.id()).query(Long.class).optional()
			.orElseThrow(() -> new InvalidInputException("username", "no user '" + s.username() + "' at this duty center / 值班人员不存在"));
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into duty_shifts (duty_center_id, user_id, role, starts_at, ends_at, created_by)
				values (:c, :u, :role, :from, :to, :by)""")
			.param("c", center.id()).param("u", userId).param("role", role).param("from", Timestamp.from(s.from()))
			.param("to", Timestamp.from(s.to())).param("by", user.username()).update(keys, "id");
		Shift shift = shifts(center, null, null).stream().filter(x -> x.id() == keys.getKey().longValue()).findFirst()
			.orElseThrow();
		audit.record(user.username(), "create", "duty_shift", String.valueOf(shift.id()), center.id(), null, shift);
		return shift;
	}

	public List<Shift> list(CurrentUser user, String dutyCenter, Instant from, Instant to) {
		return shifts(dutyCenter(user, dutyCenter), from, to);
	}

	/** The duty center the code names, if the user may see it. */
	Organisation dutyCenter(CurrentUser user, String code) {
		return organisations.findByCode(code == null ? "" : code)
			.filter(o -> o.kind() == OrganisationKind.DUTY_CENTER)
			.filter(o -> user.isAdmin() || Long.valueOf(o.id()).equals(user.organisationId()) || user.canRead(o))
			.orElseThrow(() -> new InvalidInputException("dutyCenter", "no duty center '" + code + "' you may see / 值守机构不存在"));
	}

	private List<Shift> shifts(Organisation center, Instant from, Instant to) {
		return jdbc.sql("""
				select s.*, u.username, u.display_name from duty_shifts s join users u on u.id = s.user_id
				where s.duty_center_id = :c and s.ends_at > :from and s.starts_at < :to order by s.starts_at, u.username""")
			.param("c", center.id()).param("from", Timestamp.from(from == null ? Instant.EPOCH : from))
			.param("to", Timestamp.from(to == null ? Instant.parse("9999-12-31T00:00:00Z") : to))
			.query((rs, row) -> new Shift(rs.getLong("id"), center.code(), rs.getString("username"),
					rs.getString("display_name"), rs.getString("role"), rs.getTimestamp("starts_at").toInstant(),
					rs.getTimestamp("ends_at").toInstant()))
			.list();
	}
}
