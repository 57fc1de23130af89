package io.vigil.detection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of detection ({@code vigil.detection.*}).
 *
 * @param enabled whether stored readings are judged at all
 * @param partitions engine partitions (threads); sensors of one enterprise share a partition
 * @param queueCapacity bound of each partition's queue (back-pressure towards the reading hand-off)
 * @param handoffCapacity readings buffered between the store's writer thread and the engine; when full
 *        for longer than {@code handoffWait} readings are dropped from detection (they stay stored), logged and counted
 * @param handoffWait how long the writer thread may wait for room in the hand-off. Waiting holds back the
 *        acknowledgements of that batch, so a detection that falls behind slows the senders down (HTTP 503,
 *        later PUBACKs) instead of leaving readings unjudged; only past this wait are readings skipped
 * @param outcomeCapacity outcomes buffered on their way to the warning module
 * @param tick how often timers run (data interruption, group silence)
 * @param snapshot how often the rule state is saved to the database (and always at shutdown)
 * @param registryRefresh how often the registry is checked for changed sensors, assets or works
 * @param rebuild the rule book is rebuilt at least this often (construction windows that began since)
 * @param interruptionFactor a sensor is offline after this many reporting intervals without a reading
 * @param enterpriseSilence an enterprise is offline when all its sensors have been silent this long
 */
@ConfigurationProperties("vigil.detection")
public record DetectionSettings(@DefaultValue("true") boolean enabled, @DefaultValue("2") int partitions,
		@DefaultValue("10000") int queueCapacity, @DefaultValue("100000") int handoffCapacity,
		@DefaultValue("10s") Duration handoffWait, @DefaultValue("10000") int outcomeCapacity,
		@DefaultValue("5s") Duration tick, @DefaultValue("30s") Duration snapshot,
		@DefaultValue("10s") Duration registryRefresh, @DefaultValue("5m") Duration rebuild,
		@DefaultValue("3") int interruptionFactor, @DefaultValue("30m") Duration enterpriseSilence) {
}
