package io.vigil.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vigil.audit.AuditLog;
import io.vigil.organisation.CurrentUser;
import io.vigil.organisation.DataScope;
import io.vigil.organisation.Organisation;
import io.vigil.platform.ConflictException;
import io.vigil.platform.InvalidInputException;
import io.vigil.platform.NotFoundException;
import io.vigil.registry.internal.Bbox;
import io.vigil.registry.internal.GeoJson;
import io.vigil.registry.internal.Inputs;
import io.vigil.registry.internal.Owners;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emergency resources (R3.1): who can help, where, with what. Read within the caller's scope (the
 * owning organisation must lie inside it); written by those who may write the owner's data.
 */
@Service
public class EmergencyResources {

	private static final String SELECT = """
			select r.*, o.code as organisation_code from emergency_resources r join organisations o on o.id = r.organisation_id
			""";

	private final JdbcClient jdbc;

	private final Owners owners;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	EmergencyResources(JdbcClient jdbc, Owners owners, AuditLog audit, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.owners = owners;
		this.audit = audit;
		this.events = events;
	}

	/** Resources in scope, optionally of one type, owner, or inside a bbox "minLon,minLat,maxLon,maxLat". */
	public Page<EmergencyResource> list(CurrentUser user, String type, String organisation, String bbox, int page,
			int size) {
		DataScope.SqlFilter filter = user.scope().sql("o");
		StringBuilder where = new StringBuilder(" where " + filter.sql());
		Map<String, Object> params = new HashMap<>(filter.params());
		if (type != null) {
			where.append(" and r.type = :type");
			params.put("type", type);
		}
		if (organisation != null) {
			where.append(" and o.code = :organisation");
			params.put("organisation", organisation);
		}
		if (bbox != null) {
			Bbox.parse("bbox", bbox).addParams(params);
			where.append(" and r.lon between :bboxMinLon and :bboxMaxLon and r.lat between :bboxMinLat and :bboxMaxLat");
		}
		long total = jdbc.sql("select count(*) from emergency_resources r join organisations o on o.id = r.organisation_id"
				+ where).params(params).query(Long.class).single();
		params.put("limit", Inputs.size(size));
		params.put("offset", (long) Inputs.page(page) * Inputs.size(size));
		List<EmergencyResource> items = jdbc.sql(SELECT + where + " order by r.code limit :limit offset :offset")
			.params(params).query(EmergencyResources::map).list();
		return new Page<>(items, total);
	}

	public EmergencyResource get(CurrentUser user, String code) {
		DataScope.SqlFilter filter = user.scope().sql("o");
		return jdbc.sql(SELECT + " where r.code = :code and " + filter.sql()).params(filter.params()).param("code", code)
			.query(EmergencyResources::map).optional()
			.orElseThrow(() -> new NotFoundException("emergency resource", code));
	}

	/** Every resource of a type (null = any), without scope check: for internal callers such as the map. */
	public List<EmergencyResource> all(String type) {
		return jdbc.sql(SELECT + " where (cast(:type as text) is null or r.type = :type) order by r.code")
			.param("type", type).query(EmergencyResources::map).list();
	}

	@Transactional
	public EmergencyResource create(CurrentUser user, NewEmergencyResource command) {
		String code = Inputs.code("code", command.code());
		Organisation owner = owners.writableOrganisation(user, "organisation", command.organisation());
		Map<String, Object> params = check(command);
		if (find(code).isPresent()) {
			throw new ConflictException("code", "an emergency resource with code '" + code + "' already exists / 应急资源编码重复");
		}
		jdbc.sql("""
				insert into emergency_resources (code, name, type, organisation_id, lon, lat, capacity, contact, phone)
				values (:code, :name, :type, :owner, :lon, :lat, :capacity, :contact, :phone)""")
			.params(params).param("code", code).param("owner", owner.id()).update();
		EmergencyResource created = find(code).orElseThrow();
		audit.record(user.username(), "create", "emergency_resource", code, owner.id(), null, created);
		events.publishEvent(new RegistryChanged("emergency_resource", code, "create"));
		return created;
	}

	/** Replaces everything but the code and the owner. */
	@Transactional
	public EmergencyResource update(CurrentUser user, String code, NewEmergencyResource command) {
		EmergencyResource before = get(user, code);
		if (command.organisation() != null && !command.organisation().equals(before.organisation())) {
			throw new InvalidInputException("organisation", "cannot be changed / 所属单位不可修改");
		}
		Organisation owner = owners.writableOrganisation(user, "organisation", before.organisation());
		jdbc.sql("""
				update emergency_resources set name = :name, type = :type, lon = :lon, lat = :lat, capacity = :capacity,
				    contact = :contact, phone = :phone, updated_at = now() where id = :id""")
			.params(check(command)).param("id", before.id()).update();
		EmergencyResource after = find(code).orElseThrow();
		audit.record(user.username(), "update", "emergency_resource", code, owner.id(), before, after);
		events.publishEvent(new RegistryChanged("emergency_resource", code, "update"));
		return after;
	}

	@Transactional
	public void delete(CurrentUser user, String code) {
		EmergencyResource before = get(user, code);
		Organisation owner = owners.writableOrganisation(user, "organisation", before.organisation());
		jdbc.sql("delete from emergency_resources where id = :id").param("id", before.id()).update();
		audit.record(user.username(), "delete", "emergency_resource", code, owner.id(), before, null);
		events.publishEvent(new RegistryChanged("emergency_resource", code, "delete"));
	}

	private Optional<EmergencyResource> find(String code) {
		return jdbc.sql(SELECT + " where r.code = :code").param("code", code).query(EmergencyResources::map).optional();
	}

	private static Map<String, Object> check(NewEmergencyResource command) {
		Map<String, Object> params = new HashMap<>();
		params.put("name", Inputs.text("name", command.name(), 200));
		if (!EmergencyResource.TYPES.contains(command.type())) {
			throw new InvalidInputException("type", "'" + command.type() + "' is not one of " + EmergencyResource.TYPES
					+ " / 应急资源类型无效");
		}
		params.put("type", command.type());
		if (command.lon() == null || command.lat() == null) {
			throw new InvalidInputException(command.lon() == null ? "lon" : "lat", "is required / 必填");
		}
		GeoJson.checkLonLat("lon", "lat", command.lon(), command.lat());
		params.put("lon", command.lon());
		params.put("lat", command.lat());
		params.put("capacity", Inputs.optionalText("capacity", command.capacity(), 200));
		params.put("contact", Inputs.optionalText("contact", command.contact(), 100));
		params.put("phone", Inputs.optionalText("phone", command.phone(), 40));
		return params;
	}

	private static EmergencyResource map(ResultSet rs, int row) throws SQLException {
		return new EmergencyResource(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("type"),
				rs.getString("organisation_code"), rs.getDouble("lon"), rs.getDouble("lat"), rs.getString("capacity"),
				rs.getString("contact"), rs.getString("phone"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}
}
