package io.vigil.registry;

import java.time.Instant;

/**
 * A resource for emergencies near the monitored objects: a fire station, rescue team, materials depot,
 * shelter or hospital. {@code organisation} is the code of the owner (an enterprise or a region).
 */
public record EmergencyResource(long id, String code, String name, String type, String organisation, double lon,
		double lat, String capacity, String contact, String phone, Instant createdAt, Instant updatedAt) {

	public static final java.util.List<String> TYPES = java.util.List.of("fire_station", "rescue_team", "depot",
			"shelter", "hospital", "other");
}
