package io.vigil.registry;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/** What registering (or replacing) construction works takes; {@code organisation} is a code. */
public record NewConstructionWork(String code, String name, String organisation, JsonNode geometry,
		Instant startsAt, Instant endsAt, String contractor, String permit) {
}
