package io.vigil.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How readings come in.
 *
 * @param maxFuture readings stamped further ahead of the server clock are rejected (clock skew allowance)
 * @param maxPast readings older than this are rejected (loggers resend backlogs, but not forever)
 * @param maxBatchItems largest number of readings in one HTTP request or MQTT message
 * @param quarantineRawBytes how much of a refused payload the quarantine keeps
 * @param quarantineRetention quarantined entries older than this are deleted
 * @param ackTimeout MQTT and HJ 212 wait this long for the store (retrying while it is overloaded) before they
 *     refuse a message, which the sender then resends; an HTTP push (answered 503 at once when the store is full)
 *     waits this long for a store that neither stores nor fails before it is answered 503
 * @param mqtt the MQTT channel
 * @param hj212 the HJ 212 TCP channel
 */
@ConfigurationProperties("vigil.ingest")
public record IngestSettings(@DefaultValue("10m") Duration maxFuture, @DefaultValue("400d") Duration maxPast,
		@DefaultValue("50000") int maxBatchItems, @DefaultValue("2048") int quarantineRawBytes,
		@DefaultValue("30d") Duration quarantineRetention, @DefaultValue("60s") Duration ackTimeout,
		@DefaultValue Mqtt mqtt, @DefaultValue Hj212 hj212) {

	/**
	 * @param enabled whether MQTT is offered at all
	 * @param port port of the embedded broker; 0 picks a free one
	 * @param host address the embedded broker binds
	 * @param maxInflight QoS 1 messages per client waiting for their acknowledgement (beyond it the broker stops
	 *     reading from the client, which is how a fast publisher is slowed)
	 * @param externalUrl {@code tcp://host:port} of an external broker: when set, Vigil subscribes there instead of
	 *     running its own broker
	 * @param username user name at the external broker
	 * @param password password at the external broker
	 * @param shareGroup shared-subscription group that Vigil nodes split the load in
	 * @param clientId client identifier at the external broker; empty means generated per node
	 */
	public record Mqtt(@DefaultValue("true") boolean enabled, @DefaultValue("1883") int port,
			@DefaultValue("0.0.0.0") String host, @DefaultValue("1000") int maxInflight,
			String externalUrl, String username, String password,
			@DefaultValue("vigil") String shareGroup, String clientId) {

		public boolean external() {
			return externalUrl != null && !externalUrl.isBlank();
		}
	}

	/**
	 * @param enabled whether the HJ 212 TCP server runs
	 * @param port TCP port; 0 picks a free one
	 * @param mappingFile file of {@code MN,code,sensor} lines
	 * @param mapping more {@code MN,code,sensor} lines, inline
	 * @param maxConnections data loggers connected at once
	 * @param idleTimeout a silent connection is closed after this
	 */
	public record Hj212(@DefaultValue("true") boolean enabled, @DefaultValue("9212") int port, Path mappingFile,
			@DefaultValue List<String> mapping, @DefaultValue("1000") int maxConnections,
			@DefaultValue("5m") Duration idleTimeout) {
	}
}
