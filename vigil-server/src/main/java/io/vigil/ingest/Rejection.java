package io.vigil.ingest;

/**
 * An item that was not stored.
 *
 * @param index the item's position in the batch, from 0
 * @param code the reason as a stable code (also the metric tag)
 * @param reason what was wrong, precise enough for the sender to fix it
 */
public record Rejection(int index, RejectCode code, String reason) {
}
