package io.vigil.notification;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.vigil.VigilTest;
import io.vigil.warning.FixedClockConfig;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** The application with the hand-moved clock and no background ticks: one shared context for these tests. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@VigilTest
@Import(FixedClockConfig.class)
@TestPropertySource(properties = { "vigil.warning.scheduler=false", "vigil.notification.scheduler=false",
		"vigil.ingest.mqtt.port=0", "vigil.ingest.hj212.port=0" })
public @interface NotificationTest {
}
