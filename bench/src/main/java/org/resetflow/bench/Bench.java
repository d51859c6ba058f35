package org.resetflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
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
    private static final int CLOUD_LDAP_PORT = 11389;
    private static final int ON_PREMISES_LDAP_PORT = 12389;
    private static final int BARE_PORT = 18090;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /** How many users the flight recording's window (not counted) runs with. */
    private static final int PROFILE_THREADS = 8;
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
    record Settings(boolean quick, Path jar, Path out, Load.Plan plan, List<Integer> mixedThreads, List<Integer> stormThreads, int startupRuns,
                    boolean jfr, boolean postgres, String postgresUrl, String postgresUser, String h2Options, boolean keepData) {

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
                    options.containsKey("no-storm") ? List.of() : Arrays.stream(options.getOrDefault("storm-threads", "32").split("/"))
                            .map(Integer::valueOf).toList(),
                    Integer.parseInt(options.getOrDefault("startup-runs", quick ? "1" : "3")),
                    Boolean.parseBoolean(options.getOrDefault("jfr", String.valueOf(!quick))),
                    !quick && !options.containsKey("no-postgres"),
                    options.getOrDefault("postgres-url", "jdbc:postgresql://127.0.0.1:5432/"),
                    options.getOrDefault("postgres-user", "postgres"), options.getOrDefault("h2-options", ""),
                    options.containsKey("keep-data"));
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

        List<String> dbs = new ArrayList<>(List.of("h2"));
        if (settings.postgres()) {
            if (postgresReachable()) {
                dbs.add("postgres");
            } else {
                System.out.println("PostgreSQL at " + settings.postgresUrl() + " is not reachable: H2 only");
                results.put("postgres", "not reachable at " + settings.postgresUrl());
            }
        }
        for (String db : dbs) {
            databases.set(db, JSON.valueToTree(database(db, self, resetflowStartups, bareStartups)));
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
        System.out.printf("%n== %s: ResetFlow (%s)%n", db, settings.plan().format());
        Map<String, Object> figures = new LinkedHashMap<>();
        Map<String, Object> email = new LinkedHashMap<>();
        Map<String, Object> mixed = new LinkedHashMap<>();
        Map<String, Object> storm = new LinkedHashMap<>();
        Path jfr = settings.out().resolve("resetflow-" + db + ".jfr");
        String cloudPassword = UUID.randomUUID().toString();
        Instant profileFrom = null;
        Instant profileTo = null;
        try (ServerProcess resetflow = startResetFlow("resetflow-" + db, db, cloudPassword)) {
            double startup = resetflow.awaitReady(URI.create("http://127.0.0.1:" + RESETFLOW_PORT + "/actuator/health/readiness"), START_TIMEOUT);
            System.out.printf("  ready in %.2f s%n", startup);
            if (db.equals("h2")) {
                resetflowStartups.add(startup);
            }
            JourneyClient api = new JourneyClient(URI.create("http://127.0.0.1:" + RESETFLOW_PORT));
            BenchUsers users = new BenchUsers();
            int count = java.util.stream.Stream.concat(settings.plan().threads().stream(), settings.stormThreads().stream())
                    .mapToInt(Integer::intValue).max().orElse(1);
            users.create(Math.max(count, settings.plan().warmUpThreads()), CLOUD_LDAP_PORT, cloudPassword, api);
            System.out.printf("  %d users registered%n", Math.max(count, settings.plan().warmUpThreads()));
            Scenarios scenarios = new Scenarios(api, users);
            new Load(settings.plan().withThreads(List.of()), resetflow::cpuNanos, Scenarios.EMAIL_STEPS).run(scenarios::email);
            resetflow.takePeakRssMiB();
            for (int threads : settings.plan().threads()) {
                long working = api.workingAnswers.get();
                Load.Result result = new Load(settings.plan().withoutWarmUp().withThreads(List.of(threads)), resetflow::cpuNanos, Scenarios.EMAIL_STEPS)
                        .run(scenarios::email).get(threads);
                Map<String, Object> json = result.toJson();
                json.put("workingAnswers", api.workingAnswers.get() - working);
                json.put("peakRssMiB", resetflow.takePeakRssMiB());
                email.put(String.valueOf(threads), json);
            }
            System.out.println("  security questions mixed in (every second journey):");
            for (int threads : settings.mixedThreads()) {
                long working = api.workingAnswers.get();
                Load.Result result = new Load(settings.plan().withoutWarmUp().withThreads(List.of(threads)), resetflow::cpuNanos, Scenarios.MIXED_STEPS)
                        .run(scenarios::mixed).get(threads);
                Map<String, Object> json = result.toJson();
                json.put("workingAnswers", api.workingAnswers.get() - working);
                json.put("peakRssMiB", resetflow.takePeakRssMiB());
                mixed.put(String.valueOf(threads), json);
            }
            System.out.println("  storm: 70 % email, 25 % security questions, 5 % decoys answering wrongly:");
            for (int threads : settings.stormThreads()) {
                long working = api.workingAnswers.get();
                long tryAgain = api.tryAgainAnswers.get();
                Load.Result result = new Load(settings.plan().withoutWarmUp().withThreads(List.of(threads)), resetflow::cpuNanos, Scenarios.STORM_STEPS)
                        .run(scenarios::storm).get(threads);
                Map<String, Object> json = result.toJson();
                json.put("workingAnswers", api.workingAnswers.get() - working);
                json.put("tryAgainAnswers", api.tryAgainAnswers.get() - tryAgain);
                json.put("peakRssMiB", resetflow.takePeakRssMiB());
                storm.put(String.valueOf(threads), json);
            }
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

        System.out.printf("== %s: ceiling (the same models in-process, no-op delegates)%n", db);
        Path ceilingOutput = settings.out().resolve("ceiling-" + db + ".json");
        Files.deleteIfExists(ceilingOutput);
        Map<String, Object> ceiling;
        try (ServerProcess bare = startBare("ceiling-" + db, self, db, List.of("--bench.ceiling.output=" + ceilingOutput.toAbsolutePath(),
                "--bench.ceiling.plan=" + settings.plan().format(), "--bench.ceiling.models=" + settings.jar()))) {
            double startup = bare.awaitReady(URI.create("http://127.0.0.1:" + BARE_PORT + "/actuator/health/readiness"), START_TIMEOUT);
            System.out.printf("  bare application ready in %.2f s%n", startup);
            if (db.equals("h2")) {
                bareStartups.add(startup);
            }
            Duration budget = settings.plan().warmUp().plus(settings.plan().ramp().plus(settings.plan().measure())
                    .multipliedBy(settings.plan().threads().size())).plusMinutes(3);
            if (bare.awaitExit(budget) != 0 || !Files.exists(ceilingOutput)) {
                throw new IllegalStateException("The ceiling run failed; see " + bare.log());
            }
            ceiling = JSON.readValue(ceilingOutput.toFile(), Map.class);
            figures.put("ceilingGc", bare.gc());
        }
        combine(email, ceiling);
        combine(mixed, ceiling);
        combine(storm, ceiling);
        figures.put("email", email);
        figures.put("questionsMixed", mixed);
        figures.put("storm", storm);
        figures.put("ceiling", ceiling);
        if (settings.jfr()) {
            JfrTop.Profile profile = JfrTop.read(jfr, profileFrom, profileTo);
            figures.put("profile", profile);
        }
        return figures;
    }

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

    private ServerProcess startResetFlow(String name, String db, String cloudPassword) throws Exception {
        Path data = Files.createDirectories(work.resolve(name));
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + RESETFLOW_PORT,
                "--resetflow.data-directory=" + data,
                "--resetflow.embedded-directories.cloud-port=" + CLOUD_LDAP_PORT,
                "--resetflow.embedded-directories.on-premises-port=" + ON_PREMISES_LDAP_PORT,
                "--resetflow.directory.cloud.bind-password=" + cloudPassword,
                "--resetflow.directory.on-premises.bind-password=" + UUID.randomUUID(),
                // Simulated users reset far more often than people do; every limit is still checked on every request.
                "--resetflow.throttling.client-starts-per-hour=100000000",
                "--resetflow.throttling.client-requests-per-minute=100000000",
                "--resetflow.throttling.codes-per-account-per-hour=100000000",
                "--resetflow.throttling.codes-per-destination-per-hour=100000000"));
        if (db.equals("postgres")) {
            createDatabase("resetflow_bench");
            args.addAll(List.of("--spring.profiles.active=embedded,postgres",
                    "--spring.datasource.url=" + settings.postgresUrl() + "resetflow_bench",
                    "--spring.datasource.username=" + settings.postgresUser(), "--spring.datasource.password=",
                    "--resetflow.security.secret=" + UUID.randomUUID() + UUID.randomUUID()));
        } else {
            args.add("--spring.profiles.active=embedded");
            if (!settings.h2Options().isEmpty()) {
                args.add("--spring.datasource.url=jdbc:h2:file:" + data.resolve("resetflow") + EMBEDDED_H2_OPTIONS + settings.h2Options());
            }
        }
        return ServerProcess.start(name, settings.out(), settings.jar(), args, data);
    }

    private ServerProcess startBare(String name, Path self, String db, List<String> extra) throws Exception {
        Path data = Files.createDirectories(work.resolve(name));
        List<String> args = new ArrayList<>(List.of("app", "--server.port=" + BARE_PORT));
        if (db.equals("postgres")) {
            createDatabase("resetflow_bench_ceiling");
            args.addAll(List.of("--spring.datasource.url=" + settings.postgresUrl() + "resetflow_bench_ceiling",
                    "--spring.datasource.username=" + settings.postgresUser(), "--spring.datasource.password=",
                    "--spring.datasource.hikari.maximum-pool-size=20", "--camunda.bpm.job-execution.deployment-aware=false"));
        } else {
            args.add("--spring.datasource.url=jdbc:h2:file:" + data.resolve("ceiling") + EMBEDDED_H2_OPTIONS + settings.h2Options());
        }
        args.addAll(extra);
        return ServerProcess.start(name, settings.out(), self, args, data);
    }

    /** A fresh start to ready on the embedded defaults, for the median start-up time. */
    private double startupOnly(String name, Path self, boolean bare) throws Exception {
        try (ServerProcess server = bare ? startBare(name, self, "h2", List.of())
                : startResetFlow(name, "h2", UUID.randomUUID().toString())) {
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
