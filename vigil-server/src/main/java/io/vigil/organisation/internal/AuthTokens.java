package io.vigil.organisation.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.vigil.organisation.CurrentUser;
import io.vigil.organisation.DataScope;
import io.vigil.organisation.Organisation;
import io.vigil.organisation.OrganisationSettings;
import io.vigil.organisation.Organisations;
import io.vigil.organisation.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opaque login tokens: random 256-bit strings whose SHA-256 is stored with an expiry. Resolving a
 * token is cached briefly, so a disabled user or a changed scope takes effect within seconds.
 */
@Component
public class AuthTokens {

	private static final long CACHE_NANOS = 10_000_000_000L;

	private final JdbcClient jdbc;

	private final Organisations organisations;

	private final OrganisationSettings settings;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	private record Cached(CurrentUser user, Instant expiresAt, long loadedAt) {
	}

	AuthTokens(JdbcClient jdbc, Organisations organisations, OrganisationSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.settings = settings;
		this.clock = clock;
	}

	public record Issued(String token, Instant expiresAt) {
	}

	public Issued issue(long userId) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant expires = clock.instant().plus(settings.tokenTtl());
		jdbc.sql("delete from auth_tokens where expires_at < :now").param("now", Timestamp.from(clock.instant()))
			.update();
		jdbc.sql("insert into auth_tokens (token_hash, user_id, expires_at) values (:hash, :user, :expires)")
			.param("hash", Hashes.sha256(token)).param("user", userId).param("expires", Timestamp.from(expires))
			.update();
		return new Issued(token, expires);
	}

	public Optional<CurrentUser> resolve(String token) {
		String hash = Hashes.sha256(token);
		Instant now = clock.instant();
		Cached cached = cache.get(hash);
		if (cached != null && System.nanoTime() - cached.loadedAt() < CACHE_NANOS) {
			return cached.expiresAt().isAfter(now) ? Optional.of(cached.user()) : Optional.empty();
		}
		Optional<Cached> loaded = jdbc.sql("""
				select u.id, u.username, u.display_name, u.role, u.organisation_id, t.expires_at
				from auth_tokens t join users u on u.id = t.user_id
				where t.token_hash = :hash and t.expires_at > :now and u.enabled""")
			.param("hash", hash).param("now", Timestamp.from(now))
			.query((rs, row) -> {
				long org = rs.getLong("organisation_id");
				Long organisationId = rs.wasNull() ? null : org;
				Role role = Role.fromCode(rs.getString("role"));
				return new Cached(new CurrentUser(rs.getLong("id"), rs.getString("username"),
						rs.getString("display_name"), role, organisationId, scopeOf(role, organisationId)),
						rs.getTimestamp("expires_at").toInstant(), System.nanoTime());
			})
			.optional();
		loaded.ifPresentOrElse(c -> cache.put(hash, c), () -> cache.remove(hash));
		return loaded.map(Cached::user);
	}

	public void revoke(String token) {
		String hash = Hashes.sha256(token);
		cache.remove(hash);
		jdbc.sql("delete from auth_tokens where token_hash = :hash").param("hash", hash).update();
	}

	/** The data scope that follows from a role and the user's organisation (R1.2). */
	DataScope scopeOf(Role role, Long organisationId) {
		if (role == Role.PLATFORM_ADMIN) {
			return DataScope.EVERYTHING;
		}
		Optional<Organisation> organisation = organisationId == null ? Optional.empty()
				: organisations.findById(organisationId);
		if (organisation.isEmpty()) {
			return DataScope.nothing();
		}
		Organisation org = organisation.get();
		return switch (role) {
			case ENTERPRISE_MANAGER, ENTERPRISE_OPERATOR -> DataScope.enterprise(org.id());
			case JURISDICTION_OFFICER -> DataScope.subtree(org.path(), java.util.Set.of());
			case REGULATOR, DUTY_OFFICER -> {
				String path = org.scopeRegionId() == null ? "/"
						: organisations.findById(org.scopeRegionId()).map(Organisation::path).orElse("/nothing/");
				yield DataScope.subtree(path, java.util.Set.copyOf(org.industries()));
			}
			case PLATFORM_ADMIN -> DataScope.EVERYTHING;
		};
	}
}
