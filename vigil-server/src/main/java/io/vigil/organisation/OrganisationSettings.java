package io.vigil.organisation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tokenTtl how long a login token stays valid
 * @param minPasswordLength shortest password accepted outside demo mode
 * @param maxFailedLogins failed logins per user name or address before it is locked out
 * @param lockout how long a lock-out lasts (also the window failed logins are counted in)
 * @param adminUsername with {@code adminPassword}: create this first administrator at start if none exists
 * @param adminPassword see {@code adminUsername}; prefer the VIGIL_ADMIN_PASSWORD environment variable
 */
@ConfigurationProperties("vigil.organisation")
public record OrganisationSettings(@DefaultValue("12h") Duration tokenTtl, @DefaultValue("10") int minPasswordLength,
		@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockout, String adminUsername,
		String adminPassword) {
}
