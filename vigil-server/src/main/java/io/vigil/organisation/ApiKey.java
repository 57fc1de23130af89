package io.vigil.organisation;

import java.time.Instant;

/**
 * An enterprise's key for pushing data. {@code secret} is present only in the answer that created
 * it: Vigil keeps nothing but a hash and the last characters ({@code hint}).
 */
public record ApiKey(long id, String enterprise, String name, String hint, Instant createdAt, String createdBy,
		Instant revokedAt, String secret) {
}
