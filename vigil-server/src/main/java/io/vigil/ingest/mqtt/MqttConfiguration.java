package io.vigil.ingest.mqtt;

import io.vigil.ingest.IngestService;
import io.vigil.ingest.IngestSettings;
import io.vigil.organisation.ApiKeys;
import io.vigil.organisation.Organisations;
import io.vigil.platform.PlatformSettings;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One MQTT mode: the embedded broker by default, a subscription at an external broker when one is configured. */
@Configuration(proxyBeanMethods = false)
class MqttConfiguration {

	@Bean
	@ConditionalOnExpression("${vigil.ingest.mqtt.enabled:true} and '${vigil.ingest.mqtt.external-url:}' == ''")
	EmbeddedBroker embeddedBroker(IngestSettings settings, PlatformSettings platform, ApiKeys keys,
			IngestService ingest, MqttMessages messages) {
		return new EmbeddedBroker(settings, platform, keys, ingest, messages);
	}

	@Bean
	@ConditionalOnExpression("${vigil.ingest.mqtt.enabled:true} and '${vigil.ingest.mqtt.external-url:}' != ''")
	ExternalBrokerSubscription externalBrokerSubscription(IngestSettings settings, MqttMessages messages,
			Organisations organisations) {
		return new ExternalBrokerSubscription(settings, messages, organisations);
	}
}
