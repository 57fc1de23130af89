package io.vigil.bench.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;

/**
 * End-to-end load through Vigil's embedded MQTT broker: {@code clients} connections, each authenticated as the
 * benchmark enterprise (user name its code, password its API key), each publishing QoS 1 messages of
 * {@code batch} readings on {@code vigil/<enterprise>/readings} and waiting for the PUBACK, which Vigil sends only
 * once the readings are durable. A PUBACK with an error code (store full past the broker's patience) is answered
 * by publishing the message again, as a gateway would; each such resend is counted.
 */
final class MqttLoad {

	record Result(long rows, double seconds, double pointsPerSecond, double p50Millis, double p99Millis, long resends,
			String rss) {
	}

	private final String host;

	private final int port;

	private final String enterprise;

	private final int clients;

	private final int batch;

	private final long pid;

	MqttLoad(String host, int port, String enterprise, int clients, int batch, long pid) {
		this.host = host;
		this.port = port;
		this.enterprise = enterprise;
		this.clients = clients;
		this.batch = batch;
		this.pid = pid;
	}

	/** The same broker and clients with another batch size. */
	MqttLoad withBatch(int otherBatch) {
		return new MqttLoad(host, port, enterprise, clients, otherBatch, pid);
	}

	Result run(HttpLoad.Seeded seeded, Rows rows, long total) throws Exception {
		return run(seeded, rows, total, () -> {
		});
	}

	/** As {@link #run(HttpLoad.Seeded, Rows, long)}, calling {@code atClockStart} once the messages are encoded. */
	Result run(HttpLoad.Seeded seeded, Rows rows, long total, Runnable atClockStart) throws Exception {
		List<Mqtt5BlockingClient> connections = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			Mqtt5BlockingClient client = Mqtt5Client.builder().identifier("bench-" + UUID.randomUUID())
				.serverHost(host).serverPort(port).simpleAuth().username(enterprise)
				.password(seeded.key().getBytes(StandardCharsets.UTF_8)).applySimpleAuth().buildBlocking();
			client.connect();
			connections.add(client);
		}
		String topic = "vigil/" + enterprise + "/readings";
		AtomicLong next = new AtomicLong();
		AtomicLong resends = new AtomicLong();
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		List<Thread> threads = new ArrayList<>();
		byte[][] payloads = HttpLoad.bodies(seeded.codes(), rows, total, batch);
		System.out.printf("  MQTT: %,d rows of %,d sensors encoded; clock starts%n", total, rows.sensors());
		atClockStart.run();
		long started = System.nanoTime();
		for (Mqtt5BlockingClient client : connections) {
			Thread thread = new Thread(() -> {
				long from;
				while ((from = next.getAndAdd(batch)) < total) {
					byte[] payload = payloads[(int) (from / batch)];
					latencies.add(publish(client, Mqtt5Publish.builder().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
						.payload(payload).build(), resends));
				}
			}, "bench-mqtt-" + threads.size());
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		for (Mqtt5BlockingClient client : connections) {
			client.disconnect();
		}
		long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		return new Result(total, seconds, total / seconds, HttpLoad.percentile(sorted, 0.5),
				HttpLoad.percentile(sorted, 0.99), resends.get(), HttpLoad.rss(pid));
	}

	/** Publishes until a PUBACK without error arrives; returns the nanoseconds from the first attempt. */
	private static long publish(Mqtt5BlockingClient client, Mqtt5Publish message, AtomicLong resends) {
		long started = System.nanoTime();
		while (true) {
			Throwable error;
			try {
				Mqtt5PublishResult result = client.publish(message);
				error = result.getError().orElse(null);
			}
			catch (RuntimeException e) {
				error = e;
			}
			if (error == null) {
				return System.nanoTime() - started;
			}
			resends.incrementAndGet();
			if (resends.get() % 100 == 1) {
				System.out.println("MQTT resend after: " + error);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}
}
