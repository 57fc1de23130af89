package io.vigil.ingest;

/**
 * The enterprise a batch comes from, as the channel established it (API key, MQTT login or topic, HJ 212
 * mapping). Only its own sensors are accepted.
 */
public record Sender(long enterpriseId, String enterpriseCode) {
}
