package io.vigil.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vigil.detection.NewRuleSet;
import io.vigil.detection.RuleSets;
import io.vigil.duty.DutyRoster;
import io.vigil.organisation.ApiKeys;
import io.vigil.organisation.CurrentUser;
import io.vigil.organisation.DataScope;
import io.vigil.organisation.OrganisationService;
import io.vigil.organisation.OrganisationService.NewOrganisation;
import io.vigil.organisation.Organisations;
import io.vigil.organisation.Role;
import io.vigil.organisation.UserAccounts;
import io.vigil.organisation.UserAccounts.NewUser;
import io.vigil.registry.AssetRegistry;
import io.vigil.registry.ConstructionWorks;
import io.vigil.registry.EmergencyResources;
import io.vigil.registry.NewConstructionWork;
import io.vigil.registry.NewEmergencyResource;
import io.vigil.registry.NewAsset;
import io.vigil.registry.NewSensor;
import io.vigil.registry.SensorRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the Binhai demo once, in one transaction (a failed load leaves nothing behind and is retried at
 * the next start). Every object goes through the same public services, validation and audit as user
 * input. The demo users are listed in the README; their password is {@code demo}.
 *
 * <p>It loads before the web server starts, so that once {@code /actuator/health} answers the demo users
 * can log in.
 */
@Component
@ConditionalOnProperty(name = "vigil.demo", havingValue = "true")
class BinhaiDemo implements SmartInitializingSingleton {

	static final String DISTRICT = "binhai";

	static final String PASSWORD = "demo";

	private static final Logger log = LoggerFactory.getLogger(BinhaiDemo.class);

	private static final CurrentUser SYSTEM = new CurrentUser(0, "demo-loader", "demo loader", Role.PLATFORM_ADMIN,
			null, DataScope.EVERYTHING);

	private final OrganisationService organisationService;

	private final Organisations organisations;

	private final UserAccounts users;

	private final ApiKeys keys;

	private final AssetRegistry assets;

	private final SensorRegistry sensors;

	private final RuleSets rules;

	private final EmergencyResources resources;

	private final ConstructionWorks works;

	private final DutyRoster roster;

	private final JsonMapper json;

	private final TransactionTemplate transaction;

	private final DemoSettings settings;

	private final Clock clock;

	BinhaiDemo(OrganisationService organisationService, Organisations organisations, UserAccounts users, ApiKeys keys,
			AssetRegistry assets, SensorRegistry sensors, RuleSets rules, EmergencyResources resources,
			ConstructionWorks works, DutyRoster roster, JsonMapper json, TransactionTemplate transaction,
			DemoSettings settings, Clock clock) {
		this.organisationService = organisationService;
		this.organisations = organisations;
		this.users = users;
		this.keys = keys;
		this.assets = assets;
		this.sensors = sensors;
		this.rules = rules;
		this.resources = resources;
		this.works = works;
		this.roster = roster;
		this.json = json;
		this.transaction = transaction;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		loadIfAbsent();
	}

	/** The demo enterprises' codes, whether loaded just now or at an earlier start. */
	List<String> loadIfAbsent() {
		JsonNode demo = read();
		if (organisations.findByCode(DISTRICT).isEmpty()) {
			long started = System.nanoTime();
			transaction.executeWithoutResult(status -> load(demo));
			log.info("Loaded the Binhai demo in {} ms", (System.nanoTime() - started) / 1_000_000);
		}
		List<String> enterprises = new ArrayList<>();
		demo.get("enterprises").forEach(e -> enterprises.add(e.get("code").asString()));
		return enterprises;
	}

	private void load(JsonNode demo) {
		organisationService.create(SYSTEM, new NewOrganisation(DISTRICT, "滨海新区", "Binhai New Area", "region", "新区",
				null, List.of(), null, "区应急管理局值班室", "022-0000-0000"));
		for (Map.Entry<String, String> jurisdiction : jurisdictions(demo).entrySet()) {
			organisationService.create(SYSTEM, new NewOrganisation(jurisdiction.getKey(), jurisdiction.getValue(), null,
					"region", "街镇/功能区", DISTRICT, List.of(), null, null, null));
		}
		organisationService.create(SYSTEM, new NewOrganisation("bh-duty", "滨海新区安全风险监控值守中心", "Binhai duty center",
				"duty_center", null, null, List.of(), DISTRICT, "值班长", "022-0000-0110"));
		organisationService.create(SYSTEM, new NewOrganisation("bh-hazchem", "区应急管理局危险化学品安全监管科",
				"Hazardous chemicals regulator", "regulator", null, null, List.of("hazchem_pipeline"), DISTRICT, null,
				null));
		organisationService.create(SYSTEM, new NewOrganisation("bh-gas", "区城市管理委员会燃气处", "Gas regulator",
				"regulator", null, null, List.of("gas"), DISTRICT, null, null));
		user("admin", "平台管理员", Role.PLATFORM_ADMIN, null);
		user("duty", "值班员 张明", Role.DUTY_OFFICER, "bh-duty");
		user("binhai", "区应急管理局", Role.JURISDICTION_OFFICER, DISTRICT);
		user("tanggu", "塘沽街道安全办", Role.JURISDICTION_OFFICER, "120116001");
		user("hazchem", "危化品监管科", Role.REGULATOR, "bh-hazchem");
		for (JsonNode enterprise : demo.get("enterprises")) {
			String code = enterprise.get("code").asString();
			List<String> industries = new ArrayList<>();
			enterprise.get("industries").forEach(i -> industries.add(i.asString()));
			organisationService.create(SYSTEM, new NewOrganisation(code, text(enterprise, "name"),
					text(enterprise, "nameEn"), "enterprise", "企业", text(enterprise, "jurisdiction"), industries, null,
					text(enterprise, "contact"), text(enterprise, "phone")));
			user(code, text(enterprise, "name"), Role.ENTERPRISE_MANAGER, code);
			keys.registerDemoKey(SYSTEM, code, "demo-" + code);
		}
		for (JsonNode asset : demo.get("assets")) {
			assets.create(SYSTEM, new NewAsset(text(asset, "code"), text(asset, "name"), text(asset, "type"),
					text(asset, "enterprise"), text(asset, "parent"), asset.get("geometry"), asset.get("properties")));
		}
		for (JsonNode sensor : demo.get("sensors")) {
			sensors.create(SYSTEM, new NewSensor(text(sensor, "code"), text(sensor, "name"), text(sensor, "type"),
					text(sensor, "enterprise"), text(sensor, "asset"), null, sensor.get("lon").asDouble(),
					sensor.get("lat").asDouble(), null, null, null, null));
		}
		for (JsonNode resource : demo.get("emergencyResources")) {
			resources.create(SYSTEM, new NewEmergencyResource(text(resource, "code"), text(resource, "name"),
					text(resource, "type"), text(resource, "organisation"), resource.get("lon").asDouble(),
					resource.get("lat").asDouble(), text(resource, "capacity"), text(resource, "contact"),
					text(resource, "phone")));
		}
		for (JsonNode work : demo.get("constructionWorks")) {
			works.create(SYSTEM, new NewConstructionWork(text(work, "code"), text(work, "name"), text(work, "organisation"),
					work.get("geometry"), Instant.parse(text(work, "startsAt")), Instant.parse(text(work, "endsAt")),
					text(work, "contractor"), text(work, "permit")));
		}
		// The duty officer is on shift around the clock for a year, so escalations have someone to reach.
		Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
		roster.add(SYSTEM, new DutyRoster.NewShift("bh-duty", "duty", "officer", today, today.plus(Duration.ofDays(366))));
		for (JsonNode asset : demo.get("assets")) {
			if ("pipeline_segment".equals(text(asset, "type"))) {
				rules.create(SYSTEM, new NewRuleSet("asset", text(asset, "code"), null, true, leakRule(text(asset, "code"))));
			}
		}
	}

	/** Mass balance over the segment's end sensors, as the demo names them (…-PI, -PO, -FI, -FO). */
	private JsonNode leakRule(String segment) {
		return json.valueToTree(List.of(Map.of("kind", "mass_balance_leak", "inletPressure", segment + "-PI",
				"outletPressure", segment + "-PO", "inletFlow", segment + "-FI", "outletFlow", segment + "-FO", "window",
				"PT10M", "expectedImbalance", 8, "minPressureDrop", 0.05, "persistence", "PT1H")));
	}

	private void user(String username, String name, Role role, String organisation) {
		users.create(SYSTEM, new NewUser(username, name, PASSWORD, role.code(), organisation, null, null));
	}

	/** The demo's own jurisdictions, plus every sub-district of the reference list when it is at hand. */
	private Map<String, String> jurisdictions(JsonNode demo) {
		Map<String, String> jurisdictions = new LinkedHashMap<>();
		demo.get("jurisdictions").forEach(j -> jurisdictions.put(text(j, "code"), text(j, "name")));
		Path csv = Path.of(settings.referenceDir()).resolve("binhai-subdistricts.csv");
		if (Files.isReadable(csv)) {
			try {
				List<String> lines = Files.readAllLines(csv);
				for (String line : lines.subList(1, lines.size())) {
					String[] cells = line.split(",");
					if (cells.length >= 2) {
						jurisdictions.putIfAbsent(cells[0].strip(), cells[1].replace("\"", "").strip());
					}
				}
			}
			catch (IOException e) {
				log.warn("Could not read {}: {}; loading only the demo's own jurisdictions", csv, e.getMessage());
			}
		}
		else {
			log.info("{} not found: loading only the demo's own jurisdictions (set vigil.simulator.reference-dir)", csv);
		}
		return jurisdictions;
	}

	private JsonNode read() {
		try (InputStream in = new ClassPathResource("demo/binhai.json").getInputStream()) {
			return json.readTree(in);
		}
		catch (IOException e) {
			throw new IllegalStateException("demo/binhai.json is missing from the jar", e);
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}
}
