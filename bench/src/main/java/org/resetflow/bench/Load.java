package org.resetflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A closed-loop load: N threads, each one simulated user running journeys back to back. One warm-up for the JIT,
 * then for each N a ramp (not counted) and a fixed measuring window. A journey counts when it ends inside the
 * window; a step's time counts when the step ends inside it. Used for the journey over HTTP and for the ceiling.
 *
 * <p>A step's time runs from when it was due, not from when it was sent: after a user's think time
 * ({@link Journey#think}) the step is due at the end of the think time, and in an open-loop burst ({@link Burst}) at its
 * place in the schedule. A driver that falls behind (a late thread, a full pool) thus shows as latency instead of
 * hiding it (coordinated omission).
 */
public final class Load {

    /** The schedule: {@code warmup=40s,warmupThreads=8,ramp=5s,measure=30s,threads=1/8/32}. */
    public record Plan(Duration warmUp, int warmUpThreads, Duration ramp, Duration measure, List<Integer> threads) {

        public static Plan parse(String text) {
            Map<String, String> parts = new LinkedHashMap<>();
            for (String part : text.split(",")) {
                String[] pair = part.split("=", 2);
                parts.put(pair[0].trim(), pair[1].trim());
            }
            String threads = parts.getOrDefault("threads", "");
            return new Plan(seconds(parts.get("warmup")), Integer.parseInt(parts.get("warmupThreads")), seconds(parts.get("ramp")),
                    seconds(parts.get("measure")), threads.isEmpty() ? List.of() : Arrays.stream(threads.split("/")).map(Integer::valueOf).toList());
        }

        public String format() {
            return "warmup=%ds,warmupThreads=%d,ramp=%ds,measure=%ds,threads=%s".formatted(warmUp.toSeconds(), warmUpThreads,
                    ramp.toSeconds(), measure.toSeconds(), String.join("/", threads.stream().map(String::valueOf).toList()));
        }

        public Plan withThreads(List<Integer> only) {
            return new Plan(warmUp, warmUpThreads, ramp, measure, only);
        }

        public Plan withoutWarmUp() {
            return new Plan(Duration.ZERO, warmUpThreads, ramp, measure, threads);
        }

        /** Only the warm-up, no window. */
        public Plan warmUpOnly() {
            return new Plan(warmUp, warmUpThreads, ramp, measure, List.of());
        }

        public Plan withWindow(Duration ramp, Duration measure) {
            return new Plan(warmUp, warmUpThreads, ramp, measure, threads);
        }

        public Plan withWarmUp(Duration warmUp) {
            return new Plan(warmUp, warmUpThreads, ramp, measure, threads);
        }

        /** {@code 40s}: whole seconds. */
        public static Duration seconds(String text) {
            return Duration.ofSeconds(Long.parseLong(text.replace("s", "")));
        }
    }

    /** One simulated journey; throws when anything was not as expected (an error). */
    public interface Scenario {
        void run(Journey journey) throws Exception;
    }

    public interface Step {
        void run() throws Exception;
    }

    /** A journey that would have to wait past the end of the window: dropped, neither counted nor an error. */
    public static final class WindowClosed extends Exception {
        WindowClosed() {
            super(null, null, false, false);
        }
    }

    /** What a scenario sees of its journey: which user it is, and a way to time each step. */
    public static final class Journey {
        private final int user;
        private final long sequence;
        private final Window window;
        private boolean counted = true;
        /** When the next step is due (System.nanoTime), or 0: due when it is sent. */
        private long due;
        private boolean thought;

        Journey(int user, long sequence, Window window) {
            this.user = user;
            this.sequence = sequence;
            this.window = window;
        }

        /** {@code bench01} … : thread i is always the same user, so no two journeys of one user overlap. */
        public String user() {
            return "bench%02d".formatted(user + 1);
        }

        /** The how-manieth journey of this user in this phase. */
        public long sequence() {
            return sequence;
        }

        /** This one is load, not a journey of the measured kind (a decoy's probe): its steps count, it does not. */
        public void uncounted() {
            counted = false;
        }

        /**
         * The user thinks before the next step: for a random time around {@code mean} (half to one and a half times
         * it; before a user's first journey, zero to twice it, so that users arrive spread out). The next step is due
         * when the think time ends. A journey whose next step would be due after the window is dropped.
         */
        public void think(Duration mean) throws InterruptedException, WindowClosed {
            if (mean.isZero()) {
                return;
            }
            double factor = sequence == 0 && !thought ? ThreadLocalRandom.current().nextDouble(0, 2)
                    : ThreadLocalRandom.current().nextDouble(0.5, 1.5);
            thought = true;
            long at = System.nanoTime() + (long) (mean.toNanos() * factor);
            if (at > window.end) {
                throw new WindowClosed();
            }
            due = at;
            sleepUntil(at);
        }

        public void step(String name, Step step) throws Exception {
            long began = due != 0 ? Math.min(due, System.nanoTime()) : System.nanoTime();
            due = 0;
            step.run();
            long ended = System.nanoTime();
            window.recordStep(name, ended, ended - began);
        }
    }

    /**
     * An open-loop burst alongside the closed loop of a window: {@code count} journeys due at even intervals over
     * {@code spread} from the window's start, each sent at its due time by a thread of its own whatever the others
     * are doing, and timed from when it was due. Its journeys are load, not counted journeys; their errors count.
     */
    public record Burst(int count, Duration spread, Scenario scenario) {
    }

    /** Figures for one N. */
    public record Result(int threads, double seconds, long journeys, long errors, Map<String, long[]> stepNanos,
                         List<String> errorSamples, double cpuSeconds, double dbCpuSeconds) {

        public double journeysPerSecond() {
            return journeys / seconds;
        }

        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("threads", threads);
            json.put("measuredSeconds", seconds);
            json.put("journeys", journeys);
            json.put("journeysPerSecond", round(journeysPerSecond()));
            if (cpuSeconds >= 0 && journeys > 0) {
                json.put("cpuMsPerJourney", round(cpuSeconds * 1000 / journeys));
            }
            if (dbCpuSeconds >= 0 && journeys > 0) {
                // PostgreSQL's own processes (its backends of this database and its background processes)
                json.put("dbCpuMsPerJourney", round(dbCpuSeconds * 1000 / journeys));
                json.put("totalCpuMsPerJourney", round((cpuSeconds + dbCpuSeconds) * 1000 / journeys));
            }
            json.put("errors", errors);
            json.put("errorSamples", errorSamples);
            Map<String, Object> steps = new LinkedHashMap<>();
            stepNanos.forEach((name, nanos) -> steps.put(name, percentiles(nanos)));
            json.put("steps", steps);
            return json;
        }

        private static Map<String, Object> percentiles(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("count", sorted.length);
            json.put("p50Ms", millis(sorted, 0.50));
            json.put("p95Ms", millis(sorted, 0.95));
            json.put("p99Ms", millis(sorted, 0.99));
            json.put("maxMs", sorted.length == 0 ? 0 : round(sorted[sorted.length - 1] / 1e6));
            return json;
        }

        /** Nearest rank. */
        private static double millis(long[] sorted, double quantile) {
            if (sorted.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(quantile * sorted.length);
            return round(sorted[Math.max(0, rank - 1)] / 1e6);
        }
    }

    public static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private final Plan plan;
    private final List<String> stepOrder;
    private final LongSupplier cpuNanos;
    private final LongSupplier dbCpuNanos;
    private Burst burst;

    /**
     * @param cpuNanos the CPU time the measured process has used so far, read when each window opens and closes
     *                 (for the CPU time per journey, which is steadier than throughput on a shared machine)
     */
    public Load(Plan plan, LongSupplier cpuNanos, String... stepOrder) {
        this(plan, cpuNanos, () -> -1, stepOrder);
    }

    /** @param dbCpuNanos the CPU time the database's own processes have used so far, or -1 (H2: inside the JVM) */
    public Load(Plan plan, LongSupplier cpuNanos, LongSupplier dbCpuNanos, String... stepOrder) {
        this.plan = plan;
        this.cpuNanos = cpuNanos;
        this.dbCpuNanos = dbCpuNanos;
        this.stepOrder = List.of(stepOrder);
    }

    /** Adds an open-loop burst to each measured window. */
    public Load with(Burst burst) {
        this.burst = burst;
        return this;
    }

    /** Warms up, then measures each N in turn. */
    public Map<Integer, Result> run(Scenario scenario) {
        if (!plan.warmUp().isZero()) {
            Result warmUp = phase(scenario, plan.warmUpThreads(), Duration.ZERO, plan.warmUp());
            System.out.printf("  warm-up: %d journeys in %ds, %d errors%s%n", warmUp.journeys(), plan.warmUp().toSeconds(),
                    warmUp.errors(), warmUp.errorSamples().isEmpty() ? "" : " " + warmUp.errorSamples());
        }
        Map<Integer, Result> results = new LinkedHashMap<>();
        for (int threads : plan.threads()) {
            Result result = phase(scenario, threads, plan.ramp(), plan.measure());
            System.out.printf("  N=%-3d %8.2f journeys/s, %d errors%s%n", threads, result.journeysPerSecond(), result.errors(),
                    result.errorSamples().isEmpty() ? "" : " " + result.errorSamples());
            results.put(threads, result);
        }
        return results;
    }

    private Result phase(Scenario scenario, int threads, Duration ramp, Duration measure) {
        long start = System.nanoTime();
        Window window = new Window(start + ramp.toNanos(), start + ramp.toNanos() + measure.toNanos());
        List<Thread> users = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int user = i;
            Thread thread = new Thread(() -> {
                long sequence = 0;
                while (System.nanoTime() < window.end) {
                    try {
                        Journey journey = new Journey(user, sequence++, window);
                        scenario.run(journey);
                        if (journey.counted) {
                            window.journeyEnded(System.nanoTime());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (WindowClosed dropped) {
                        return;
                    } catch (Exception | AssertionError e) {
                        window.failed(System.nanoTime(), e);
                    }
                }
            }, "user-" + i);
            users.add(thread);
            thread.start();
        }
        long[] cpu = {-1, -1, -1, -1};
        Thread meter = new Thread(() -> {
            try {
                sleepUntil(window.begin);
                cpu[0] = cpuNanos.getAsLong();
                cpu[2] = dbCpuNanos.getAsLong();
                sleepUntil(window.end);
                cpu[1] = cpuNanos.getAsLong();
                cpu[3] = dbCpuNanos.getAsLong();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cpu-meter");
        meter.start();
        users.add(meter);
        if (burst != null && !measure.isZero()) {
            Thread scheduler = new Thread(() -> burst(window), "burst");
            scheduler.start();
            users.add(scheduler);
        }
        for (Thread thread : users) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        Map<String, long[]> steps = new LinkedHashMap<>();
        for (String name : stepOrder) {
            steps.put(name, window.steps(name));
        }
        window.stepNames().stream().filter(name -> !steps.containsKey(name)).sorted().forEach(name -> steps.put(name, window.steps(name)));
        double cpuSeconds = cpu[0] < 0 || cpu[1] < 0 ? -1 : (cpu[1] - cpu[0]) / 1e9;
        double dbCpuSeconds = cpu[2] < 0 || cpu[3] < 0 ? -1 : (cpu[3] - cpu[2]) / 1e9;
        return new Result(threads, measure.toNanos() / 1e9, window.journeys.get(), window.errors.get(), steps, List.copyOf(window.samples),
                cpuSeconds, dbCpuSeconds);
    }

    /** The burst's schedule: each journey handed to a thread of its own at its due time. */
    private void burst(Window window) {
        ExecutorService senders = Executors.newCachedThreadPool();
        try {
            long interval = burst.spread().toNanos() / Math.max(1, burst.count());
            for (int i = 0; i < burst.count(); i++) {
                long due = window.begin + i * interval;
                int user = i;
                sleepUntil(due);
                senders.execute(() -> {
                    Journey journey = new Journey(user, 0, window);
                    journey.due = due;
                    journey.uncounted();
                    try {
                        burst.scenario().run(journey);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Exception | AssertionError e) {
                        window.failed(System.nanoTime(), e);
                    }
                });
            }
            senders.shutdown();
            if (!senders.awaitTermination(2, TimeUnit.MINUTES)) {
                window.failed(System.nanoTime(), new IllegalStateException("burst journeys still running 2 minutes after the last was due"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            senders.shutdownNow();
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    /** This process's CPU time, for a load that runs inside the process it measures (the ceiling). */
    public static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The measuring window of one phase and what happened inside it. */
    static final class Window {
        final long begin;
        final long end;
        final AtomicLong journeys = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final List<String> samples = Collections.synchronizedList(new ArrayList<>());
        private final Map<String, ConcurrentLinkedQueue<Long>> steps = new ConcurrentHashMap<>();

        Window(long begin, long end) {
            this.begin = begin;
            this.end = end;
        }

        boolean inside(long at) {
            return at >= begin && at <= end;
        }

        void recordStep(String name, long endedAt, long nanos) {
            if (inside(endedAt)) {
                steps.computeIfAbsent(name, n -> new ConcurrentLinkedQueue<>()).add(nanos);
            }
        }

        void journeyEnded(long at) {
            if (inside(at)) {
                journeys.incrementAndGet();
            }
        }

        /** Every error counts, the ramp's too: the bench must show zero at every N. */
        void failed(long at, Throwable error) {
            errors.incrementAndGet();
            if (samples.size() < 5) {
                samples.add(String.valueOf(error.getMessage()));
            }
        }

        List<String> stepNames() {
            return new ArrayList<>(steps.keySet());
        }

        long[] steps(String name) {
            return steps.getOrDefault(name, new ConcurrentLinkedQueue<>()).stream().mapToLong(Long::longValue).toArray();
        }
    }
}
