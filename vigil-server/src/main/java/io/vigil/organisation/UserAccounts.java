package io.vigil.organisation;

import java.util.List;
import java.util.Optional;

import io.vigil.audit.AuditLog;
import io.vigil.platform.ConflictException;
import io.vigil.platform.ForbiddenException;
import io.vigil.platform.InvalidInputException;
import io.vigil.platform.NotFoundException;
import io.vigil.platform.PlatformSettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and their roles. Platform admins manage everyone; an enterprise manager manages the users of
 * their own enterprise (enterprise roles only). Every change is audited; passwords never are.
 */
@Service
public class UserAccounts {

	private final JdbcClient jdbc;

	private final Organisations organisations;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final OrganisationSettings settings;

	private final boolean demo;

	UserAccounts(JdbcClient jdbc, Organisations organisations, PasswordEncoder passwords, AuditLog audit,
			OrganisationSettings settings, PlatformSettings platform) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.passwords = passwords;
		this.audit = audit;
		this.settings = settings;
		this.demo = platform.demo();
	}

	public record NewUser(String username, String displayName, String password, String role, String organisation,
			String phone, String email) {
	}

	/** Nulls keep the current value. */
	public record UserChange(String displayName, String role, Boolean enabled, String phone, String email) {
	}

	public List<UserAccount> list(CurrentUser user) {
		DataScope.SqlFilter filter = user.scope().sql("o");
		String where = user.isAdmin() ? "true" : "u.organisation_id is not null and " + filter.sql();
		return jdbc.sql("""
				select u.*, o.code as organisation_code from users u left join organisations o on o.id = u.organisation_id
				where """ + " " + where + " order by u.username")
			.params(user.isAdmin() ? java.util.Map.of() : filter.params())
			.query((rs, row) -> new UserAccount(rs.getLong("id"), rs.getString("username"),
					rs.getString("display_name"), Role.fromCode(rs.getString("role")), rs.getString("organisation_code"),
					rs.getString("phone"), rs.getString("email"), rs.getBoolean("enabled")))
			.list();
	}

	public UserAccount get(CurrentUser user, String username) {
		return list(user).stream().filter(u -> u.username().equals(username)).findFirst()
			.orElseThrow(() -> new NotFoundException("user", username));
	}

	public boolean anyAdministrator() {
		return jdbc.sql("select exists (select 1 from users where role = 'platform_admin' and enabled)")
			.query(Boolean.class).single();
	}

	@Transactional
	public UserAccount create(CurrentUser user, NewUser command) {
		String username = OrganisationService.requireCode("username", command.username());
		String displayName = OrganisationService.requireText("displayName", command.displayName(), 100);
		Role role = parseRole(command.role());
		Organisation organisation = organisationFor(role, command.organisation());
		requireMayManage(user, role, organisation);
		checkPassword(command.password());
		if (jdbc.sql("select exists (select 1 from users where username = :u)").param("u", username)
			.query(Boolean.class).single()) {
			throw new ConflictException("username", "user '" + username + "' already exists / 用户名已存在");
		}
		jdbc.sql("""
				insert into users (username, display_name, password_hash, role, organisation_id, phone, email)
				values (:username, :name, :hash, :role, :org, :phone, :email)""")
			.param("username", username).param("name", displayName).param("hash", passwords.encode(command.password()))
			.param("role", role.code()).param("org", organisation == null ? null : organisation.id())
			.param("phone", command.phone()).param("email", command.email()).update();
		UserAccount created = find(username).orElseThrow();
		audit.record(user.username(), "create", "user", username, organisation == null ? null : organisation.id(),
				null, created);
		return created;
	}

	@Transactional
	public UserAccount update(CurrentUser user, String username, UserChange change) {
		UserAccount before = get(user, username);
		Organisation organisation = before.organisation() == null ? null
				: organisations.findByCode(before.organisation()).orElseThrow();
		requireMayManage(user, before.role(), organisation);
		Role role = change.role() == null ? before.role() : parseRole(change.role());
		if (role != before.role()) {
			organisationFor(role, before.organisation());
			requireMayManage(user, role, organisation);
		}
		if (before.username().equals(user.username()) && Boolean.FALSE.equals(change.enabled())) {
			throw new InvalidInputException("enabled", "you cannot disable yourself / 不能停用自己");
		}
		jdbc.sql("""
				update users set display_name = :name, role = :role, enabled = :enabled, phone = :phone, email = :email,
				    updated_at = now() where username = :username""")
			.param("name", change.displayName() == null ? before.displayName()
					: OrganisationService.requireText("displayName", change.displayName(), 100))
			.param("role", role.code()).param("enabled", change.enabled() == null ? before.enabled() : change.enabled())
			.param("phone", change.phone() == null ? before.phone() : change.phone())
			.param("email", change.email() == null ? before.email() : change.email()).param("username", username)
			.update();
		if (Boolean.FALSE.equals(change.enabled())) {
			jdbc.sql("delete from auth_tokens where user_id = :id").param("id", before.id()).update();
		}
		UserAccount after = find(username).orElseThrow();
		audit.record(user.username(), "update", "user", username, organisation == null ? null : organisation.id(),
				before, after);
		return after;
	}

	/** Sets a new password; users may set their own, managers those of users they manage. */
	@Transactional
	public void setPassword(CurrentUser user, String username, String password) {
		UserAccount target = username.equals(user.username()) ? find(username).orElseThrow() : get(user, username);
		if (!username.equals(user.username())) {
			requireMayManage(user, target.role(), target.organisation() == null ? null
					: organisations.findByCode(target.organisation()).orElseThrow());
		}
		checkPassword(password);
		jdbc.sql("update users set password_hash = :hash, updated_at = now() where username = :u")
			.param("hash", passwords.encode(password)).param("u", username).update();
		jdbc.sql("delete from auth_tokens where user_id = :id").param("id", target.id()).update();
		audit.record(user.username(), "set-password", "user", username, null, null, null);
	}

	/**
	 * Creates the first platform administrator. Refused once any administrator exists, so it cannot be
	 * used to take over a running installation.
	 */
	@Transactional
	public UserAccount createFirstAdministrator(String username, String password) {
		if (anyAdministrator()) {
			throw new ConflictException("username", "an administrator already exists / 管理员已存在");
		}
		CurrentUser system = new CurrentUser(0, "system", "system", Role.PLATFORM_ADMIN, null, DataScope.EVERYTHING);
		return create(system, new NewUser(username, "平台管理员 Administrator", password, Role.PLATFORM_ADMIN.code(),
				null, null, null));
	}

	Optional<UserAccount> find(String username) {
		return jdbc.sql("""
				select u.*, o.code as organisation_code from users u left join organisations o on o.id = u.organisation_id
				where u.username = :u""")
			.param("u", username)
			.query((rs, row) -> new UserAccount(rs.getLong("id"), rs.getString("username"),
					rs.getString("display_name"), Role.fromCode(rs.getString("role")), rs.getString("organisation_code"),
					rs.getString("phone"), rs.getString("email"), rs.getBoolean("enabled")))
			.optional();
	}

	private void checkPassword(String password) {
		int min = demo ? 4 : settings.minPasswordLength();
		if (password == null || password.length() < min) {
			throw new InvalidInputException("password", "must have at least " + min + " characters / 密码长度不足");
		}
		if (password.length() > 200) {
			throw new InvalidInputException("password", "is longer than 200 characters / 密码过长");
		}
	}

	private Organisation organisationFor(Role role, String code) {
		OrganisationKind expected = role.organisationKind();
		if (code == null || code.isBlank()) {
			if (expected == null) {
				return null;
			}
			throw new InvalidInputException("organisation", "a " + role.code() + " belongs to a "
					+ expected.code() + " / 该角色必须指定所属机构");
		}
		Organisation organisation = organisations.findByCode(code).orElseThrow(
				() -> new InvalidInputException("organisation", "no organisation with code '" + code + "' / 机构不存在"));
		if (expected != null && organisation.kind() != expected) {
			throw new InvalidInputException("organisation", "a " + role.code() + " belongs to a " + expected.code()
					+ ", not a " + organisation.kind().code() + " / 角色与机构类型不符");
		}
		return organisation;
	}

	private static void requireMayManage(CurrentUser user, Role role, Organisation organisation) {
		if (user.isAdmin()) {
			return;
		}
		if (user.role() == Role.ENTERPRISE_MANAGER && role.isEnterpriseRole() && organisation != null
				&& Long.valueOf(organisation.id()).equals(user.organisationId())) {
			return;
		}
		throw new ForbiddenException("Your role (" + user.role().code() + ") may not manage this user / 无权管理该用户");
	}

	private static Role parseRole(String role) {
		try {
			return Role.fromCode(role == null ? "" : role);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("role", e.getMessage());
		}
	}

}
