package io.vigil.organisation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.vigil.organisation.OrganisationSettings;

import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after too many failures for one user name, or ten times as many from one
 * address, within the lock-out window, further attempts are refused until the window has passed.
 * The address limit is higher because many honest users may share one address behind a proxy.
 */
@Component
class LoginThrottle {

	private final int maxFailures;

	private final Duration window;

	private final Clock clock;

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private record Failures(int count, Instant since) {
	}

	LoginThrottle(OrganisationSettings settings, Clock clock) {
		this.maxFailures = settings.maxFailedLogins();
		this.window = settings.lockout();
		this.clock = clock;
	}

	/** How long the caller must wait, if the user name or the address is locked out now. */
	Optional<Duration> lockedFor(String username, String address) {
		Instant now = clock.instant();
		return java.util.stream.Stream.of("u:" + username, "a:" + address)
			.filter(key -> failures.get(key) != null)
			.filter(key -> failures.get(key).count() >= (key.startsWith("a:") ? 10 * maxFailures : maxFailures))
			.map(failures::get)
			.filter(f -> f != null && f.since().plus(window).isAfter(now))
			.map(f -> Duration.between(now, f.since().plus(window)))
			.max(Duration::compareTo);
	}

	void failed(String username, String address) {
		Instant now = clock.instant();
		for (String key : new String[] { "u:" + username, "a:" + address }) {
			failures.compute(key, (k, f) -> f == null || f.since().plus(window).isBefore(now) ? new Failures(1, now)
					: new Failures(f.count() + 1, f.since()));
		}
		if (failures.size() > 100_000) {
			failures.values().removeIf(f -> f.since().plus(window).isBefore(now));
		}
	}

	void succeeded(String username) {
		failures.remove("u:" + username);
	}
}
