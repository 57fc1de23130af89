package io.vigil.ingest.mqtt;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import io.vigil.ingest.RejectCode;
import io.vigil.ingest.Sender;

/**
 * Publish: the broker holds the message (and so its PUBACK) in this interceptor's async output until the
 * readings are durable; then the message is consumed here — never routed to subscribers or queued, so the broker's
 * queue limits cannot drop it — and the PUBACK goes out. A topic of another enterprise is refused with
 * NOT_AUTHORIZED; a store that stays unavailable past the timeout yields an error code (MQTT 5) or a disconnect
 * (MQTT 3), and the publisher sends the message again.
 */
final class DurablePublishInterceptor implements PublishInboundInterceptor {

	private final MqttMessages messages;

	private final Duration timeout;

	DurablePublishInterceptor(MqttMessages messages, Duration timeout) {
		this.messages = messages;
		this.timeout = timeout;
	}

	@Override
	public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
		var attributes = input.getConnectionInformation().getConnectionAttributeStore();
		long enterpriseId = Long.parseLong(attributes.getAsString(EnterpriseAuthenticator.ENTERPRISE_ID).orElse("-1"));
		String enterpriseCode = attributes.getAsString(EnterpriseAuthenticator.ENTERPRISE_CODE).orElse("");
		String topic = input.getPublishPacket().getTopic();
		ByteBuffer payload = input.getPublishPacket().getPayload().orElse(ByteBuffer.allocate(0));
		if (!enterpriseCode.equals(ReadingTopic.enterprise(topic))) {
			messages.refuse(enterpriseId < 0 ? null : enterpriseId, RejectCode.UNAUTHORIZED,
					"enterprise " + enterpriseCode + " may publish on vigil/" + enterpriseCode + "/readings, not " + topic,
					payload);
			output.preventPublishDelivery(AckReasonCode.NOT_AUTHORIZED, "publish on vigil/" + enterpriseCode + "/readings");
			return;
		}
		Async<PublishInboundOutput> async = output.async(timeout, TimeoutFallback.FAILURE,
				AckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR, "not stored in time; send again");
		messages.handle(new Sender(enterpriseId, enterpriseCode), payload).whenComplete((result, failure) -> {
			if (failure == null) {
				output.preventPublishDelivery();
			}
			else {
				output.preventPublishDelivery(AckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR,
						"not stored; send again: " + Optional.ofNullable(failure.getMessage()).orElse("store failed"));
			}
			async.resume();
		});
	}
}
