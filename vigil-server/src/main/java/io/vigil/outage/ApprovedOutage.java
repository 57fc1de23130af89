package io.vigil.outage;

import java.time.Instant;
import java.util.Set;

/** An approved window, as the warning module checks it: does it cover this object at this time? */
public record ApprovedOutage(long id, long enterpriseId, String scope, Long assetId, Set<Long> sensorIds,
		Instant startsAt, Instant endsAt) {

	public ApprovedOutage {
		sensorIds = Set.copyOf(sensorIds);
	}

	/** Whether a condition of the sensor (or asset, or the enterprise itself) at the instant falls inside. */
	public boolean covers(Long sensorId, Long assetId, Instant at) {
		if (at.isBefore(startsAt) || !at.isBefore(endsAt)) {
			return false;
		}
		return switch (scope) {
			case "enterprise" -> true;
			case "asset" -> this.assetId != null && this.assetId.equals(assetId);
			default -> sensorId != null && sensorIds.contains(sensorId);
		};
	}
}
