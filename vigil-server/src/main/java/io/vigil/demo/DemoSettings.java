package io.vigil.demo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the demo, active only with {@code --vigil.demo=true}.
 *
 * @param referenceDir folder with {@code binhai-subdistricts.csv}; when present all 26 sub-districts are
 *        created, otherwise only those the demo enterprises sit in
 * @param interval how often the simulator sends one reading per demo sensor
 * @param incidentEvery how often the simulator stages an incident (a gas rise at a valve chamber, a
 *        pressure drop on a segment) so that warnings appear; zero disables incidents
 */
@ConfigurationProperties("vigil.simulator")
public record DemoSettings(@DefaultValue("../shared/data/binhai") String referenceDir,
		@DefaultValue("10s") Duration interval, @DefaultValue("15m") Duration incidentEvery) {
}
