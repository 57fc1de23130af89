package io.vigil.organisation.internal;

import io.vigil.organisation.OrganisationSettings;
import io.vigil.organisation.UserAccounts;
import io.vigil.platform.PlatformSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first-run step outside demo mode: there is no default password, so the first administrator is
 * created from {@code vigil.organisation.admin-username} and {@code VIGIL_ADMIN_PASSWORD} once, and
 * never again after an administrator exists.
 */
@Component
@Order(0)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final UserAccounts users;

	private final OrganisationSettings settings;

	private final boolean demo;

	FirstAdministrator(UserAccounts users, OrganisationSettings settings, PlatformSettings platform) {
		this.users = users;
		this.settings = settings;
		this.demo = platform.demo();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (users.anyAdministrator()) {
			if (settings.adminUsername() != null) {
				log.info("An administrator already exists; vigil.organisation.admin-username is ignored");
			}
			return;
		}
		String password = settings.adminPassword() != null ? settings.adminPassword() : System.getenv("VIGIL_ADMIN_PASSWORD");
		if (settings.adminUsername() != null && password != null) {
			users.createFirstAdministrator(settings.adminUsername(), password);
			log.info("Created the first administrator '{}'", settings.adminUsername());
		}
		else if (!demo) {
			log.warn("No administrator exists yet. Create one: VIGIL_ADMIN_PASSWORD=<secret> java -jar vigil.jar "
					+ "--vigil.organisation.admin-username=<name>  (see README, 'First administrator')");
		}
	}
}
