/**
 * Ingest (R4): readings arrive over HTTP, MQTT and HJ 212 TCP and all take one path, {@link io.vigil.ingest.IngestService},
 * which validates each item, stores the good ones and answers only once they are durable; what it refuses is
 * kept in the quarantine for the enterprise and the technical team to inspect.
 */
package io.vigil.ingest;
