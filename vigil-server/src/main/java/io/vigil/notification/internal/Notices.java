package io.vigil.notification.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vigil.notification.NotificationSettings;
import io.vigil.warning.Recipient;
import io.vigil.warning.WarningRouted;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox: stores a notice per recipient in the same transaction as the warning change that routed
 * it, so nobody is told of a change that did not happen and no change goes untold. Notices of immediate
 * levels become messages at once and their delivery starts right after commit.
 */
@Component
class Notices {

	private final NamedParameterJdbcTemplate jdbc;

	private final Endpoints endpoints;

	private final Messages messages;

	private final DeliveryWorker worker;

	private final NotificationSettings settings;

	private final JsonMapper json;

	Notices(NamedParameterJdbcTemplate jdbc, Endpoints endpoints, Messages messages, DeliveryWorker worker,
			NotificationSettings settings, JsonMapper json) {
		this.jdbc = jdbc;
		this.endpoints = endpoints;
		this.messages = messages;
		this.worker = worker;
		this.settings = settings;
		this.json = json;
	}

	@EventListener
	void on(WarningRouted routed) {
		boolean immediate = settings.immediateLevels().contains(routed.level());
		List<Map<String, Object>> recipients = new ArrayList<>();
		for (Recipient r : routed.recipients()) {
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("key", r.key());
			detail.put("name", r.name());
			detail.put("audience", r.audience().code());
			put(detail, "username", r.username());
			put(detail, "phone", r.phone());
			put(detail, "email", r.email());
			recipients.add(detail);
		}
		recipients.addAll(endpoints.subscribed(routed.enterpriseId(), routed.level()));
		SqlParameterSource[] batch = recipients.stream().map(d -> new MapSqlParameterSource()
			.addValue("warning", routed.warningId()).addValue("recipient", d.get("key"))
			.addValue("detail", json.writeValueAsString(d)).addValue("event", routed.event())
			.addValue("level", routed.level().en()).addValue("immediate", immediate).addValue("summary", routed.summary())
			.addValue("at", Timestamp.from(routed.at()))).toArray(SqlParameterSource[]::new);
		jdbc.batchUpdate("""
				insert into notices (warning_id, recipient, recipient_detail, event, level, immediate, summary, created_at)
				values (:warning, :recipient, cast(:detail as jsonb), :event, :level, :immediate, :summary, :at)""", batch);
		if (immediate) {
			messages.composeImmediate(routed.warningId(), routed.at());
			if (TransactionSynchronizationManager.isSynchronizationActive()) {
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCommit() {
						worker.kick();
					}
				});
			}
			else {
				worker.kick();
			}
		}
	}

	private static void put(Map<String, Object> detail, String key, Object value) {
		if (value != null) {
			detail.put(key, value);
		}
	}
}
