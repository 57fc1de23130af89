package io.vigil.attachment;

/** The uploaded file exceeds the attachment limit: answered with 413 naming the field {@code file}. */
public class AttachmentTooLargeException extends RuntimeException {

	public AttachmentTooLargeException(long size, long limit) {
		super("The file has " + size + " bytes; attachments may have at most " + limit + " / 附件过大，最大 "
				+ limit / (1024 * 1024) + " MB");
	}
}
