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
import io.vigil.registry.internal.Attributes;
import io.vigil.registry.internal.GeoJson;
import io.vigil.registry.internal.Inputs;
import io.vigil.registry.internal.Owners;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes, deletes and lists assets (monitored objects) within the caller's data scope.
 * Every change is audited in the same transaction.
 */
@Service
public class AssetRegistry {

	private final JdbcClient jdbc;

	private final Assets assets;

	private final DomainPacks packs;

	private final Owners owners;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	AssetRegistry(JdbcClient jdbc, Assets assets, DomainPacks packs, Owners owners, AuditLog audit,
			ApplicationEventPublisher events, JsonMapper json) {
		this.jdbc = jdbc;
		this.assets = assets;
		this.packs = packs;
		this.owners = owners;
		this.audit = audit;
		this.events = events;
		this.json = json;
	}

	public Page<Asset> list(CurrentUser user, AssetQuery query) {
		return assets.find(user.scope(), query);
	}

	/** The asset if it exists inside the caller's scope; 404 otherwise. */
	public Asset get(CurrentUser user, String code) {
		return assets.findInScope(user.scope(), code).orElseThrow(() -> new NotFoundException("asset", code));
	}

	/** Without any scope check, for internal callers (detection, map layers already scoped elsewhere). */
	public Optional<Asset> findByCode(String code) {
		return assets.findByCode(code);
	}

	/** Without any scope check, for internal callers: the assets with these codes that exist, read in one query. */
	public List<Asset> findAllByCode(Collection<String> codes) {
		return assets.findAllByCode(codes);
	}

	@Transactional
	public Asset create(CurrentUser user, NewAsset command) {
		String code = Inputs.code("code", command.code());
		Organisation enterprise = owners.writableEnterprise(user, "enterprise", command.enterprise());
		Checked checked = check(command, enterprise, null);
		if (assets.findByCode(code).isPresent()) {
			throw new ConflictException("code", "an asset with code '" + code + "' already exists / 监测对象编码重复");
		}
		double[] bbox = GeoJson.bbox(checked.geometry());
		jdbc.sql("""
				insert into assets (code, name, type, domain, enterprise_id, parent_id, geometry,
				    min_lon, min_lat, max_lon, max_lat, properties)
				values (:code, :name, :type, :domain, :enterprise, :parent, cast(:geometry as jsonb),
				    :minLon, :minLat, :maxLon, :maxLat, cast(:properties as jsonb))""")
			.param("code", code).param("name", checked.name()).param("type", checked.type().code())
			.param("domain", checked.type().domain()).param("enterprise", enterprise.id()).param("parent", checked.parentId())
			.param("geometry", json.writeValueAsString(GeoJson.write(checked.geometry())))
			.param("minLon", bbox[0]).param("minLat", bbox[1]).param("maxLon", bbox[2]).param("maxLat", bbox[3])
			.param("properties", json.writeValueAsString(checked.attributes()))
			.update();
		Asset created = assets.findByCode(code).orElseThrow();
		audit.record(user.username(), "create", "asset", code, enterprise.id(), null, created);
		events.publishEvent(new RegistryChanged("asset", code, "create"));
		return created;
	}

	/** Replaces name, type, parent, geometry and attributes; the code and enterprise stay. */
	@Transactional
	public Asset update(CurrentUser user, String code, NewAsset command) {
		Asset before = get(user, code);
		if (command.code() != null && !command.code().equals(code)) {
			throw new InvalidInputException("code", "cannot be changed (was '" + code + "') / 编码不可修改");
		}
		if (command.enterprise() != null && !command.enterprise().equals(before.enterprise())) {
			throw new InvalidInputException("enterprise", "cannot be changed; delete and re-create the asset / 所属企业不可修改");
		}
		Organisation enterprise = owners.writableEnterprise(user, "enterprise", before.enterprise());
		Checked checked = check(command, enterprise, before);
		requireSameDomainWithSensors(before, checked.type().domain());
		double[] bbox = GeoJson.bbox(checked.geometry());
		jdbc.sql("""
				update assets set name = :name, type = :type, domain = :domain, parent_id = :parent,
				    geometry = cast(:geometry as jsonb), min_lon = :minLon, min_lat = :minLat, max_lon = :maxLon,
				    max_lat = :maxLat, properties = cast(:properties as jsonb), updated_at = now()
				where id = :id""")
			.param("name", checked.name()).param("type", checked.type().code()).param("domain", checked.type().domain())
			.param("parent", checked.parentId())
			.param("geometry", json.writeValueAsString(GeoJson.write(checked.geometry())))
			.param("minLon", bbox[0]).param("minLat", bbox[1]).param("maxLon", bbox[2]).param("maxLat", bbox[3])
			.param("properties", json.writeValueAsString(checked.attributes())).param("id", before.id())
			.update();
		Asset after = assets.findByCode(code).orElseThrow();
		audit.record(user.username(), "update", "asset", code, enterprise.id(), before, after);
		events.publishEvent(new RegistryChanged("asset", code, "update"));
		return after;
	}

	/** A sensor's domain is its asset's, and it must not change (see {@code SensorRegistry#requireSameDomain}). */
	private void requireSameDomainWithSensors(Asset before, String domain) {
		if (before.domain().equals(domain)) {
			return;
		}
		long sensors = jdbc.sql("select count(*) from sensors where asset_id = :id").param("id", before.id())
			.query(Long.class).single();
		if (sensors > 0) {
			throw new ConflictException("type", "asset '" + before.code() + "' has " + sensors + " sensors, whose "
					+ "readings are kept per domain: it cannot change from domain " + before.domain() + " to " + domain
					+ " / 监测对象下有传感器，不能改到其他行业领域");
		}
	}

	/** Refused while sensors or child assets still refer to the asset: their history would lose its object. */
	@Transactional
	public void delete(CurrentUser user, String code) {
		Asset before = get(user, code);
		Organisation enterprise = owners.writableEnterprise(user, "enterprise", before.enterprise());
		long sensors = jdbc.sql("select count(*) from sensors where asset_id = :id").param("id", before.id())
			.query(Long.class).single();
		long children = jdbc.sql("select count(*) from assets where parent_id = :id").param("id", before.id())
			.query(Long.class).single();
		if (sensors > 0 || children > 0) {
			throw new ConflictException("code", "asset '" + code + "' still has " + sensors + " sensors and " + children
					+ " child assets; delete or move them first / 请先删除或迁移其下的传感器和子对象");
		}
		try {
			jdbc.sql("delete from assets where id = :id").param("id", before.id()).update();
		}
		catch (DataIntegrityViolationException e) {
			throw new ConflictException("code", "asset '" + code + "' is referred to by warnings or other records: "
					+ e.getMostSpecificCause().getMessage() + " / 监测对象已被预警等记录引用，不能删除");
		}
		audit.record(user.username(), "delete", "asset", code, enterprise.id(), before, null);
		events.publishEvent(new RegistryChanged("asset", code, "delete"));
	}

	private record Checked(String name, AssetType type, Long parentId, Geometry geometry, ObjectNode attributes) {
	}

	private Checked check(NewAsset command, Organisation enterprise, Asset existing) {
		String name = Inputs.text("name", command.name(), 200);
		AssetType type = packs.requireAssetType("type", command.type());
		Geometry geometry = GeoJson.parse("geometry", command.geometry());
		GeoJson.requireKind("geometry", geometry, type.geometry(), type.code());
		ObjectNode attributes = Attributes.check(type, command.attributes());
		Long parentId = null;
		if (command.parent() != null && !command.parent().isBlank()) {
			Asset parent = assets.findByCode(command.parent())
				.filter(p -> p.enterprise().equals(enterprise.code()))
				.orElseThrow(() -> new InvalidInputException("parent", "no asset '" + command.parent()
						+ "' of enterprise " + enterprise.code() + " / 上级对象不存在或不属于同一企业"));
			if (existing != null && assets.isSelfOrDescendant(parent.id(), existing.id())) {
				throw new InvalidInputException("parent", "'" + parent.code() + "' lies under '" + existing.code()
						+ "'; that would make a cycle / 不能形成循环");
			}
			parentId = parent.id();
		}
		return new Checked(name, type, parentId, geometry, attributes);
	}
}
