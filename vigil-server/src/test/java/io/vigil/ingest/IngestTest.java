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
		"vigil.ingest.max-batch-items=1000",
		"vigil.ingest.hj212.mapping[0]=" + IngestTest.HJ212_MN + ",a01001,hjt-gas1",
		"vigil.ingest.hj212.mapping[1]=" + IngestTest.HJ212_MN + ",a01002,hjt-gas2",
		"vigil.ingest.hj212.mapping[2]=" + IngestTest.HJ212_MN + ",a01003,hjt-not-registered",
		"vigil.ingest.hj212.mapping[3]=" + IngestTest.HJ212_MN + ",PW=" + IngestTest.HJ212_PW })
public @interface IngestTest {

	/** The data logger whose codes the HJ 212 tests map to sensors {@code hjt-gas1} and {@code hjt-gas2}. */
	String HJ212_MN = "HJTEST0000000001";

	/** Its access password, the one {@code Hj212FrameBuilder} sends by default. */
	String HJ212_PW = "123456";
}
