package io.vigil.organisation;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.vigil.audit.AuditLog;
import io.vigil.organisation.internal.Hashes;
import io.vigil.platform.ForbiddenException;
import io.vigil.platform.InvalidInputException;
import io.vigil.platform.NotFoundException;
import io.vigil.platform.PlatformSettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enterprise API keys: create, rotate, revoke, and authenticate a presented key. Keys are 256-bit
 * random strings, so a fast SHA-256 is enough to store them (no slow hash needed, unlike passwords),
 * and authentication stays cheap on the ingest path.
 */
@Service
public class ApiKeys {

	/** How long a positive authentication is remembered; a revoked key stops working within this. */
	private static final long CACHE_NANOS = 30_000_000_000L;

	private final JdbcClient jdbc;

	private final Organisations organisations;

	private final AuditLog audit;

	private final Clock clock;

	private final boolean demo;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	private record Cached(Organisation enterprise, long loadedAt) {
	}

	ApiKeys(JdbcClient jdbc, Organisations organisations, AuditLog audit, Clock clock, PlatformSettings platform) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
		this.demo = platform.demo();
	}

	/** The enterprise a key belongs to, if the key exists and is not revoked. */
	public Optional<Organisation> authenticate(String key) {
		if (key == null || key.isEmpty() || key.length() > 200) {
			return Optional.empty();
		}
		String hash = Hashes.sha256(key);
		Cached cached = cache.get(hash);
		if (cached != null && System.nanoTime() - cached.loadedAt() < CACHE_NANOS) {
			return Optional.of(cached.enterprise());
		}
		Optional<Organisation> enterprise = jdbc
			.sql("select enterprise_id from api_keys where key_hash = :hash and revoked_at is null")
			.param("hash", hash).query(Long.class).optional().flatMap(organisations::findById);
		enterprise.ifPresentOrElse(e -> cache.put(hash, new Cached(e, System.nanoTime())), () -> cache.remove(hash));
		return enterprise;
	}

	public List<ApiKey> list(CurrentUser user, String enterpriseCode) {
		Organisation enterprise = enterprise(user, enterpriseCode, false);
		return jdbc.sql("select * from api_keys where enterprise_id = :id order by id").param("id", enterprise.id())
			.query((rs, row) -> new ApiKey(rs.getLong("id"), enterprise.code(), rs.getString("name"),
					rs.getString("key_hint"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
					rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant(), null))
			.list();
	}

	/** Creates a key; the answer is the only time its secret is shown. */
	@Transactional
	public ApiKey create(CurrentUser user, String enterpriseCode, String name) {
		Organisation enterprise = enterprise(user, enterpriseCode, true);
		String secret = "vk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
		return insert(user, enterprise, OrganisationService.requireText("name", name, 100), secret);
	}

	/**
	 * Registers a key whose secret is chosen by the caller. Only in demo mode, where the demo keys
	 * {@code demo-<enterprise code>} are documented; elsewhere keys are always random.
	 */
	@Transactional
	public ApiKey registerDemoKey(CurrentUser user, String enterpriseCode, String secret) {
		if (!demo) {
			throw new ForbiddenException("Chosen keys exist only in demo mode / 仅演示模式可用");
		}
		return insert(user, enterprise(user, enterpriseCode, true), "demo", secret);
	}

	/** Revokes the key and creates its successor with the same name. */
	@Transactional
	public ApiKey rotate(CurrentUser user, String enterpriseCode, long id) {
		ApiKey old = revoke(user, enterpriseCode, id);
		return create(user, enterpriseCode, old.name());
	}

	@Transactional
	public ApiKey revoke(CurrentUser user, String enterpriseCode, long id) {
		Organisation enterprise = enterprise(user, enterpriseCode, true);
		ApiKey before = list(user, enterpriseCode).stream().filter(k -> k.id() == id).findFirst()
			.orElseThrow(() -> new NotFoundException("api key", id));
		if (before.revokedAt() != null) {
			return before;
		}
		jdbc.sql("update api_keys set revoked_at = :at, revoked_by = :by where id = :id")
			.param("at", Timestamp.from(clock.instant())).param("by", user.username()).param("id", id).update();
		cache.clear();
		ApiKey after = list(user, enterpriseCode).stream().filter(k -> k.id() == id).findFirst().orElseThrow();
		audit.record(user.username(), "revoke", "api_key", String.valueOf(id), enterprise.id(), before, after);
		return after;
	}

	private ApiKey insert(CurrentUser user, Organisation enterprise, String name, String secret) {
		String hint = "…" + secret.substring(Math.max(0, secret.length() - 4));
		long id = jdbc.sql("""
				insert into api_keys (enterprise_id, name, key_hash, key_hint, created_at, created_by)
				values (:enterprise, :name, :hash, :hint, :at, :by) returning id""")
			.param("enterprise", enterprise.id()).param("name", name).param("hash", Hashes.sha256(secret)).param("hint", hint)
			.param("at", Timestamp.from(clock.instant())).param("by", user.username()).query(Long.class).single();
		ApiKey created = new ApiKey(id, enterprise.code(), name, hint, clock.instant(), user.username(), null, null);
		audit.record(user.username(), "create", "api_key", String.valueOf(id), enterprise.id(), null, created);
		return new ApiKey(id, enterprise.code(), name, hint, created.createdAt(), user.username(), null, secret);
	}

	private Organisation enterprise(CurrentUser user, String code, boolean write) {
		Organisation enterprise = organisations.findByCode(code).filter(Organisation::isEnterprise)
			.filter(user::canRead).orElseThrow(() -> new NotFoundException("enterprise", code));
		if (write && !(user.isAdmin() || user.role() == Role.ENTERPRISE_MANAGER && user.canRead(enterprise))) {
			throw new ForbiddenException("Only the enterprise's manager or an administrator manages its keys / 仅企业管理员或平台管理员可管理密钥");
		}
		return enterprise;
	}

	private byte[] randomBytes() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return bytes;
	}
}
