package io.vigil.ingest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.vigil.VigilTest;

import org.springframework.test.context.TestPropertySource;

/**
 * The whole application, as {@link VigilTest}, with the MQTT broker and the HJ 212 server on free ports (the
 * standard ones may be taken on a developer's machine, by a Mosquitto for instance). All ingest tests share it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@VigilTest
@TestPropertySource(properties = { "vigil.ingest.mqtt.port=0", "vigil.ingest.hj212.port=0",
		"vigil.ingest.max-batch-items=1000" })
public @interface IngestTest {
}
