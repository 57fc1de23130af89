package io.vigil.detection.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.vigil.detection.internal.Compiled.RuleInfo;
import io.vigil.detection.internal.Compiled.Subject;
import io.vigil.engine.Outcome;
import io.vigil.engine.Reading;
import io.vigil.warning.ConditionReport;
import io.vigil.warning.WarningLevel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns engine outcomes into condition reports about registry objects. The warning's rule is the configured
 * rule's name ({@code threshold}, {@code data_quality:range}, {@code leak}…), so one open warning per object
 * and rule survives rule edits. An enterprise going offline stands for its sensors: their open offline
 * warnings are reported recovered ("merged into the enterprise warning") and new ones are held back until
 * the enterprise reports again. Called on partition threads: only map look-ups here.
 */
@Component
class OutcomeTranslator {

	private static final Logger log = LoggerFactory.getLogger(OutcomeTranslator.class);

	private static final Map<String, String> REPORT_KINDS = Map.of("threshold", "threshold", "rate", "rate", "trend", "trend",
			"interruption", "interruption", "group", "interruption", "data_quality", "data_quality", "mass_balance_leak", "leak",
			"gas_with_pressure_drop", "leak", "construction_intrusion", "intrusion", "robust_anomaly", "anomaly");

	private final CurrentRules current;

	private final DetectionMetrics metrics;

	/** Enterprises whose group silence is raised; their sensors' offline outcomes are inhibited. */
	private final Set<String> offlineEnterprises = ConcurrentHashMap.newKeySet();

	OutcomeTranslator(CurrentRules current, DetectionMetrics metrics) {
		this.current = current;
		this.metrics = metrics;
	}

	List<ConditionReport> translate(Outcome o) {
		Compiled rules = current.get();
		RuleInfo info = rules.rule(o.ruleId());
		Subject subject = rules.subjects().get(o.key());
		if (info == null || subject == null) {
			metrics.outcomesUnmapped.increment();
			log.warn("Outcome for an object or rule no longer configured, not reported: {}", o);
			return List.of();
		}
		if (info.kind().equals("group")) {
			return group(o, subject, rules);
		}
		if (info.kind().equals("interruption") && o.kind() != Outcome.Kind.RECOVERED
				&& offlineEnterprises.contains(subject.enterpriseCode())) {
			metrics.outcomesInhibited.increment();
			return List.of();
		}
		// Data-quality outcomes carry "<rule id>:<check>"; the check becomes part of the warning's rule.
		String check = rules.rules().containsKey(o.ruleId()) ? null : o.ruleId().substring(o.ruleId().lastIndexOf(':') + 1);
		String reasonZh = o.reasonZh(), reasonEn = o.reasonEn();
		// Out-of-range readings reach the engine as invalid (so value rules ignore them); say what they really are.
		if ("invalid".equals(check) && !o.readings().isEmpty() && !subject.inRange(o.readings().get(0).value())) {
			check = "range";
			double v = o.readings().get(0).value();
			if (o.kind() != Outcome.Kind.RECOVERED) {
				reasonZh = "数值 " + Outcome.format(v) + " 超出仪表量程 [" + Outcome.format(subject.rangeMin()) + ", "
						+ Outcome.format(subject.rangeMax()) + "]，疑似传感器故障";
				reasonEn = "value " + Outcome.format(v) + " outside the instrument range [" + Outcome.format(subject.rangeMin())
						+ ", " + Outcome.format(subject.rangeMax()) + "]; sensor fault suspected";
			}
		}
		String rule = check == null ? info.name() : info.name() + ":" + check;
		return List.of(report(o, kind(o), subject, rule, REPORT_KINDS.get(info.kind()), reasonZh, reasonEn, info));
	}

	private List<ConditionReport> group(Outcome o, Subject subject, Compiled rules) {
		if (subject.sensorId() != null) {
			return List.of(); // children are judged by their own interruption rules
		}
		List<ConditionReport> reports = new ArrayList<>();
		RuleInfo info = rules.rule(o.ruleId());
		if (o.kind() == Outcome.Kind.RECOVERED) {
			offlineEnterprises.remove(subject.enterpriseCode());
			reports.add(report(o, ConditionReport.Kind.RECOVERED, subject, info.name(), "interruption", o.reasonZh(), o.reasonEn(), info));
			return reports;
		}
		if (o.kind() == Outcome.Kind.RAISED) {
			offlineEnterprises.add(subject.enterpriseCode());
		}
		reports.add(report(o, kind(o), subject, info.name(), "interruption", o.reasonZh(), o.reasonEn(), info));
		for (String sensor : rules.sensorsByEnterprise().getOrDefault(subject.enterpriseCode(), List.of())) {
			Subject child = rules.subjects().get(sensor);
			reports.add(new ConditionReport(ConditionReport.Kind.RECOVERED, child.sensorId(), child.assetId(), child.enterpriseId(),
					"interruption", "interruption", child.domain(), WarningLevel.BLUE, Double.NaN, Double.NaN,
					"并入企业 " + subject.enterpriseCode() + " 的整体数据中断预警",
					"merged into the data-interruption warning of enterprise " + subject.enterpriseCode(),
					Map.of("inhibitedBy", o.ruleId()), true, o.at()));
		}
		return reports;
	}

	private static ConditionReport.Kind kind(Outcome o) {
		switch (o.kind()) {
			case RAISED:
				return ConditionReport.Kind.RAISED;
			case UPDATED:
				return ConditionReport.Kind.UPDATED;
			default:
				// INHIBITED: a parent's warning now stands for this one, which ends here as a recovery by the parent.
				return ConditionReport.Kind.RECOVERED;
		}
	}

	private static ConditionReport report(Outcome o, ConditionReport.Kind kind, Subject s, String rule, String ruleKind,
			String reasonZh, String reasonEn, RuleInfo info) {
		Map<String, Object> explanation = new LinkedHashMap<>();
		explanation.put("engineRule", o.ruleId());
		explanation.put("kind", info.kind());
		explanation.put("source", info.source());
		explanation.put("category", o.category().name().toLowerCase(java.util.Locale.ROOT));
		Map<String, Object> parameters = new LinkedHashMap<>();
		// JSON (and so jsonb) has no NaN or Infinity: a quantity not yet known is null
		o.parameters().forEach((k, v) -> parameters.put(k, v instanceof Double d && !Double.isFinite(d) ? null : v));
		explanation.put("parameters", parameters);
		List<Map<String, Object>> readings = new ArrayList<>();
		for (Reading r : o.readings()) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("sensor", r.key());
			m.put("ts", r.ts().toString());
			m.put("value", Double.isFinite(r.value()) ? r.value() : null);
			m.put("valid", r.valid());
			readings.add(m);
		}
		explanation.put("readings", readings);
		boolean dataQuality = o.category() == Outcome.Category.DATA_QUALITY || o.category() == Outcome.Category.DATA_INTERRUPTION;
		return new ConditionReport(kind, s.sensorId(), s.assetId(), s.enterpriseId(), rule, ruleKind, s.domain(),
				WarningLevel.valueOf(o.level().name()), o.value(), o.threshold(), reasonZh, reasonEn, explanation, dataQuality, o.at());
	}
}
