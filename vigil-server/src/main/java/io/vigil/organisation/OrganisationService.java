package io.vigil.organisation;

import java.util.List;
import java.util.regex.Pattern;

import io.vigil.audit.AuditLog;
import io.vigil.platform.ConflictException;
import io.vigil.platform.ForbiddenException;
import io.vigil.platform.InvalidInputException;
import io.vigil.platform.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and lists organisations within the caller's scope; every change is audited. */
@Service
public class OrganisationService {

	static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

	private static final Pattern INDUSTRY = Pattern.compile("[a-z][a-z0-9_]{0,47}");

	private final JdbcClient jdbc;

	private final Organisations organisations;

	private final AuditLog audit;

	OrganisationService(JdbcClient jdbc, Organisations organisations, AuditLog audit) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.audit = audit;
	}

	/** What a new organisation needs; {@code parent} and {@code scopeRegion} are codes. */
	public record NewOrganisation(String code, String name, String nameEn, String kind, String levelLabel,
			String parent, List<String> industries, String scopeRegion, String contact, String phone) {
	}

	/** What may change; nulls keep the current value. Moving a node to another parent is not offered. */
	public record OrganisationChange(String name, String nameEn, String levelLabel, List<String> industries,
			String contact, String phone) {
	}

	public List<Organisation> list(CurrentUser user) {
		return organisations.findAll(user.scope());
	}

	public Organisation get(CurrentUser user, String code) {
		return organisations.findByCode(code).filter(user::canRead)
			.orElseThrow(() -> new NotFoundException("organisation", code));
	}

	@Transactional
	public Organisation create(CurrentUser user, NewOrganisation command) {
		String code = requireCode("code", command.code());
		String name = requireText("name", command.name(), 200);
		OrganisationKind kind = parseKind(command.kind());
		List<String> industries = industries(command.industries());
		Organisation parent = null;
		if (command.parent() != null && !command.parent().isBlank()) {
			parent = organisations.findByCode(command.parent()).filter(user::canRead)
				.orElseThrow(() -> new InvalidInputException("parent", "no organisation with code '"
						+ command.parent() + "' in your scope / 上级机构不存在"));
			if (parent.kind() != OrganisationKind.REGION) {
				throw new InvalidInputException("parent", "the parent must be a region, not a " + parent.kind().code()
						+ " / 上级机构必须是行政区域");
			}
		}
		Long scopeRegionId = null;
		switch (kind) {
			case ENTERPRISE -> {
				if (parent == null) {
					throw new InvalidInputException("parent", "an enterprise belongs to a region / 企业必须属于某个属地");
				}
			}
			case REGULATOR, DUTY_CENTER -> {
				if (parent != null) {
					throw new InvalidInputException("parent",
							"regulators and duty centers sit beside the tree: give scopeRegion, not parent / 行业主管部门和值守机构不在树内");
				}
				if (command.scopeRegion() != null) {
					Organisation region = organisations.findByCode(command.scopeRegion())
						.filter(o -> o.kind() == OrganisationKind.REGION)
						.orElseThrow(() -> new InvalidInputException("scopeRegion",
								"no region with code '" + command.scopeRegion() + "' / 监管区域不存在"));
					scopeRegionId = region.id();
				}
			}
			case REGION -> {
			}
		}
		requireMayManage(user, kind, parent);
		if (organisations.findByCode(code).isPresent()) {
			throw new ConflictException("code", "an organisation with code '" + code + "' already exists / 机构编码重复");
		}
		Long parentId = parent == null ? null : parent.id();
		long id = jdbc.sql("""
				insert into organisations (code, name, name_en, kind, level_label, parent_id, path, industries,
				    scope_region_id, contact, phone)
				values (:code, :name, :nameEn, :kind, :level, :parent, '', string_to_array(:industries, ','),
				    :scopeRegion, :contact, :phone)
				returning id""")
			.param("code", code).param("name", name).param("nameEn", command.nameEn()).param("kind", kind.code())
			.param("level", command.levelLabel()).param("parent", parentId)
			.param("industries", String.join(",", industries)).param("scopeRegion", scopeRegionId)
			.param("contact", command.contact()).param("phone", command.phone())
			.query(Long.class).single();
		String path = (parent == null ? "/" : parent.path()) + id + "/";
		jdbc.sql("update organisations set path = :path where id = :id").param("path", path).param("id", id).update();
		Organisation created = organisations.findById(id).orElseThrow();
		audit.record(user.username(), "create", "organisation", code, id, null, created);
		return created;
	}

	@Transactional
	public Organisation update(CurrentUser user, String code, OrganisationChange change) {
		Organisation before = get(user, code);
		Organisation parent = before.parentId() == null ? null : organisations.findById(before.parentId()).orElse(null);
		boolean ownEnterprise = user.role() == Role.ENTERPRISE_MANAGER && before.isEnterprise()
				&& Long.valueOf(before.id()).equals(user.organisationId());
		if (ownEnterprise) {
			// An enterprise may keep its own contact details current, nothing else.
			if (change.name() != null || change.industries() != null || change.levelLabel() != null) {
				throw new ForbiddenException("An enterprise may change only its contact and phone / 企业只能修改联系人和电话");
			}
		}
		else {
			requireMayManage(user, before.kind(), parent);
		}
		String name = change.name() == null ? before.name() : requireText("name", change.name(), 200);
		List<String> industries = change.industries() == null ? before.industries() : industries(change.industries());
		jdbc.sql("""
				update organisations set name = :name, name_en = :nameEn, level_label = :level,
				    industries = string_to_array(:industries, ','), contact = :contact, phone = :phone, updated_at = now()
				where id = :id""")
			.param("name", name).param("nameEn", change.nameEn() == null ? before.nameEn() : change.nameEn())
			.param("level", change.levelLabel() == null ? before.levelLabel() : change.levelLabel())
			.param("industries", String.join(",", industries))
			.param("contact", change.contact() == null ? before.contact() : change.contact())
			.param("phone", change.phone() == null ? before.phone() : change.phone())
			.param("id", before.id()).update();
		Organisation after = organisations.findById(before.id()).orElseThrow();
		audit.record(user.username(), "update", "organisation", code, before.id(), before, after);
		return after;
	}

	private static void requireMayManage(CurrentUser user, OrganisationKind kind, Organisation parent) {
		if (user.isAdmin()) {
			return;
		}
		boolean insideOwnSubtree = parent != null && user.scope().includes(parent);
		if (user.role() == Role.JURISDICTION_OFFICER && insideOwnSubtree
				&& (kind == OrganisationKind.ENTERPRISE || kind == OrganisationKind.REGION)) {
			return;
		}
		throw new ForbiddenException("Your role (" + user.role().code() + ") may not manage organisations here / 无权管理该机构");
	}

	static String requireCode(String field, String value) {
		if (value == null || !CODE.matcher(value).matches()) {
			throw new InvalidInputException(field,
					"must be 1–64 letters, digits, '_', '.' or '-', starting with a letter or digit / 编码格式错误");
		}
		return value;
	}

	static String requireText(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, "is required / 必填");
		}
		if (value.length() > max) {
			throw new InvalidInputException(field, "is longer than " + max + " characters / 过长");
		}
		return value.strip();
	}

	private static OrganisationKind parseKind(String kind) {
		try {
			return OrganisationKind.fromCode(kind == null ? "" : kind);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("kind", e.getMessage());
		}
	}

	private static List<String> industries(List<String> industries) {
		if (industries == null) {
			return List.of();
		}
		for (String industry : industries) {
			if (industry == null || !INDUSTRY.matcher(industry).matches()) {
				throw new InvalidInputException("industries",
						"'" + industry + "' is not an industry code (lowercase letters, digits, '_') / 行业编码格式错误");
			}
		}
		return List.copyOf(industries);
	}
}
