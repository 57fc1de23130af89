package io.vigil.registry;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.vigil.audit.AuditLog;
import io.vigil.organisation.CurrentUser;
import io.vigil.organisation.Organisation;
import io.vigil.platform.ConflictException;
import io.vigil.platform.InvalidInputException;
import io.vigil.platform.NotFoundException;
import io.vigil.registry.internal.Inputs;
import io.vigil.registry.internal.Owners;
import io.vigil.registry.internal.SensorCheck;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes, deletes and lists sensors within the caller's data scope. Thresholds default to
 * the sensor type's and may only be tightened. Every change is audited and clears the
 * {@link SensorCatalog} cache.
 */
@Service
public class SensorRegistry {

	private final JdbcClient jdbc;

	private final Sensors sensors;

	private final Assets assets;

	private final DomainPacks packs;

	private final Owners owners;

	private final SensorCatalog catalog;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	SensorRegistry(JdbcClient jdbc, Sensors sensors, Assets assets, DomainPacks packs, Owners owners,
			SensorCatalog catalog, AuditLog audit, ApplicationEventPublisher events, JsonMapper json) {
		this.jdbc = jdbc;
		this.sensors = sensors;
		this.assets = assets;
		this.packs = packs;
		this.owners = owners;
		this.catalog = catalog;
		this.audit = audit;
		this.events = events;
		this.json = json;
	}

	public Page<Sensor> list(CurrentUser user, SensorQuery query) {
		return sensors.find(user.scope(), query);
	}

	/** The sensor if it exists inside the caller's scope; 404 otherwise. */
	public Sensor get(CurrentUser user, String code) {
		return sensors.findInScope(user.scope(), code).orElseThrow(() -> new NotFoundException("sensor", code));
	}

	/** Without any scope check, for internal callers. */
	public Optional<Sensor> findByCode(String code) {
		return sensors.findByCode(code);
	}

	/** Without any scope check, for internal callers: the sensors with these ids that exist, read in one query. */
	public List<Sensor> findAllById(Collection<Long> ids) {
		return sensors.findAllById(ids);
	}

	/** Without any scope check, for internal callers: the sensors with these codes that exist, read in one query. */
	public List<Sensor> findAllByCode(Collection<String> codes) {
		return sensors.findAllByCode(codes);
	}

	@Transactional
	public Sensor create(CurrentUser user, NewSensor command) {
		String code = Inputs.code("code", command.code());
		Asset asset = asset(user, command);
		String enterpriseCode = command.enterprise() != null ? command.enterprise() : asset == null ? null : asset.enterprise();
		Organisation enterprise = owners.writableEnterprise(user, "enterprise", enterpriseCode);
		SensorCheck.Checked c = check(command, asset, enterprise);
		if (sensors.findByCode(code).isPresent()) {
			throw new ConflictException("code", "a sensor with code '" + code + "' already exists / 传感器编码重复");
		}
		jdbc.sql("""
				insert into sensors (code, name, type, enterprise_id, asset_id, unit, lon, lat, interval_seconds,
				    range_min, range_max, thresholds, gateway)
				values (:code, :name, :type, :enterprise, :asset, :unit, :lon, :lat, :interval,
				    :rangeMin, :rangeMax, cast(:thresholds as jsonb), :gateway)""")
			.param("code", code).param("enterprise", enterprise.id()).param("asset", asset == null ? null : asset.id())
			.params(c.params(json)).update();
		catalog.invalidate(code);
		Sensor created = sensors.findByCode(code).orElseThrow();
		audit.record(user.username(), "create", "sensor", code, enterprise.id(), null, created);
		events.publishEvent(new RegistryChanged("sensor", code, "create"));
		return created;
	}

	/** Replaces everything but the code and the enterprise. */
	@Transactional
	public Sensor update(CurrentUser user, String code, NewSensor command) {
		Sensor before = get(user, code);
		if (command.code() != null && !command.code().equals(code)) {
			throw new InvalidInputException("code", "cannot be changed (was '" + code + "') / 编码不可修改");
		}
		if (command.enterprise() != null && !command.enterprise().equals(before.enterprise())) {
			throw new InvalidInputException("enterprise", "cannot be changed; delete and re-create the sensor / 所属企业不可修改");
		}
		Organisation enterprise = owners.writableEnterprise(user, "enterprise", before.enterprise());
		Asset asset = asset(user, command);
		SensorCheck.Checked c = check(command, asset, enterprise);
		requireSameDomain(before, asset, command.type());
		jdbc.sql("""
				update sensors set name = :name, type = :type, asset_id = :asset, unit = :unit, lon = :lon, lat = :lat,
				    interval_seconds = :interval, range_min = :rangeMin, range_max = :rangeMax,
				    thresholds = cast(:thresholds as jsonb), gateway = :gateway, updated_at = now()
				where id = :id""")
			.param("asset", asset == null ? null : asset.id()).param("id", before.id()).params(c.params(json))
			.update();
		catalog.invalidate(code);
		Sensor after = sensors.findByCode(code).orElseThrow();
		audit.record(user.username(), "update", "sensor", code, enterprise.id(), before, after);
		events.publishEvent(new RegistryChanged("sensor", code, "update"));
		return after;
	}

	@Transactional
	public void delete(CurrentUser user, String code) {
		Sensor before = get(user, code);
		Organisation enterprise = owners.writableEnterprise(user, "enterprise", before.enterprise());
		try {
			jdbc.sql("delete from sensors where id = :id").param("id", before.id()).update();
		}
		catch (DataIntegrityViolationException e) {
			// Warnings (and other records) keep their sensor: history must not lose its subject.
			throw new ConflictException("code", "sensor '" + code + "' is referred to by warnings or other records: "
					+ e.getMostSpecificCause().getMessage() + " / 传感器已被预警等记录引用，不能删除");
		}
		catalog.invalidate(code);
		audit.record(user.username(), "delete", "sensor", code, enterprise.id(), before, null);
		events.publishEvent(new RegistryChanged("sensor", code, "delete"));
	}

	/**
	 * Raw readings are filed by the sensor's domain (each domain may have its own retention), and the
	 * store counts on a sensor's readings always carrying the same one: a reading sent again after a move
	 * would be stored a second time under the new domain.
	 */
	private void requireSameDomain(Sensor before, Asset asset, String type) {
		String was = packs.domainOf(before.asset() == null ? null
				: assets.findByCode(before.asset()).map(Asset::domain).orElse(null), before.type());
		String becomes = packs.domainOf(asset == null ? null : asset.domain(), type);
		if (was != null && !was.equals(becomes)) {
			throw new InvalidInputException(asset != null && !asset.domain().equals(was) ? "asset" : "type",
					"would move the sensor from domain " + was + " to " + becomes + "; its readings are kept per domain, "
							+ "so delete and re-create the sensor instead / 传感器不能改到其他行业领域");
		}
	}

	private Asset asset(CurrentUser user, NewSensor command) {
		if (command.asset() == null || command.asset().isBlank()) {
			return null;
		}
		return assets.findInScope(user.scope(), command.asset()).orElseThrow(() -> new InvalidInputException("asset",
				"no asset '" + command.asset() + "' in your data scope / 数据权限范围内无此监测对象"));
	}

	private SensorCheck.Checked check(NewSensor command, Asset asset, Organisation enterprise) {
		if (asset != null && !asset.enterprise().equals(enterprise.code())) {
			throw new InvalidInputException("asset", "asset '" + asset.code() + "' belongs to " + asset.enterprise()
					+ ", not to " + enterprise.code() + " / 监测对象不属于该企业");
		}
		SensorType type = packs.requireSensorType("type", command.type());
		return SensorCheck.check(command, type, asset == null ? null : asset.geometry());
	}
}
