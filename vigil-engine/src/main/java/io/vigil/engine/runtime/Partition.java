package io.vigil.engine.runtime;

import io.vigil.engine.Evaluation;
import io.vigil.engine.Evaluator;
import io.vigil.engine.Outcome;
import io.vigil.engine.Reading;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The states of the keys one partition owns, and the loop body that applies rules to them. Not
 * thread-safe by design: exactly one thread drives a partition ({@link PartitionedRunner} gives each
 * partition its own thread; the backtest drives one directly), so the hot path takes no locks.
 */
public final class Partition {

	private static final System.Logger LOG = System.getLogger(Partition.class.getName());

	/** State of one rule for one subject; subjects with several rules chain their slots. */
	private static final class Slot {
		String ruleId;
		final String partitionKey;
		Evaluator<Object> evaluator;
		Object state;
		Slot next;

		Slot(String ruleId, String partitionKey, Evaluator<Object> evaluator, Object state, Slot next) {
			this.ruleId = ruleId;
			this.partitionKey = partitionKey;
			this.evaluator = evaluator;
			this.state = state;
			this.next = next;
		}
	}

	private static final Slot[] NONE = new Slot[0];

	private final Map<String, Slot> slots = new HashMap<>();
	/**
	 * Each sensor's slots in the order of its rules, resolved once per rule book: a reading then costs one map
	 * look-up instead of one per rule plus the book's look-ups (they were most of the engine's time). Cleared
	 * when the rules change or states are restored.
	 */
	private final Map<String, Slot[]> resolved = new HashMap<>();
	private final OutcomeSink sink;
	private RuleBook rules;
	/** Size of the last snapshot, to size the next one's buffer. */
	private int lastSnapshotBytes;

	public Partition(RuleBook rules, OutcomeSink sink) {
		this.rules = rules;
		this.sink = sink;
	}

	/**
	 * Swaps the rule book; states of rules that keep their id (and state type) carry over. Every state is
	 * reconciled at once, so that timers judge with the new rules without waiting for a reading: a state
	 * whose rule no longer judges its subject is dropped, unless the subject now has a rule of the same
	 * family without a state (same id up to {@code '#'}: the rule changed parameters, e.g. a sensor's set
	 * point), which then takes the state over.
	 */
	public void replaceRules(RuleBook rules) {
		this.rules = rules;
		invalidate();
		slots.replaceAll((subject, head) -> reconcile(subject, head));
		slots.values().removeIf(head -> head == null);
	}

	/** The subject's chain under the current rules; null when no state remains. */
	private Slot reconcile(String subject, Slot head) {
		List<Evaluator<?>> bound = rules.rulesFor(subject);
		Slot kept = null, last = null;
		for (Slot s = head; s != null; s = s.next) {
			@SuppressWarnings("unchecked")
			Evaluator<Object> evaluator = (Evaluator<Object>) rules.rule(s.ruleId);
			if (evaluator == null || !judges(bound, s.ruleId)) {
				evaluator = successor(bound, head, s.ruleId);
				if (evaluator == null) {
					continue;
				}
				s.ruleId = evaluator.ruleId();
			}
			if (s.evaluator != evaluator) {
				adopt(s, evaluator);
			}
			if (last == null) {
				kept = s;
			} else {
				last.next = s;
			}
			last = s;
		}
		if (last != null) {
			last.next = null;
		}
		return kept;
	}

	/**
	 * Whether a rule still judges this subject. Subjects that are no sensor key (an enterprise of a group
	 * rule, an asset of a coupled rule) have no rules of their own: their rule judges them while it exists.
	 */
	private static boolean judges(List<Evaluator<?>> bound, String ruleId) {
		if (bound.isEmpty()) {
			return true;
		}
		for (int i = 0, n = bound.size(); i < n; i++) {
			if (bound.get(i).ruleId().equals(ruleId)) {
				return true;
			}
		}
		return false;
	}

	/** A rule of the subject in the same family as {@code ruleId} that has no state in the chain yet. */
	@SuppressWarnings("unchecked")
	private static Evaluator<Object> successor(List<Evaluator<?>> bound, Slot head, String ruleId) {
		int hash = ruleId.indexOf('#');
		if (hash < 0) {
			return null;
		}
		for (Evaluator<?> candidate : bound) {
			String id = candidate.ruleId();
			if (id.length() > hash && id.charAt(hash) == '#' && id.regionMatches(0, ruleId, 0, hash) && !has(head, id)) {
				return (Evaluator<Object>) candidate;
			}
		}
		return null;
	}

	private static boolean has(Slot head, String ruleId) {
		for (Slot s = head; s != null; s = s.next) {
			if (s.ruleId.equals(ruleId)) {
				return true;
			}
		}
		return false;
	}

	/** Applies every rule of the reading's sensor. */
	public void process(Reading reading, Instant now) {
		Slot[] sensorSlots = resolved.get(reading.key());
		if (sensorSlots == null) {
			sensorSlots = resolve(reading);
		}
		for (Slot slot : sensorSlots) {
			Evaluator<Object> evaluator = slot.evaluator;
			try {
				apply(slot, evaluator.evaluate(reading, slot.state, now));
			} catch (RuntimeException e) {
				LOG.log(Level.WARNING, "rule " + slot.ruleId + " failed on " + reading + "; its state is reset", e);
				slot.state = evaluator.initial();
			}
		}
	}

	/** The slots of the reading's sensor under the rules in force; subjects depend on the key only. */
	private Slot[] resolve(Reading reading) {
		List<Evaluator<?>> evaluators = rules.rulesFor(reading.key());
		if (evaluators.isEmpty()) {
			return NONE;
		}
		String partitionKey = rules.partitionKeyOf(reading.key());
		Slot[] sensorSlots = new Slot[evaluators.size()];
		for (int i = 0; i < sensorSlots.length; i++) {
			@SuppressWarnings("unchecked")
			Evaluator<Object> evaluator = (Evaluator<Object>) evaluators.get(i);
			sensorSlots[i] = slot(evaluator.subjectOf(reading), evaluator, partitionKey);
		}
		resolved.put(reading.key(), sensorSlots);
		return sensorSlots;
	}

	private void invalidate() {
		resolved.clear();
	}

	/** Creates initial states for the sensor's rules, so that silence from the start is noticed. */
	public void register(String sensorKey, Instant now) {
		for (Evaluator<?> e : rules.rulesFor(sensorKey)) {
			@SuppressWarnings("unchecked")
			Evaluator<Object> evaluator = (Evaluator<Object>) e;
			Reading probe = Reading.of(sensorKey, now, Double.NaN);
			slot(evaluator.subjectOf(probe), evaluator, rules.partitionKeyOf(sensorKey));
		}
	}

	/** Lets every state judge the passage of time. */
	public void tick(Instant now) {
		for (Map.Entry<String, Slot> entry : slots.entrySet()) {
			for (Slot slot = entry.getValue(); slot != null; slot = slot.next) {
				if (slot.evaluator == null) {
					continue;
				}
				try {
					apply(slot, slot.evaluator.tick(entry.getKey(), slot.state, now));
				} catch (RuntimeException e) {
					LOG.log(Level.WARNING, "tick of rule " + slot.ruleId + " failed for " + entry.getKey(), e);
				}
			}
		}
	}

	private void apply(Slot slot, Evaluation<Object> evaluation) {
		Object state = evaluation.state();
		if (state != slot.state) {
			// Only when it changed: each store of a reference into a long-lived slot costs the G1 collector a card to
			// refine, and most evaluations keep their state.
			slot.state = state;
		}
		List<Outcome> outcomes = evaluation.outcomes();
		for (int i = 0, n = outcomes.size(); i < n; i++) {
			try {
				sink.accept(outcomes.get(i));
			} catch (RuntimeException e) {
				LOG.log(Level.ERROR, "outcome sink failed on " + outcomes.get(i), e);
			}
		}
	}

	private Slot slot(String subject, Evaluator<Object> evaluator, String partitionKey) {
		Slot head = slots.get(subject);
		String ruleId = evaluator.ruleId();
		for (Slot s = head; s != null; s = s.next) {
			if (s.ruleId.equals(ruleId)) {
				if (s.evaluator != evaluator) {
					adopt(s, evaluator);
				}
				return s;
			}
		}
		Slot created = new Slot(ruleId, partitionKey, evaluator, evaluator.initial(), head);
		slots.put(subject, created);
		return created;
	}

	/** A rule was reconfigured (or restored): keep its state if the type still fits. */
	private static void adopt(Slot slot, Evaluator<Object> evaluator) {
		Object fresh = evaluator.initial();
		if (slot.state == null || slot.state.getClass() != fresh.getClass()) {
			slot.state = fresh;
		}
		slot.evaluator = evaluator;
	}

	/** Number of (subject, rule) states held. */
	public int size() {
		int n = 0;
		for (Slot head : slots.values()) {
			for (Slot s = head; s != null; s = s.next) {
				n++;
			}
		}
		return n;
	}

	/**
	 * Serialises the states into one stream (a deep copy: safe to hand to another thread). A state that is the
	 * very object its rule's {@code initial()} returns (a shared constant: a threshold in normal, a sensor
	 * registered and not yet ticked) is left out: {@link #register} or the next reading recreates it.
	 *
	 * @throws UncheckedIOException when a state is not serialisable
	 */
	Snapshot.Part snapshot() {
		Snapshot.Writer writer = new Snapshot.Writer(lastSnapshotBytes + lastSnapshotBytes / 8);
		try {
			for (Map.Entry<String, Slot> entry : slots.entrySet()) {
				for (Slot s = entry.getValue(); s != null; s = s.next) {
					if (s.evaluator == null || s.state != s.evaluator.initial()) {
						writer.add(s.partitionKey, entry.getKey(), s.ruleId, s.state);
					}
				}
			}
			Snapshot.Part part = writer.finish();
			lastSnapshotBytes = part.stream().length;
			return part;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Restores states; rules that no longer exist are skipped, their evaluators resolved by id. States left out
	 * of the snapshot as initial come back when the sensors are registered, as after a fresh start.
	 */
	public void restore(List<Snapshot.Entry> entries) {
		invalidate();
		for (Snapshot.Entry e : entries) {
			@SuppressWarnings("unchecked")
			Evaluator<Object> evaluator = (Evaluator<Object>) rules.rule(e.ruleId());
			if (evaluator == null) {
				continue;
			}
			Slot head = slots.get(e.subject());
			Slot slot = new Slot(e.ruleId(), e.partitionKey(), null, e.state(), head);
			adopt(slot, evaluator);
			slots.put(e.subject(), slot);
		}
	}
}
