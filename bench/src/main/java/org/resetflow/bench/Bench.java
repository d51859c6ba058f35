package org.resetflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.resetflow.bench.ceiling.BareCamundaApplication;
import org.resetflow.bench.ceiling.StandIns;
import org.springframework.boot.SpringApplication;

/**
 * {@code bench/run}: ResetFlow's complete journeys per second against the engine's own ceiling. See
 * docs/performance.md. {@code java -jar resetflow-bench.jar [--quick] --jar target/resetflow-*.jar --out target/bench};
 * {@code java -jar resetflow-bench.jar app ...} is the bare Camunda application the driver starts;
 * {@code java -jar resetflow-bench.jar profile FILE.jfr} tells where the time went in a flight recording.
 */
public final class Bench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RESETFLOW_PORT = 18080;
    /** The second node of the two-node run. */
    private static final int RESETFLOW_PORT_B = 18081;
    private static final int CLOUD_LDAP_PORT = 11389;
    private static final int ON_PREMISES_LDAP_PORT = 12389;
    private static final int BARE_PORT = 18090;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    /** How many users the flight recording's window (not counted) runs with. */
    private static final int PROFILE_THREADS = 8;
    /** The N of the efficiency and two-node measurements, whose ratios are the median of several interleaved runs. */
    private static final int EFFICIENCY_THREADS = 8;
    /** The footprint: this heap at this N. */
    private static final String FOOTPRINT_HEAP = "-Xmx256m";
    private static final int FOOTPRINT_THREADS = 32;
    /** The options of ResetFlow's embedded database URL (src/main/resources/application-embedded.yml), for the ceiling's. */
    private static final String EMBEDDED_H2_OPTIONS = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";

    private final Settings settings;
    private final Path work;

    private Bench(Settings settings) throws Exception {
        this.settings = settings;
        this.work = Files.createTempDirectory("resetflow-bench");
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("app")) {
            SpringApplication.run(BareCamundaApplication.class, Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length == 2 && args[0].equals("profile")) {
            JfrTop.Profile profile = JfrTop.read(Path.of(args[1]), Instant.MIN, Instant.MAX);
            System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(profile));
            return;
        }
        Settings settings = Settings.parse(args);
        if (Files.isRegularFile(settings.jar())) {
            try {
                // before anything starts, rather than after ResetFlow's half of the run
                StandIns.check(settings.jar());
            } catch (IllegalStateException e) {
                System.err.println(e.getMessage());
                System.exit(2);
            }
        }
        Bench bench = new Bench(settings);
        try {
            bench.run();
        } finally {
            if (bench.settings.keepData()) {
                System.out.println("The servers' data is kept in " + bench.work + " (delete it when done)");
            } else {
                bench.deleteWork();
            }
        }
        System.exit(0);
    }

    /**
     * The servers' data (H2 files of several GiB after a full run) goes with the run, unless kept to read the
     * engine's history afterwards; the figures and logs stay.
     */
    private void deleteWork() throws IOException {
        try (var paths = Files.walk(work)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** What to run. */
    record Settings(boolean quick, Path jar, Path out, Load.Plan plan, List<Integer> mixedThreads, List<Integer> stormThreads,
                    Duration stormThink, int burst, Duration burstSpread, int efficiencyRuns, boolean footprint, boolean twoNodes,
                    int startupRuns, boolean jfr, boolean postgres, String postgresUrl, String postgresUser, String h2Options,
                    boolean keepData, boolean h2) {

        static Settings parse(String[] args) {
            Map<String, String> options = new LinkedHashMap<>();
            for (String arg : args) {
                String[] pair = arg.replaceFirst("^--", "").split("=", 2);
                options.put(pair[0], pair.length == 2 ? pair[1] : "true");
            }
            boolean quick = options.containsKey("quick");
            Load.Plan plan = quick ? Load.Plan.parse("warmup=10s,warmupThreads=8,ramp=2s,measure=5s,threads=1/8/32")
                    : Load.Plan.parse("warmup=40s,warmupThreads=8,ramp=5s,measure=30s,threads=1/8/32");
            if (options.containsKey("plan")) {
                plan = Load.Plan.parse(options.get("plan"));
            }
            return new Settings(quick, Path.of(options.getOrDefault("jar", "target/resetflow-0.1.0-SNAPSHOT.jar")).toAbsolutePath(),
                    Path.of(options.getOrDefault("out", "target/bench")).toAbsolutePath(), plan,
                    options.containsKey("no-questions") ? List.of() : quick ? List.of(8) : plan.threads(),
                    options.containsKey("no-storm") ? List.of() : Arrays.stream(options.getOrDefault("storm-threads", quick ? "40" : "200").split("/"))
                            .map(Integer::valueOf).toList(),
                    // a person's pace: reading an emailed code, inventing a new password and typing it twice (bench/NOTES.md)
                    Load.Plan.seconds(options.getOrDefault("storm-think", quick ? "1s" : "15s")),
                    Integer.parseInt(options.getOrDefault("burst", quick ? "40" : "200")),
                    Load.Plan.seconds(options.getOrDefault("burst-within", quick ? "4s" : "10s")),
                    Integer.parseInt(options.getOrDefault("efficiency-runs", "3")),
                    !options.containsKey("no-footprint"), !options.containsKey("no-two-nodes"),
                    Integer.parseInt(options.getOrDefault("startup-runs", quick ? "1" : "3")),
                    Boolean.parseBoolean(options.getOrDefault("jfr", String.valueOf(!quick))),
                    !options.containsKey("no-postgres"),
                    options.getOrDefault("postgres-url", "jdbc:postgresql://127.0.0.1:5432/"),
                    options.getOrDefault("postgres-user", "postgres"), options.getOrDefault("h2-options", ""),
                    options.containsKey("keep-data"), !options.containsKey("no-h2"));
        }
    }

    private void run() throws Exception {
        Files.createDirectories(settings.out());
        if (!Files.isRegularFile(settings.jar())) {
            throw new IllegalArgumentException("No ResetFlow jar at " + settings.jar() + ": build it first (bench/run does)");
        }
        Path self = Path.of(System.getProperty("java.class.path")).toAbsolutePath();
        ObjectNode results = JSON.createObjectNode();
        results.put("mode", settings.quick() ? "quick" : "full");
        results.put("date", Instant.now().toString());
        results.set("machine", JSON.valueToTree(Machine.describe()));
        results.put("plan", settings.plan().format());
        results.put("heap", "-Xmx512m");
        ObjectNode databases = results.putObject("databases");
        List<Double> resetflowStartups = new ArrayList<>();
        List<Double> bareStartups = new ArrayList<>();

        // PostgreSQL, the database production uses, first; H2 second
        List<String> dbs = new ArrayList<>();
        if (settings.postgres()) {
            if (postgresReachable()) {
                dbs.add("postgres");
            } else {
                System.out.println("PostgreSQL at " + settings.postgresUrl() + " is not reachable: H2 only");
                results.put("postgres", "not reachable at " + settings.postgresUrl());
            }
        }
        if (settings.h2() || dbs.isEmpty()) {
            dbs.add("h2");
        }
        for (String db : dbs) {
            // PostgreSQL as production runs it, for its part of the run only; nothing to set for H2
            try (Autovacuum autovacuum = db.equals("postgres") ? Autovacuum.ensureOn(settings.postgresUrl() + "postgres", settings.postgresUser()) : null) {
                if (autovacuum != null) {
                    results.put("postgresAutovacuum", autovacuum.state());
                }
                databases.set(db, JSON.valueToTree(database(db, self, resetflowStartups, bareStartups)));
            }
        }
        for (int i = 1; i < settings.startupRuns(); i++) {
            resetflowStartups.add(startupOnly("resetflow-startup-" + i, null, false));
            bareStartups.add(startupOnly("bare-startup-" + i, self, true));
        }
        results.put("startupSeconds", median(resetflowStartups));
        results.put("bareStartupSeconds", median(bareStartups));
        results.put("startupRatio", Load.round(median(resetflowStartups) / median(bareStartups)));
        results.set("startupRuns", JSON.valueToTree(Map.of("resetflow", resetflowStartups, "bare", bareStartups)));
        results.set("checks", JSON.valueToTree(Checks.of(results)));
        Path file = settings.out().resolve("results.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), results);
        String table = Report.markdown(results);
        Files.writeString(settings.out().resolve("results.md"), table);
        System.out.println();
        System.out.println(table);
        System.out.println("Written: " + file.toAbsolutePath());
    }

    private Map<String, Object> database(String db, Path self, List<Double> resetflowStartups, List<Double> bareStartups) throws Exception {
        System.out.printf("%n== %s: ResetFlow and the ceiling, windows interleaved (%s)%n", db, settings.plan().format());
        Map<String, Object> figures = new LinkedHashMap<>();
        Map<String, Object> email = new LinkedHashMap<>();
        Map<String, Object> ceiling = new LinkedHashMap<>();
        Map<String, Object> mixed = new LinkedHashMap<>();
        Map<String, Object> storm = new LinkedHashMap<>();
        Path jfr = settings.out().resolve("resetflow-" + db + ".jfr");
        String cloudPassword = UUID.randomUUID().toString();
        LongSupplier databaseCpu = db.equals("postgres")
                ? new PostgresCpu(settings.postgresUrl() + "resetflow_bench", settings.postgresUser(), "") : () -> -1;
        Instant profileFrom = null;
        Instant profileTo = null;
        Scenarios scenarios;
        try (ServerProcess resetflow = startResetFlow("resetflow-" + db, "resetflow-" + db, db, cloudPassword, ServerProcess.HEAP,
                RESETFLOW_PORT, true, ActuatorOverJmx.ARGUMENTS)) {
            double startup = resetflow.awaitReady(URI.create("http://127.0.0.1:" + RESETFLOW_PORT + "/actuator/health/readiness"), START_TIMEOUT);
            System.out.printf("  ready in %.2f s%n", startup);
            if (db.equals("h2")) {
                resetflowStartups.add(startup);
            }
            JourneyClient api = new JourneyClient(URI.create("http://127.0.0.1:" + RESETFLOW_PORT));
            BenchUsers users = new BenchUsers();
            int count = java.util.stream.Stream.of(settings.plan().threads().stream(), settings.stormThreads().stream(),
                            java.util.stream.Stream.of(settings.burst(), settings.plan().warmUpThreads(), FOOTPRINT_THREADS))
                    .flatMap(s -> s).mapToInt(Integer::intValue).max().orElse(1);
            users.create(count, CLOUD_LDAP_PORT, cloudPassword, api);
            System.out.printf("  %d users registered%n", count);
            scenarios = new Scenarios(api, users);

            // The ceiling runs beside ResetFlow all along, so that their windows can alternate: A B A B, not A A B B.
            try (ServerProcess bare = startBare("ceiling-" + db, self, db, ServerProcess.HEAP, List.of("--bench.ceiling.models=" + settings.jar()))) {
                double bareStartup = bare.awaitReady(URI.create("http://127.0.0.1:" + BARE_PORT + "/actuator/health/readiness"), START_TIMEOUT);
                System.out.printf("  bare application (the ceiling) ready in %.2f s%n", bareStartup);
                if (db.equals("h2")) {
                    bareStartups.add(bareStartup);
                }
                new Load(settings.plan().warmUpOnly(), resetflow::cpuNanos, Scenarios.EMAIL_STEPS).run(scenarios::email);
                ceilingWindows(settings.plan().warmUpOnly());
                System.out.println("  ceiling warmed up");
                resetflow.takePeakRssMiB();
                double handOversBefore = ActuatorOverJmx.counter(resetflow.pid(), HAND_OVER_METRIC);
                for (int threads : settings.plan().threads()) {
                    int runs = threads == EFFICIENCY_THREADS ? settings.efficiencyRuns() : 1;
                    List<Map<String, Object>> own = new ArrayList<>();
                    List<Map<String, Object>> top = new ArrayList<>();
                    for (int run = 0; run < runs; run++) {
                        own.add(window(resetflow, api, databaseCpu, threads, Scenarios.EMAIL_STEPS, scenarios::email));
                        Map<String, Object> window = ceilingWindow(threads);
                        System.out.printf("  ceiling N=%-3d %8.2f journeys/s, %s errors%n", threads,
                                ((Number) window.get("journeysPerSecond")).doubleValue(), window.get("errors"));
                        top.add(window);
                    }
                    Interleaved pairs = Interleaved.of(own, top);
                    email.put(String.valueOf(threads), pairs.own());
                    ceiling.put(String.valueOf(threads), pairs.ceiling());
                }
                double handOvers = ActuatorOverJmx.counter(resetflow.pid(), HAND_OVER_METRIC);
                figures.put("handOverAnswers", handOvers < 0 || handOversBefore < 0 ? -1 : Load.round(handOvers - handOversBefore));
                figures.put("ceilingPeakRssMiB", bare.highWaterMarkMiB());
                figures.put("ceilingStartupSeconds", Load.round(bareStartup));
                bare.close();
                figures.put("ceilingGc", bare.gc());
            }

            System.out.println("  security questions mixed in (every second journey):");
            for (int threads : settings.mixedThreads()) {
                mixed.put(String.valueOf(threads), window(resetflow, api, databaseCpu, threads, Scenarios.MIXED_STEPS, scenarios::mixed));
            }
            storm(resetflow, api, scenarios, databaseCpu, storm);
            if (settings.jfr()) {
                // A profiler costs the journey more than the ceiling, so it runs in a window of its own, not counted.
                System.out.printf("  flight recording, N=%d (not counted)%n", PROFILE_THREADS);
                resetflow.startRecording(jfr);
                profileFrom = Instant.now();
                new Load(settings.plan().withoutWarmUp().withThreads(List.of(PROFILE_THREADS)), resetflow::cpuNanos, Scenarios.EMAIL_STEPS)
                        .run(scenarios::email);
                profileTo = Instant.now();
                resetflow.stopRecording();
            }
            figures.put("peakRssMiB", resetflow.highWaterMarkMiB());
            figures.put("startupSeconds", Load.round(startup));
            resetflow.close();
            figures.put("gc", resetflow.gc());
        }
        combine(mixed, ceiling);
        combine(storm, ceiling);
        figures.put("email", email);
        figures.put("questionsMixed", mixed);
        figures.put("storm", storm);
        figures.put("ceiling", ceiling);
        if (settings.footprint()) {
            figures.put("footprint", footprint(db, self, cloudPassword, scenarios, databaseCpu));
        }
        if (settings.twoNodes() && db.equals("postgres")) {
            figures.put("twoNodes", twoNodes(cloudPassword, scenarios, databaseCpu, email));
        }
        if (settings.jfr()) {
            JfrTop.Profile profile = JfrTop.read(jfr, profileFrom, profileTo);
            figures.put("profile", profile);
        }
        return figures;
    }

    /** One window of ResetFlow at N, with the answers that said "working" and the peak resident memory. */
    private Map<String, Object> window(ServerProcess resetflow, JourneyClient api, LongSupplier databaseCpu, int threads, String[] steps,
                                       Load.Scenario scenario) {
        long working = api.workingAnswers.get();
        long compiling = resetflow.compilerCpuNanos();
        Load.Result result = new Load(settings.plan().withoutWarmUp().withThreads(List.of(threads)), resetflow::cpuNanos, databaseCpu, steps)
                .run(scenario).get(threads);
        Map<String, Object> json = result.toJson();
        json.put("compilerCpuMs", compilerMs(compiling, resetflow.compilerCpuNanos()));
        json.put("workingAnswers", api.workingAnswers.get() - working);
        json.put("peakRssMiB", resetflow.takePeakRssMiB());
        return json;
    }

    /** The JIT compilers' CPU time between two readings, in milliseconds; 0 when a reading failed (the process ended). */
    private static long compilerMs(long before, long after) {
        return before < 0 || after < 0 ? 0 : (after - before) / 1_000_000;
    }

    /** The Micrometer counter of answers that waited on a cross-node hand-over (ResetFlow's HandOvers). */
    static final String HAND_OVER_METRIC = "resetflow.journey.handover.waits";

    /**
     * The storm: N users (200) with think time between steps, a closed loop that mixes email (70 %), security questions
     * (25 %) and decoys (5 %), and during its window an open-loop burst of journey starts (200 within 10 s). Every
     * step is timed from when it was due.
     */
    private void storm(ServerProcess resetflow, JourneyClient api, Scenarios scenarios, LongSupplier databaseCpu, Map<String, Object> storm) {
        Duration think = settings.stormThink();
        Scenarios thinking = scenarios.thinking(think);
        for (int threads : settings.stormThreads()) {
            System.out.printf("  storm: %d users thinking %d s on average between steps (70 %% email, 25 %% questions, 5 %% decoys),"
                    + " and %d journey starts within %d s%n", threads, think.toSeconds(), settings.burst(), settings.burstSpread().toSeconds());
            long working = api.workingAnswers.get();
            long tryAgain = api.tryAgainAnswers.get();
            Duration ramp = max(settings.plan().ramp(), think.multipliedBy(2));
            // long enough for each user to go through about one whole journey, and for the whole burst
            Duration measure = max(max(settings.plan().measure(), settings.burstSpread()), think.multipliedBy(4));
            Load.Result result = new Load(settings.plan().withoutWarmUp().withWindow(ramp, measure).withThreads(List.of(threads)),
                    resetflow::cpuNanos, databaseCpu, Scenarios.STORM_STEPS)
                    .with(new Load.Burst(settings.burst(), settings.burstSpread(), thinking::burstStart))
                    .run(thinking::storm).get(threads);
            Map<String, Object> json = result.toJson();
            json.put("thinkSeconds", think.toSeconds());
            json.put("burst", Map.of("journeyStarts", settings.burst(), "withinSeconds", settings.burstSpread().toSeconds()));
            json.put("workingAnswers", api.workingAnswers.get() - working);
            json.put("tryAgainAnswers", api.tryAgainAnswers.get() - tryAgain);
            json.put("peakRssMiB", resetflow.takePeakRssMiB());
            storm.put(String.valueOf(threads), json);
        }
    }

    /**
     * The footprint: ResetFlow restarted on the same data with a heap of 256 MiB, N = 32, then the bare application
     * with the same heap running the ceiling at the same N; the resident memory of both.
     */
    private Map<String, Object> footprint(String db, Path self, String cloudPassword, Scenarios scenarios, LongSupplier databaseCpu)
            throws Exception {
        System.out.printf("  footprint: %s at N=%d%n", FOOTPRINT_HEAP, FOOTPRINT_THREADS);
        Load.Plan plan = settings.plan().withThreads(List.of(FOOTPRINT_THREADS));
        Map<String, Object> footprint = new LinkedHashMap<>();
        footprint.put("heap", FOOTPRINT_HEAP);
        footprint.put("threads", FOOTPRINT_THREADS);
        try (ServerProcess small = startResetFlow("resetflow-" + db + "-256m", "resetflow-" + db, db, cloudPassword, FOOTPRINT_HEAP,
                RESETFLOW_PORT, false, List.of())) {
            small.awaitReady(URI.create("http://127.0.0.1:" + RESETFLOW_PORT + "/actuator/health/readiness"), START_TIMEOUT);
            JourneyClient api = new JourneyClient(URI.create("http://127.0.0.1:" + RESETFLOW_PORT));
            Scenarios through = scenarios.through(api);
            new Load(plan.warmUpOnly(), small::cpuNanos, Scenarios.EMAIL_STEPS).run(through::email);
            small.takePeakRssMiB();
            Load.Result result = new Load(plan.withoutWarmUp(), small::cpuNanos, databaseCpu, Scenarios.EMAIL_STEPS)
                    .run(through::email).get(FOOTPRINT_THREADS);
            Map<String, Object> json = result.toJson();
            json.put("peakRssMiB", small.takePeakRssMiB());
            json.put("highWaterMarkMiB", small.highWaterMarkMiB());
            small.close();
            json.put("gc", small.gc());
            footprint.put("resetflow", json);
        }
        try (ServerProcess bare = startBare("ceiling-" + db + "-256m", self, db, FOOTPRINT_HEAP,
                List.of("--bench.ceiling.models=" + settings.jar()))) {
            bare.awaitReady(URI.create("http://127.0.0.1:" + BARE_PORT + "/actuator/health/readiness"), START_TIMEOUT);
            ceilingWindows(plan.warmUpOnly());
            bare.takePeakRssMiB();
            Map<String, Object> json = ceilingWindow(FOOTPRINT_THREADS);
            json.put("peakRssMiB", bare.takePeakRssMiB());
            json.put("highWaterMarkMiB", bare.highWaterMarkMiB());
            bare.close();
            json.put("gc", bare.gc());
            footprint.put("bare", json);
        }
        return footprint;
    }

    /**
     * Two nodes on one PostgreSQL database, each request to the next node as a round-robin load balancer sends it:
     * the CPU time per journey of both nodes together against one node's (the median of the same number of runs), and
     * how many answers waited on a hand-over from the other node.
     */
    private Map<String, Object> twoNodes(String cloudPassword, Scenarios scenarios, LongSupplier databaseCpu, Map<String, Object> email)
            throws Exception {
        System.out.printf("  two nodes on one PostgreSQL database, N=%d%n", EFFICIENCY_THREADS);
        Map<String, Object> twoNodes = new LinkedHashMap<>();
        List<String> jmx = ActuatorOverJmx.ARGUMENTS;
        List<String> second = new ArrayList<>(jmx);
        // the second node uses the first node's embedded directories, as a cluster shares one directory
        second.add("--resetflow.embedded-directories.enabled=false");
        try (ServerProcess nodeA = startResetFlow("resetflow-postgres-node-a", "resetflow-postgres", "postgres", cloudPassword,
                ServerProcess.HEAP, RESETFLOW_PORT, false, jmx)) {
            nodeA.awaitReady(URI.create("http://127.0.0.1:" + RESETFLOW_PORT + "/actuator/health/readiness"), START_TIMEOUT);
            try (ServerProcess nodeB = startResetFlow("resetflow-postgres-node-b", "resetflow-postgres-b", "postgres", cloudPassword,
                    ServerProcess.HEAP, RESETFLOW_PORT_B, false, second)) {
                nodeB.awaitReady(URI.create("http://127.0.0.1:" + RESETFLOW_PORT_B + "/actuator/health/readiness"), START_TIMEOUT);
                JourneyClient api = new JourneyClient(URI.create("http://127.0.0.1:" + RESETFLOW_PORT), URI.create("http://127.0.0.1:" + RESETFLOW_PORT_B));
                Scenarios through = scenarios.through(api);
                LongSupplier bothNodes = () -> {
                    long a = nodeA.cpuNanos();
                    long b = nodeB.cpuNanos();
                    return a < 0 || b < 0 ? -1 : a + b;
                };
                Load.Plan plan = settings.plan().withThreads(List.of(EFFICIENCY_THREADS));
                // Each node as warm as the one node was: it takes half the requests, so twice the warm-up. With the
                // one node's warm-up, the nodes' compilers still worked in the measured windows (CPU per journey of
                // the three runs falling 173, 156, 143 ms; bench/NOTES.md).
                new Load(plan.withWarmUp(plan.warmUp().multipliedBy(2)).warmUpOnly(), bothNodes, Scenarios.EMAIL_STEPS).run(through::email);
                double before = ActuatorOverJmx.counter(nodeA.pid(), HAND_OVER_METRIC) + ActuatorOverJmx.counter(nodeB.pid(), HAND_OVER_METRIC);
                long working = api.workingAnswers.get();
                List<Map<String, Object>> runs = new ArrayList<>();
                for (int run = 0; run < settings.efficiencyRuns(); run++) {
                    long compilingA = nodeA.compilerCpuNanos();
                    long compilingB = nodeB.compilerCpuNanos();
                    Map<String, Object> json = new Load(plan.withoutWarmUp(), bothNodes, databaseCpu, Scenarios.EMAIL_STEPS).run(through::email)
                            .get(EFFICIENCY_THREADS).toJson();
                    json.put("compilerCpuMs", compilerMs(compilingA, nodeA.compilerCpuNanos()) + compilerMs(compilingB, nodeB.compilerCpuNanos()));
                    runs.add(json);
                }
                double after = ActuatorOverJmx.counter(nodeA.pid(), HAND_OVER_METRIC) + ActuatorOverJmx.counter(nodeB.pid(), HAND_OVER_METRIC);
                double twoNodeCpu = median(runs.stream().map(r -> number(r, "cpuMsPerJourney")).toList());
                @SuppressWarnings("unchecked")
                Map<String, Object> oneNode = (Map<String, Object>) email.getOrDefault(String.valueOf(EFFICIENCY_THREADS), Map.of());
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> single = (List<Map<String, Object>>) oneNode.getOrDefault("runs", List.of());
                double oneNodeCpu = single.isEmpty() ? 0 : median(single.stream().map(r -> number(r, "cpuMsPerJourney")).toList());
                twoNodes.put("threads", EFFICIENCY_THREADS);
                twoNodes.put("journeysPerSecond", median(runs.stream().map(r -> number(r, "journeysPerSecond")).toList()));
                twoNodes.put("cpuMsPerJourney", twoNodeCpu);
                twoNodes.put("dbCpuMsPerJourney", median(runs.stream().map(r -> number(r, "dbCpuMsPerJourney")).toList()));
                twoNodes.put("oneNodeCpuMsPerJourney", oneNodeCpu);
                twoNodes.put("cpuRatio", oneNodeCpu <= 0 ? 0 : Load.round(twoNodeCpu / oneNodeCpu));
                twoNodes.put("errors", runs.stream().mapToLong(r -> ((Number) r.get("errors")).longValue()).sum());
                twoNodes.put("journeys", runs.stream().mapToLong(r -> ((Number) r.get("journeys")).longValue()).sum());
                twoNodes.put("handOverAnswers", before < 0 || after < 0 ? -1 : Load.round(after - before));
                twoNodes.put("workingAnswers", api.workingAnswers.get() - working);
                twoNodes.put("runs", runs);
            }
        }
        return twoNodes;
    }

    private static double number(Map<String, Object> figures, String key) {
        Object value = figures.get(key);
        return value instanceof Number n ? n.doubleValue() : -1;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * Several interleaved runs of one N, ResetFlow's window then the ceiling's: each run's ratio, and the figures of
     * the run with the median ratio; the errors of all runs.
     */
    record Interleaved(Map<String, Object> own, Map<String, Object> ceiling) {

        static Interleaved of(List<Map<String, Object>> own, List<Map<String, Object>> top) {
            List<Map<String, Object>> runs = new ArrayList<>();
            for (int i = 0; i < own.size(); i++) {
                double mine = number(own.get(i), "journeysPerSecond");
                double ceiling = number(top.get(i), "journeysPerSecond");
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("journeysPerSecond", mine);
                run.put("ceilingJourneysPerSecond", ceiling);
                run.put("ratio", ceiling <= 0 ? 0 : Load.round(mine / ceiling));
                for (String key : List.of("cpuMsPerJourney", "dbCpuMsPerJourney", "totalCpuMsPerJourney")) {
                    if (own.get(i).containsKey(key)) {
                        run.put(key, own.get(i).get(key));
                    }
                    if (top.get(i).containsKey(key)) {
                        run.put("ceiling" + Character.toUpperCase(key.charAt(0)) + key.substring(1), top.get(i).get(key));
                    }
                }
                run.put("compilerCpuMs", own.get(i).get("compilerCpuMs"));
                run.put("errors", own.get(i).get("errors"));
                run.put("ceilingErrors", top.get(i).get("errors"));
                runs.add(run);
            }
            List<Integer> byRatio = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                byRatio.add(i);
            }
            byRatio.sort(java.util.Comparator.comparingDouble(i -> number(runs.get(i), "ratio")));
            int middle = byRatio.get(runs.size() / 2);
            Map<String, Object> figures = new LinkedHashMap<>(own.get(middle));
            Map<String, Object> ceilingFigures = new LinkedHashMap<>(top.get(middle));
            figures.put("ceilingJourneysPerSecond", runs.get(middle).get("ceilingJourneysPerSecond"));
            figures.put("ratio", runs.get(middle).get("ratio"));
            figures.put("errors", own.stream().mapToLong(r -> ((Number) r.get("errors")).longValue()).sum());
            ceilingFigures.put("errors", top.stream().mapToLong(r -> ((Number) r.get("errors")).longValue()).sum());
            figures.put("runs", runs);
            return new Interleaved(figures, ceilingFigures);
        }
    }

    /** The ceiling's windows of the plan (its warm-up first), measured by the bare application while ResetFlow rests. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> ceilingWindows(Load.Plan plan) throws IOException, InterruptedException {
        Duration budget = plan.warmUp().plus(plan.ramp().plus(plan.measure()).multipliedBy(plan.threads().size())).plusMinutes(3);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + BARE_PORT + "/ceiling/windows?plan="
                        + URLEncoder.encode(plan.format(), StandardCharsets.UTF_8)))
                .timeout(budget).POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = CEILING.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The ceiling's windows failed (" + response.statusCode() + "): " + response.body()
                    + "; see " + settings.out().resolve("ceiling-*.log"));
        }
        return JSON.readValue(response.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> ceilingWindow(int threads) throws IOException, InterruptedException {
        return (Map<String, Object>) ceilingWindows(settings.plan().withoutWarmUp().withThreads(List.of(threads))).get(String.valueOf(threads));
    }

    private static final HttpClient CEILING = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @SuppressWarnings("unchecked")
    private static void combine(Map<String, Object> journeys, Map<String, Object> ceiling) {
        journeys.forEach((threads, value) -> {
            Map<String, Object> figures = (Map<String, Object>) value;
            Map<String, Object> ceilingFigures = (Map<String, Object>) ceiling.get(threads);
            if (ceilingFigures != null) {
                double top = ((Number) ceilingFigures.get("journeysPerSecond")).doubleValue();
                double own = ((Number) figures.get("journeysPerSecond")).doubleValue();
                figures.put("ceilingJourneysPerSecond", top);
                figures.put("ratio", top == 0 ? 0 : Load.round(own / top));
            }
        });
    }

    /**
     * ResetFlow on its embedded defaults (or with the postgres profile on PostgreSQL), logging to {@code <log>.log},
     * its data in the work folder's {@code data}; {@code fresh}: a new PostgreSQL database (else the one of earlier
     * starts, as a restarted node or a second one finds it).
     */
    private ServerProcess startResetFlow(String log, String data, String db, String cloudPassword, String heap, int port,
                                         boolean fresh, List<String> extra) throws Exception {
        Path dataDirectory = Files.createDirectories(work.resolve(data));
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--resetflow.data-directory=" + dataDirectory,
                "--resetflow.embedded-directories.cloud-port=" + CLOUD_LDAP_PORT,
                "--resetflow.embedded-directories.on-premises-port=" + ON_PREMISES_LDAP_PORT,
                "--resetflow.directory.cloud.bind-password=" + cloudPassword,
                "--resetflow.directory.on-premises.bind-password=" + ON_PREMISES_PASSWORD,
                // Simulated users reset far more often than people do; every limit is still checked on every request.
                "--resetflow.throttling.client-starts-per-hour=100000000",
                "--resetflow.throttling.client-requests-per-minute=100000000",
                "--resetflow.throttling.codes-per-account-per-hour=100000000",
                "--resetflow.throttling.codes-per-destination-per-hour=100000000"));
        if (db.equals("postgres")) {
            if (fresh) {
                createDatabase("resetflow_bench");
            }
            args.addAll(List.of("--spring.profiles.active=embedded,postgres",
                    "--spring.datasource.url=" + settings.postgresUrl() + "resetflow_bench",
                    "--spring.datasource.username=" + settings.postgresUser(), "--spring.datasource.password=",
                    "--resetflow.security.secret=" + SECRET));
        } else {
            args.add("--spring.profiles.active=embedded");
            if (!settings.h2Options().isEmpty()) {
                args.add("--spring.datasource.url=jdbc:h2:file:" + dataDirectory.resolve("resetflow") + EMBEDDED_H2_OPTIONS + settings.h2Options());
            }
        }
        args.addAll(extra);
        return ServerProcess.start(log, settings.out(), settings.jar(), heap, args, dataDirectory);
    }

    /** The same on every node of a run: a second node must read what the first sealed. */
    private static final String SECRET = UUID.randomUUID() + "" + UUID.randomUUID();
    private static final String ON_PREMISES_PASSWORD = UUID.randomUUID().toString();

    private ServerProcess startBare(String name, Path self, String db, String heap, List<String> extra) throws Exception {
        Path data = Files.createDirectories(work.resolve(name));
        List<String> args = new ArrayList<>(List.of("app", "--server.port=" + BARE_PORT, "--server.address=127.0.0.1"));
        if (db.equals("postgres")) {
            createDatabase("resetflow_bench_ceiling");
            args.addAll(List.of("--spring.datasource.url=" + settings.postgresUrl() + "resetflow_bench_ceiling",
                    "--spring.datasource.username=" + settings.postgresUser(), "--spring.datasource.password=",
                    "--spring.datasource.hikari.maximum-pool-size=20", "--camunda.bpm.job-execution.deployment-aware=false"));
        } else {
            args.add("--spring.datasource.url=jdbc:h2:file:" + data.resolve("ceiling") + EMBEDDED_H2_OPTIONS + settings.h2Options());
        }
        args.addAll(extra);
        return ServerProcess.start(name, settings.out(), self, heap, args, data);
    }

    /** A fresh start to ready on the embedded defaults, for the median start-up time. */
    private double startupOnly(String name, Path self, boolean bare) throws Exception {
        try (ServerProcess server = bare ? startBare(name, self, "h2", ServerProcess.HEAP, List.of())
                : startResetFlow(name, name, "h2", UUID.randomUUID().toString(), ServerProcess.HEAP, RESETFLOW_PORT, true, List.of())) {
            double seconds = server.awaitReady(URI.create("http://127.0.0.1:" + (bare ? BARE_PORT : RESETFLOW_PORT)
                    + "/actuator/health/readiness"), START_TIMEOUT);
            System.out.printf("  %s ready in %.2f s%n", name, seconds);
            return seconds;
        }
    }

    private boolean postgresReachable() {
        try (Connection ignored = DriverManager.getConnection(settings.postgresUrl() + "postgres", settings.postgresUser(), "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private void createDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.postgresUrl() + "postgres", settings.postgresUser(), "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return Load.round(sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2);
    }
}
