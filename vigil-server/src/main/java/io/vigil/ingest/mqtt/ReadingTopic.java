package io.vigil.ingest.mqtt;

/** The topic an enterprise publishes readings on: {@code vigil/<enterprise code>/readings}. */
final class ReadingTopic {

	static final String FILTER = "vigil/+/readings";

	private ReadingTopic() {
	}

	/** The enterprise code in the topic, or null when the topic is not a readings topic. */
	static String enterprise(String topic) {
		if (!topic.startsWith("vigil/") || !topic.endsWith("/readings")) {
			return null;
		}
		String code = topic.substring("vigil/".length(), topic.length() - "/readings".length());
		return code.isEmpty() || code.indexOf('/') >= 0 ? null : code;
	}
}
