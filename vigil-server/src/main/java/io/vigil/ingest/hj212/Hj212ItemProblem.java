package io.vigil.ingest.hj212;

/**
 * A part of an otherwise well-formed frame's {@code CP} that could not be read, e.g. {@code a01001-Rtd=abc}.
 * The rest of the frame stays usable.
 *
 * @param key the item's key, or the whole item when it has no {@code =}
 * @param raw the item's value as sent (possibly empty)
 * @param reason what is wrong with it
 */
public record Hj212ItemProblem(String key, String raw, String reason) {
}
