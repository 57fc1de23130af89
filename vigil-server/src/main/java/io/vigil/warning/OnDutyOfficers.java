package io.vigil.warning;

import java.time.Instant;
import java.util.List;

/**
 * Who is on duty at a duty center: a port the duty module implements from its rosters, so that
 * warnings reach the officer on shift rather than every officer.
 */
public interface OnDutyOfficers {

	/** Usernames on duty at the duty center at the instant; empty when no roster covers it. */
	List<String> onDuty(long dutyCenterId, Instant at);
}
