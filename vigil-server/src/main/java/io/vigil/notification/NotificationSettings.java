package io.vigil.notification;

import java.time.Duration;
import java.util.Set;

import io.vigil.warning.WarningLevel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code vigil.notification.*}.
 *
 * @param scheduler whether digests and retries run in the background (tests tick by hand)
 * @param tick how often digests are flushed and due deliveries retried
 * @param immediateLevels levels delivered at once, one message per notice: red is never delayed
 * @param digestWait how long the first notice of a quiet recipient waits for others to join it
 * @param digestPeriod at most one digest per recipient per period after that
 * @param maxAttempts attempts per delivery before it is given up
 * @param backoff wait after the first failure; doubled after each further failure
 * @param maxBackoff longest wait between attempts
 * @param timeout connect and response timeout of outbound HTTP and SMTP
 * @param smtp e-mail; off while {@code host} is empty
 * @param sms SMS gateway adapter; off while {@code url} is empty
 */
@ConfigurationProperties("vigil.notification")
public record NotificationSettings(@DefaultValue("true") boolean scheduler, @DefaultValue("5s") Duration tick,
		@DefaultValue("RED") Set<WarningLevel> immediateLevels, @DefaultValue("30s") Duration digestWait,
		@DefaultValue("5m") Duration digestPeriod, @DefaultValue("8") int maxAttempts,
		@DefaultValue("10s") Duration backoff, @DefaultValue("1h") Duration maxBackoff,
		@DefaultValue("10s") Duration timeout, @DefaultValue Smtp smtp, @DefaultValue Sms sms) {

	/**
	 * @param username with {@code password}: AUTH PLAIN (use only on a trusted network: no TLS here)
	 */
	public record Smtp(String host, @DefaultValue("25") int port, @DefaultValue("vigil@localhost") String from,
			String username, String password) {

		public boolean enabled() {
			return host != null && !host.isBlank();
		}
	}

	/**
	 * @param url the gateway's HTTP endpoint; {phone} and {text} are replaced (URL-encoded) here too
	 * @param body the request body template; {phone} and {text} are replaced (JSON-escaped)
	 * @param contentType of the body
	 */
	public record Sms(String url, @DefaultValue("{\"phone\":\"{phone}\",\"text\":\"{text}\"}") String body,
			@DefaultValue("application/json") String contentType) {

		public boolean enabled() {
			return url != null && !url.isBlank();
		}
	}

	/** The wait after {@code failures} failed attempts: backoff × 2^(failures−1), at most maxBackoff. */
	public Duration backoffAfter(int failures) {
		Duration wait = backoff.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 30));
		return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
	}
}
