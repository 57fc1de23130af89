package io.vigil.detection;

import java.time.Clock;
import java.util.List;

import io.vigil.audit.AuditLog;
import io.vigil.detection.internal.DetectionEngine;
import io.vigil.detection.internal.RuleAccess;
import io.vigil.detection.internal.RuleJson;
import io.vigil.detection.internal.RuleSpec;
import io.vigil.detection.internal.RuleStore;
import io.vigil.detection.internal.RuleTarget;
import io.vigil.organisation.CurrentUser;
import io.vigil.platform.ConflictException;
import io.vigil.platform.InvalidInputException;
import io.vigil.platform.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rule management: versioned rule sets per sensor type, asset type, asset or sensor. Every change appends a
 * version (with an audit entry in the same transaction) and is applied to the running engine right after
 * commit, without a restart; a delete is a new, disabled version. Rules are validated by the engine's own
 * constructors, so a rule the API accepts is a rule the engine runs.
 *
 * <p>Rule JSON (fields other than {@code kind} are optional unless marked; durations ISO-8601 or seconds;
 * levels red/orange/yellow/blue; {@code name} defaults to the kind and is the merge key across scopes;
 * {@code enabled: false} switches an inherited rule of that name off):
 * <ul>
 * <li>{@code threshold}: limits* [{bound high|low, value, level}], deadband, onDelay/offDelay {readings, seconds}</li>
 * <li>{@code rate}: window, maxRisePerMinute, maxFallPerMinute (one of them*), onReadings, level</li>
 * <li>{@code trend}: bound*, threshold*, window, minReadings, horizon, level</li>
 * <li>{@code interruption}: interval (default the sensor's), factor, level</li>
 * <li>{@code data_quality}: physicalMin, physicalMax (default the sensor's range), flatlineReadings, flatlineTolerance,
 * maxStep, invalidReadings, level</li>
 * <li>{@code robust_anomaly}: window, season, zLimit, onReadings, level, beyondEnvelope</li>
 * <li>asset scope only: {@code mass_balance_leak}: inletPressure*, outletPressure*, inletFlow*, outletFlow* (sensor codes),
 * window, expectedImbalance*, minPressureDrop*, persistence; {@code gas_with_pressure_drop}: gasSensor*, pressureSensor*,
 * gasThreshold, minPressureDrop*, window, level; {@code construction_intrusion}: vibrationSensor*, eventThreshold*,
 * windows [{from, to, permit}] or nearMetres (registered construction works near the asset), insideLevel, outsideLevel, quiet</li>
 * </ul>
 */
@Service
public class RuleSets {

	private static final Logger log = LoggerFactory.getLogger(RuleSets.class);

	private final RuleStore store;

	private final RuleTarget targets;

	private final RuleAccess access;

	private final AuditLog audit;

	private final DetectionEngine engine;

	private final TransactionTemplate transactions;

	private final Clock clock;

	RuleSets(RuleStore store, RuleTarget targets, RuleAccess access, AuditLog audit, DetectionEngine engine,
			TransactionTemplate transactions, Clock clock) {
		this.store = store;
		this.targets = targets;
		this.access = access;
		this.audit = audit;
		this.engine = engine;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Current versions the user may see, optionally of one scope and target. */
	public List<RuleSet> list(CurrentUser user, String scope, String target) {
		return store.current().stream().filter(s -> access.canRead(user, s.enterpriseId()))
			.map(RuleStore.Stored::set)
			.filter(s -> (scope == null || s.scope().equals(scope)) && (target == null || s.target().equals(target)))
			.toList();
	}

	public RuleSet get(CurrentUser user, long id) {
		return visible(user, id).set();
	}

	/** Every version, oldest first. */
	public List<RuleSet> versions(CurrentUser user, long id) {
		visible(user, id);
		return store.versions(id).stream().map(RuleStore.Stored::set).toList();
	}

	/** Creates the rule set of a scope and target (or re-enables a deleted one with a new version). */
	public RuleSet create(CurrentUser user, NewRuleSet command) {
		RuleTarget.Resolved target = targets.resolve(command.scope(), command.target());
		List<RuleSpec> rules = validate(user, target, command);
		RuleSet created = transactions.execute(tx -> {
			RuleStore.Stored existing = store.find(target.scope(), target.target()).orElse(null);
			if (existing != null && existing.set().enabled()) {
				throw new ConflictException("target", "rule set " + existing.set().id() + " already covers " + target.scope() + " '"
						+ target.target() + "'; change it with PUT /api/v1/rules/" + existing.set().id() + " / 该对象已有规则集");
			}
			long id = existing != null ? existing.set().id() : store.create(target.scope(), target.target(), target.enterpriseId());
			return write(user, id, command, existing == null ? "create" : "enable", existing == null ? null : existing.set());
		});
		applied();
		return created;
	}

	/** Replaces the rules (and name) of a rule set with a new version; scope and target stay. */
	public RuleSet update(CurrentUser user, long id, NewRuleSet command) {
		RuleSet before = visible(user, id).set();
		if (command.scope() != null && !command.scope().equals(before.scope())
				|| command.target() != null && !command.target().equals(before.target())) {
			throw new InvalidInputException(command.scope() != null && !command.scope().equals(before.scope()) ? "scope" : "target",
					"cannot be changed; create another rule set / 作用范围不可修改");
		}
		RuleTarget.Resolved target = targets.resolve(before.scope(), before.target());
		List<RuleSpec> rules = validate(user, target, command);
		RuleSet after = transactions.execute(tx -> write(user, id, command, "update", before));
		applied();
		return after;
	}

	/** Deletes by appending a disabled version; the history stays. */
	public RuleSet delete(CurrentUser user, long id) {
		RuleSet before = visible(user, id).set();
		access.checkWrite(user, targets.resolve(before.scope(), before.target()), List.of(), true);
		RuleSet after = transactions.execute(tx -> {
			int version = store.addVersion(id, before.name(), false, before.rules(), user.username(), clock.instant());
			RuleSet disabled = store.versions(id).get(version - 1).set();
			audit.record(user.username(), "delete", "rule_set", Long.toString(id), null, before, disabled);
			return disabled;
		});
		applied();
		return after;
	}

	private List<RuleSpec> validate(CurrentUser user, RuleTarget.Resolved target, NewRuleSet command) {
		List<RuleSpec> rules = RuleJson.parse(command.rules(), "rules", "validation", (lon, lat, m) -> List.of());
		targets.checkCoupled(target, rules);
		access.checkWrite(user, target, rules, false);
		return rules;
	}

	private RuleSet write(CurrentUser user, long id, NewRuleSet command, String action, RuleSet before) {
		String name = command.name() != null && !command.name().isBlank() ? command.name().trim() : command.scope() + ":" + command.target();
		if (before != null && (command.name() == null || command.name().isBlank())) {
			name = before.name();
		}
		boolean enabled = command.enabled() == null || command.enabled();
		int version = store.addVersion(id, name, enabled, command.rules(), user.username(), clock.instant());
		RuleSet after = store.versions(id).get(version - 1).set();
		audit.record(user.username(), action, "rule_set", Long.toString(id), null, before, after);
		return after;
	}

	private void applied() {
		try {
			engine.reload();
		}
		catch (RuntimeException e) {
			log.error("Rule change saved but not applied yet; the next registry refresh retries", e);
		}
	}

	private RuleStore.Stored visible(CurrentUser user, long id) {
		RuleStore.Stored stored = store.find(id).orElseThrow(() -> new NotFoundException("rule set", id));
		if (!access.canRead(user, stored.enterpriseId())) {
			throw new NotFoundException("rule set", id);
		}
		return stored;
	}
}
