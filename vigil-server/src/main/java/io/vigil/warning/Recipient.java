package io.vigil.warning;

/**
 * Someone a warning is routed to: a user of Vigil, or a person named on an asset (the responsible
 * persons of a major hazard source) who only has a phone number.
 *
 * @param key stable identity for grouping and the delivery log: {@code user:<username>} or {@code person:<phone>}
 */
public record Recipient(String key, String name, Audience audience, String username, String phone, String email,
		Long organisationId) {

	public static Recipient user(String username, String name, Audience audience, String phone, String email,
			Long organisationId) {
		return new Recipient("user:" + username, name, audience, username, phone, email, organisationId);
	}

	public static Recipient person(String name, String phone, Audience audience, Long organisationId) {
		return new Recipient("person:" + phone, name, audience, null, phone, null, organisationId);
	}
}
