package io.vigil.organisation.internal;

import java.time.Duration;
import java.util.Optional;

import io.vigil.platform.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Checks a user name and password, with throttling, and issues a token. */
@Component
public class Login {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final AuthTokens tokens;

	private final LoginThrottle throttle;

	// Compared against when the user does not exist, so that timing does not reveal which names exist.
	private final String dummyHash;

	Login(JdbcClient jdbc, PasswordEncoder passwords, AuthTokens tokens, LoginThrottle throttle) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.tokens = tokens;
		this.throttle = throttle;
		this.dummyHash = passwords.encode("not a password");
	}

	public sealed interface Result {
	}

	public record Success(AuthTokens.Issued token) implements Result {
	}

	public record Refused() implements Result {
	}

	public record LockedOut(Duration retryAfter) implements Result {
	}

	public Result login(String username, String password, String address) {
		if (username == null || username.isBlank()) {
			throw new InvalidInputException("username", "is required / 必填");
		}
		if (password == null || password.isEmpty()) {
			throw new InvalidInputException("password", "is required / 必填");
		}
		Optional<Duration> locked = throttle.lockedFor(username, address);
		if (locked.isPresent()) {
			return new LockedOut(locked.get());
		}
		record Row(long id, String hash, boolean enabled) {
		}
		Optional<Row> row = jdbc.sql("select id, password_hash, enabled from users where username = :u")
			.param("u", username)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("password_hash"), rs.getBoolean("enabled")))
			.optional();
		boolean matches = passwords.matches(password, row.map(Row::hash).orElse(dummyHash));
		if (row.isEmpty() || !matches || !row.get().enabled()) {
			throttle.failed(username, address);
			return new Refused();
		}
		throttle.succeeded(username);
		return new Success(tokens.issue(row.get().id()));
	}
}
