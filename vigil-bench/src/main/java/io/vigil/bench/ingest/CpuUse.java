package io.vigil.bench.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where the CPU of a run went, read from {@code /proc}: Vigil's threads (its JIT compilers and garbage collector
 * apart), PostgreSQL's processes (all of them: the backends, the WAL writer, the checkpointer, autovacuum) and
 * this load generator. Throughput moves by tens of percent from run to run on a shared 2-core machine; CPU time
 * per reading moves much less, so it is what tells one build from another. Zeros without /proc.
 */
record CpuUse(long vigil, long compiler, long gc, long postgres, long generator) {

	static CpuUse now(long vigilPid) {
		long[] v = new long[3];
		if (vigilPid > 0) {
			try (Stream<Path> tasks = Files.list(Path.of("/proc/" + vigilPid + "/task"))) {
				// The process's own times include threads that have ended since (a pool's idle threads).
				v[0] = ticks(read(Path.of("/proc/" + vigilPid + "/stat")));
				tasks.forEach(task -> {
					String name = read(task.resolve("comm")).trim();
					long ticks = ticks(read(task.resolve("stat")));
					if (name.contains("CompilerThre")) {
						v[1] += ticks;
					}
					else if (name.startsWith("G1 ") || name.startsWith("GC ") || name.contains("GC Thread")) {
						v[2] += ticks;
					}
				});
			}
			catch (IOException | RuntimeException e) {
				// no /proc: zeros
			}
		}
		long postgres = 0;
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			// Live processes, and through the postmaster's cutime/cstime those that have ended (a closed connection's
			// backend, an autovacuum worker).
			postgres = processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
				.filter(p -> read(p.resolve("comm")).trim().equals("postgres"))
				.mapToLong(p -> {
					String stat = read(p.resolve("stat"));
					boolean postmaster = !read(Path.of("/proc/" + field(stat, 1) + "/comm")).trim().equals("postgres");
					return ticks(stat) + (postmaster ? childTicks(stat) : 0);
				})
				.sum();
		}
		catch (IOException | RuntimeException e) {
			// no /proc
		}
		return new CpuUse(v[0], v[1], v[2], postgres, ticks(read(Path.of("/proc/self/stat"))));
	}

	/** Microseconds of CPU per row since {@code before}: Vigil (without compilers and GC), its GC, PostgreSQL, generator. */
	static String since(CpuUse before, long vigilPid, long rows) {
		CpuUse after = now(vigilPid);
		double perRow = 10_000.0 / rows; // ticks are 1/100 s
		long compiled = after.compiler - before.compiler;
		long collected = after.gc - before.gc;
		return String.format(Locale.ROOT, "CPU µs a row: Vigil %.2f (+ GC %.2f, JIT %.2f), PostgreSQL %.2f, generator %.2f",
				(after.vigil - before.vigil - compiled - collected) * perRow, collected * perRow, compiled * perRow,
				(after.postgres - before.postgres) * perRow, (after.generator - before.generator) * perRow);
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException e) {
			return "";
		}
	}

	/** utime + stime of a {@code stat} line (fields 14 and 15). */
	private static long ticks(String stat) {
		return stat.isEmpty() ? 0 : Long.parseLong(field(stat, 11)) + Long.parseLong(field(stat, 12));
	}

	/** cutime + cstime of a {@code stat} line (fields 16 and 17): the children it has waited for. */
	private static long childTicks(String stat) {
		return stat.isEmpty() ? 0 : Long.parseLong(field(stat, 13)) + Long.parseLong(field(stat, 14));
	}

	/** The field {@code i} places after the command name (which may hold spaces): 1 is the parent's pid. */
	private static String field(String stat, int i) {
		return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[i];
	}
}
