package io.vigil.warning;

/** Metadata of a file attached to a handling step; the file itself lives wherever the URL says. */
public record Attachment(String name, String url, Long size, String contentType) {
}
