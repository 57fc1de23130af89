package io.vigil.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.engine.Evaluation;
import io.vigil.engine.Evaluator;
import io.vigil.engine.Feed;
import io.vigil.engine.Level;
import io.vigil.engine.Outcome;
import io.vigil.engine.Outcome.Kind;
import io.vigil.engine.Reading;
import io.vigil.engine.condition.Delay;
import io.vigil.engine.condition.Interruption;
import io.vigil.engine.condition.Limit;
import io.vigil.engine.condition.Threshold;
import io.vigil.engine.rule.ThresholdEvaluator;
import io.vigil.engine.rule.ThresholdState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PartitionedRunnerTest {

	private static final Threshold PRESSURE = new Threshold("p-high", List.of(Limit.high(4.0, Level.ORANGE)), 0.1,
			Delay.ofReadings(3), Delay.NONE);

	private static FixedRuleBook rules(int sensors) {
		FixedRuleBook.Builder builder = FixedRuleBook.builder();
		for (int i = 0; i < sensors; i++) {
			builder.bind("PT-" + i, PRESSURE).bind("PT-" + i, new Interruption("offline", Duration.ofSeconds(10), 3, Level.BLUE));
		}
		return builder.build();
	}

	/** A clock the test moves. */
	private static final class TestClock extends Clock {
		volatile Instant now = Feed.T0;

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}

	@Test
	void everySensorsOutcomesArriveInOrderAcrossPartitions() throws Exception {
		List<Outcome> seen = new CopyOnWriteArrayList<>();
		try (var runner = new PartitionedRunner(rules(50), seen::add, new TestClock(), 2, 64)) {
			for (int t = 0; t < 10; t++) {
				for (int s = 0; s < 50; s++) {
					runner.submit(Reading.of("PT-" + s, Feed.at(t), t < 5 ? 4.5 : 1.0));
				}
			}
			runner.flush();
		}
		assertThat(seen).hasSize(100);
		for (int s = 0; s < 50; s++) {
			String key = "PT-" + s;
			assertThat(seen.stream().filter(o -> o.key().equals(key)).map(Outcome::kind))
					.containsExactly(Kind.RAISED, Kind.RECOVERED);
			assertThat(seen.stream().filter(o -> o.key().equals(key) && o.kind() == Kind.RAISED).findFirst().orElseThrow().at())
					.isEqualTo(Feed.at(2));
		}
	}

	@Test
	void restartInTheMiddleOfAnOnDelayKeepsCounting() throws Exception {
		List<Outcome> seen = new CopyOnWriteArrayList<>();
		FixedRuleBook book = rules(1);
		byte[] stored;
		try (var runner = new PartitionedRunner(book, seen::add, new TestClock(), 2, 16)) {
			runner.submit(Reading.of("PT-0", Feed.at(0), 4.5));
			runner.submit(Reading.of("PT-0", Feed.at(1), 4.5));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			runner.snapshot().join().writeTo(out);
			stored = out.toByteArray();
		}
		assertThat(seen).isEmpty();
		try (var restarted = new PartitionedRunner(rules(1), seen::add, new TestClock(), 3, 16)) {
			restarted.restore(Snapshot.readFrom(new ByteArrayInputStream(stored))).join();
			restarted.submit(Reading.of("PT-0", Feed.at(2), 4.5));
			restarted.flush();
		}
		assertThat(seen).singleElement().satisfies(o -> {
			assertThat(o.kind()).isEqualTo(Kind.RAISED);
			assertThat(o.parameters()).containsEntry("readingsHeld", 3);
		});
	}

	@Test
	void aSnapshotOfThePreviousFormatOneStreamPerStateIsRestored() throws Exception {
		ThresholdEvaluator evaluator = new ThresholdEvaluator(PRESSURE);
		ThresholdState held = evaluator.evaluate(Reading.of("PT-0", Feed.at(0), 4.5), evaluator.initial(), Feed.at(0)).state();
		held = evaluator.evaluate(Reading.of("PT-0", Feed.at(1), 4.5), held, Feed.at(1)).state();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		DataOutputStream old = new DataOutputStream(bytes);
		old.writeInt(0x56474c31);
		old.writeInt(1);
		old.writeUTF("PT-0");
		old.writeUTF("PT-0");
		old.writeUTF("p-high");
		ByteArrayOutputStream state = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(state)) {
			out.writeObject(held);
		}
		old.writeInt(state.size());
		old.write(state.toByteArray());

		List<Outcome> seen = new CopyOnWriteArrayList<>();
		try (var restarted = new PartitionedRunner(rules(1), seen::add, new TestClock(), 2, 16)) {
			restarted.restore(Snapshot.readFrom(new ByteArrayInputStream(bytes.toByteArray()))).join();
			restarted.submit(Reading.of("PT-0", Feed.at(2), 4.5));
			restarted.flush();
		}
		assertThat(seen).singleElement().satisfies(o -> assertThat(o.parameters()).containsEntry("readingsHeld", 3));
	}

	@Test
	void aCorruptSnapshotIsRefusedBeforeAnyStateIsRestored() throws Exception {
		byte[] stored;
		try (var runner = new PartitionedRunner(rules(1), o -> { }, new TestClock(), 1, 16)) {
			runner.submit(Reading.of("PT-0", Feed.at(0), 4.5));
			runner.submit(Reading.of("PT-0", Feed.at(1), 4.5));
			stored = runner.snapshot().join().toBytes();
		}
		stored[16] = 0; // the first part's serialisation stream header, after magic, part count, entries and length

		List<Outcome> seen = new CopyOnWriteArrayList<>();
		try (var restarted = new PartitionedRunner(rules(1), seen::add, new TestClock(), 1, 16)) {
			Snapshot corrupt = Snapshot.readFrom(new ByteArrayInputStream(stored));
			assertThatThrownBy(() -> restarted.restore(corrupt)).isInstanceOf(IOException.class);
			assertThatThrownBy(() -> Snapshot.readFrom(new ByteArrayInputStream(new byte[] { 1, 2, 3, 4, 5 })))
					.isInstanceOf(IOException.class);
			restarted.submit(Reading.of("PT-0", Feed.at(2), 4.5));
			restarted.flush();
		}
		assertThat(seen).isEmpty();
	}

	@Test
	void statesOfRulesThatNoLongerExistAreSkippedOnRestore() throws Exception {
		byte[] stored;
		try (var runner = new PartitionedRunner(rules(1), o -> { }, new TestClock(), 1, 16)) {
			runner.submit(Reading.of("PT-0", Feed.at(0), 4.5));
			runner.submit(Reading.of("PT-0", Feed.at(1), 4.5));
			stored = runner.snapshot().join().toBytes();
		}
		List<Outcome> seen = new CopyOnWriteArrayList<>();
		try (var restarted = new PartitionedRunner(FixedRuleBook.builder().bind("PT-0", PRESSURE).build(), seen::add,
				new TestClock(), 1, 16)) {
			restarted.restore(Snapshot.readFrom(new ByteArrayInputStream(stored))).join();
			restarted.submit(Reading.of("PT-0", Feed.at(2), 4.5));
			restarted.flush();
		}
		assertThat(seen).extracting(Outcome::ruleId).containsExactly("p-high");
	}

	@Test
	void initialStatesAreLeftOutAndComeBackWhenTheSensorsAreRegistered() throws Exception {
		TestClock clock = new TestClock();
		byte[] stored;
		try (var runner = new PartitionedRunner(rules(3), o -> { }, clock, 2, 16)) {
			for (int s = 0; s < 3; s++) {
				runner.register("PT-" + s);
			}
			runner.submit(Reading.of("PT-0", Feed.at(0), 4.5));
			Snapshot snapshot = runner.snapshot().join();
			assertThat(snapshot.size()).as("PT-0's pending threshold and its last reading; nothing of PT-1 and PT-2").isEqualTo(2);
			stored = snapshot.toBytes();
		}
		List<Outcome> seen = new CopyOnWriteArrayList<>();
		try (var restarted = new PartitionedRunner(rules(3), seen::add, clock, 2, 16)) {
			restarted.restore(Snapshot.readFrom(new ByteArrayInputStream(stored))).join();
			for (int s = 0; s < 3; s++) {
				restarted.register("PT-" + s);
			}
			restarted.tick();
			clock.now = Feed.at(40);
			restarted.tick();
			restarted.flush();
		}
		assertThat(seen).extracting(Outcome::key).containsExactlyInAnyOrder("PT-0", "PT-1", "PT-2");
	}

	@Test
	void aStateThatCannotBeSerialisedFailsTheSnapshotInsteadOfHangingIt() throws Exception {
		Evaluator<Object> unserialisable = new Evaluator<>() {
			@Override
			public String ruleId() {
				return "opaque";
			}

			@Override
			public Object initial() {
				return new Object();
			}

			@Override
			public Evaluation<Object> evaluate(Reading reading, Object state, Instant now) {
				return Evaluation.quiet(state);
			}
		};
		RuleBook book = new RuleBook() {
			@Override
			public List<Evaluator<?>> rulesFor(String sensorKey) {
				return List.of(unserialisable);
			}

			@Override
			public Evaluator<?> rule(String ruleId) {
				return unserialisable;
			}
		};
		try (var runner = new PartitionedRunner(book, o -> { }, new TestClock(), 1, 16)) {
			runner.submit(Reading.of("X", Feed.at(0), 1.0));
			assertThatThrownBy(() -> runner.snapshot().get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
					.hasRootCauseInstanceOf(NotSerializableException.class);
		}
	}

	@Test
	void withoutTheSnapshotARestartWouldStartTheDelayAgain() throws Exception {
		List<Outcome> seen = new CopyOnWriteArrayList<>();
		try (var restarted = new PartitionedRunner(rules(1), seen::add, new TestClock(), 1, 16)) {
			restarted.submit(Reading.of("PT-0", Feed.at(2), 4.5));
			restarted.flush();
		}
		assertThat(seen).isEmpty();
	}

	@Test
	void registeredSensorThatNeverReportsGoesOfflineOnTick() throws Exception {
		List<Outcome> seen = new CopyOnWriteArrayList<>();
		TestClock clock = new TestClock();
		try (var runner = new PartitionedRunner(rules(2), seen::add, clock, 2, 16)) {
			runner.register("PT-0");
			runner.tick();
			clock.now = Feed.at(29);
			runner.submit(Reading.of("PT-1", Feed.at(29), 1.0));
			runner.tick();
			clock.now = Feed.at(30);
			runner.tick();
			runner.flush();
		}
		assertThat(seen).extracting(Outcome::key, Outcome::kind).containsExactly(org.assertj.core.groups.Tuple.tuple("PT-0", Kind.RAISED));
	}

	@Test
	void aFailingSinkDoesNotStopThePartition() throws Exception {
		List<Outcome> seen = new CopyOnWriteArrayList<>();
		OutcomeSink flaky = o -> {
			seen.add(o);
			throw new IllegalStateException("database down");
		};
		try (var runner = new PartitionedRunner(rules(1), flaky, new TestClock(), 1, 16)) {
			for (int t = 0; t < 6; t++) {
				runner.submit(Reading.of("PT-0", Feed.at(t), t < 3 ? 4.5 : 1.0));
			}
			runner.flush();
		}
		assertThat(seen).extracting(Outcome::kind).containsExactly(Kind.RAISED, Kind.RECOVERED);
	}

	@Test
	void batchesHandedOverInChunksKeepEachSensorsOrderWithAQueueSmallerThanTheBatch() throws Exception {
		List<Outcome> seen = new CopyOnWriteArrayList<>();
		try (var runner = new PartitionedRunner(rules(50), seen::add, new TestClock(), 2, 3)) {
			List<Reading> batch = new java.util.ArrayList<>();
			for (int t = 0; t < 10; t++) {
				for (int s = 0; s < 50; s++) {
					batch.add(Reading.of("PT-" + s, Feed.at(t), t < 5 ? 4.5 : 1.0));
				}
			}
			runner.submitAll(batch);
			runner.flush();
		}
		assertThat(seen).hasSize(100);
		for (int s = 0; s < 50; s++) {
			String key = "PT-" + s;
			assertThat(seen.stream().filter(o -> o.key().equals(key)).map(o -> o.kind() + "@" + o.at()))
					.containsExactly(Kind.RAISED + "@" + Feed.at(2), Kind.RECOVERED + "@" + Feed.at(5));
		}
	}

	@Test
	void replacedRulesApplyToASensorAlreadyJudgedAndKeepItsState() throws Exception {
		List<Outcome> seen = new CopyOnWriteArrayList<>();
		Threshold lower = new Threshold("p-high", List.of(Limit.high(2.0, Level.ORANGE)), 0.1, Delay.ofReadings(3),
				Delay.NONE);
		try (var runner = new PartitionedRunner(rules(1), seen::add, new TestClock(), 1, 16)) {
			runner.submitAll(List.of(Reading.of("PT-0", Feed.at(0), 3.0), Reading.of("PT-0", Feed.at(1), 3.0)));
			runner.flush();
			assertThat(seen).isEmpty();
			runner.replaceRules(FixedRuleBook.builder().bind("PT-0", lower).build());
			runner.submitAll(List.of(Reading.of("PT-0", Feed.at(2), 3.0), Reading.of("PT-0", Feed.at(3), 3.0),
					Reading.of("PT-0", Feed.at(4), 3.0)));
			runner.flush();
		}
		// 3.0 is below the old limit (4) and above the new one (2): the on-delay counts from the replacement
		assertThat(seen).singleElement().satisfies(o -> assertThat(o.at()).isEqualTo(Feed.at(4)));
		seen.clear();
		try (var runner = new PartitionedRunner(rules(1), seen::add, new TestClock(), 1, 16)) {
			runner.submitAll(List.of(Reading.of("PT-0", Feed.at(0), 4.5), Reading.of("PT-0", Feed.at(1), 4.5)));
			runner.flush();
			runner.replaceRules(FixedRuleBook.builder().bind("PT-0", lower).build());
			runner.submitAll(List.of(Reading.of("PT-0", Feed.at(2), 4.5)));
			runner.flush();
		}
		// same rule id, same state type: the two readings held under the old rule count towards the new one
		assertThat(seen).singleElement().satisfies(o -> {
			assertThat(o.kind()).isEqualTo(Kind.RAISED);
			assertThat(o.parameters()).containsEntry("readingsHeld", 3);
		});
	}
}
