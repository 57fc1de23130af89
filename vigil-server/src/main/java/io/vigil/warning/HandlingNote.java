package io.vigil.warning;

import java.util.List;

/** The body of a handling step: free text and attachment metadata. */
public record HandlingNote(String note, List<Attachment> attachments) {

	public HandlingNote {
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
	}

	public static HandlingNote of(String note) {
		return new HandlingNote(note, List.of());
	}
}
