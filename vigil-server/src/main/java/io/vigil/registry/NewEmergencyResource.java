package io.vigil.registry;

/** What creating (or replacing) an emergency resource takes; {@code organisation} is a code. */
public record NewEmergencyResource(String code, String name, String type, String organisation, Double lon,
		Double lat, String capacity, String contact, String phone) {
}
