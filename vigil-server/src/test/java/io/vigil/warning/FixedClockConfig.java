package io.vigil.warning;

import java.time.Clock;
import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * One mutable clock for a whole test context (and across a restart of it). Tests that import this also
 * turn the background schedulers off and tick by hand.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClockConfig {

	public static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T00:00:00Z"));

	@Bean
	@Primary
	Clock testClock() {
		return CLOCK;
	}
}
