package io.vigil.attachment;

import java.time.Instant;

/**
 * An uploaded file's metadata; the bytes are stored once per {@code sha256}.
 *
 * @param contentType the type found in the file's first bytes, not the one the client claimed
 * @param organisationId the uploader's organisation (null for a platform admin without one): the data scope
 */
public record Attachment(long id, String sha256, String name, String contentType, long size, String uploadedBy,
		Long organisationId, Instant uploadedAt) {

	public String url() {
		return "/api/v1/attachments/" + id;
	}
}
