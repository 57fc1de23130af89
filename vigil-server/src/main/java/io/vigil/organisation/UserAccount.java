package io.vigil.organisation;

/** A user as administrators see it; never carries the password hash. */
public record UserAccount(long id, String username, String displayName, Role role, String organisation,
		String phone, String email, boolean enabled) {
}
