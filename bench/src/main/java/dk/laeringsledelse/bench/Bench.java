package dk.laeringsledelse.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dk.laeringsledelse.app.LaeringsledelseApplication;
import dk.laeringsledelse.embeddedstore.EmbeddedMongoStore;
import dk.laeringsledelse.app.store.StoreProperties;
import dk.laeringsledelse.kernel.CommandOutcome;
import dk.laeringsledelse.kernel.MetaDataKeys;
import dk.laeringsledelse.kernel.organisation.AssignMunicipalRole;
import dk.laeringsledelse.kernel.organisation.AssignTeamRole;
import dk.laeringsledelse.kernel.organisation.InstitutionId;
import dk.laeringsledelse.kernel.organisation.InstitutionKind;
import dk.laeringsledelse.kernel.organisation.MunicipalityId;
import dk.laeringsledelse.kernel.organisation.PersonId;
import dk.laeringsledelse.kernel.organisation.RegisterInstitution;
import dk.laeringsledelse.kernel.organisation.RegisterMunicipality;
import dk.laeringsledelse.kernel.organisation.RegisterTeam;
import dk.laeringsledelse.kernel.organisation.Role;
import dk.laeringsledelse.kernel.cycle.CycleId;
import dk.laeringsledelse.kernel.cycle.DataBasis;
import dk.laeringsledelse.kernel.cycle.DocumentSignOfLearning;
import dk.laeringsledelse.kernel.cycle.EvidenceKind;
import dk.laeringsledelse.kernel.cycle.GoalId;
import dk.laeringsledelse.kernel.cycle.PlannedPeriod;
import dk.laeringsledelse.kernel.cycle.SetLearningGoal;
import dk.laeringsledelse.kernel.cycle.SignId;
import dk.laeringsledelse.kernel.cycle.StartLearningCycle;
import dk.laeringsledelse.kernel.cycle.TargetGroup;
import dk.laeringsledelse.kernel.cycle.TargetGroupKind;
import dk.laeringsledelse.kernel.cycle.TeamId;
import dk.laeringsledelse.query.cycleview.FindLearningCycle;
import dk.laeringsledelse.query.cycleview.LearningCycleView;
import dk.laeringsledelse.query.replay.ProjectionReplay;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures the application against the raw store underneath, all on one embedded store in a fresh folder: raw
 * driver inserts and reads, command throughput (P1), replay speed (P2), dashboard latency (P3), freshness (P4),
 * start-up time and memory. What is measured is first run until the JIT has compiled it, and each throughput is the
 * median of {@value #RUNS} runs. Prints a table and writes it as JSON. Sizes: system properties {@code bench.events}
 * (history replayed in P2, default 200,000), {@code bench.commands} (per P1 run, default 800),
 * {@code bench.out} (JSON file, default bench/target/bench-results.json).
 */
public final class Bench {

    private static final int EVENTS = Integer.getInteger("bench.events", 200_000);
    private static final int COMMANDS = Integer.getInteger("bench.commands", 800);
    private static final int RAW_OPERATIONS = 4_000;
    /** Runs of each throughput measured, of which the median is reported. */
    private static final int RUNS = 3;
    /** Raw reads of the stored history before P2: enough to leave the page cache behind. */
    private static final int HISTORY_READS = 20_000;
    private static final int QUERIES = 500;
    /** Cycles written to in P1, each in a team of its own. */
    private static final int CYCLES = 160;
    /** The JIT compiler's share of a warm-up round's time below which what the round runs counts as compiled. */
    private static final double SETTLED_COMPILING = 0.1;
    private static final Duration MAX_WARM_UP = Duration.ofMinutes(5);
    private static final int TEAMS_PER_INSTITUTION = 5;
    private static final java.util.Set<InstitutionId> REGISTERED_INSTITUTIONS = new java.util.HashSet<>();
    private static final String LEARNING_CYCLE = "query($id: ID!) { learningCycle(id: $id) { id version phase "
            + "counts { goals signs } goals { goalId currentAttainment } } }";
    private static final String DOCUMENT_SIGN = "mutation($input: DocumentSignOfLearningInput!) { "
            + "documentSignOfLearning(input: $input) { signId cycle { version } } }";
    private static final String TEAM_PROGRESS = "query($teamId: ID!) { teamProgress(teamId: $teamId) { teamId "
            + "activeCycles { cycleId phase } goals { set achieved } signs { total perWeek { week count } } } }";
    private static final LocalDate TODAY = LocalDate.now();

    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final Map<String, Double> figures = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true"); // no phoning home from a benchmark
        new Bench().run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path dataDir = Files.createTempDirectory("laeringsledelse-bench-");
        long started = System.nanoTime();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(LaeringsledelseApplication.class).run(
                "--server.port=0", "--laeringsledelse.store.embedded.port=0",
                "--laeringsledelse.store.embedded.data-dir=" + dataDir, "--laeringsledelse.node-id=bench",
                "--logging.level.root=WARN");
        row("start-up", "application context started", millis(System.nanoTime() - started), "ms", null);
        row("start-up", "JVM start to ready", ManagementFactory.getRuntimeMXBean().getUptime(), "ms", null);
        row("start-up", "resident memory (RSS) after start-up", residentMegabytes(), "MB", null);

        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        CommandGateway commands = app.getBean(CommandGateway.class);
        ProjectionReplay projections = app.getBean(ProjectionReplay.class);
        EventSeeder seeder = new EventSeeder(app.getBean(EventStore.class));

        try (MongoClient raw = MongoClients.create(app.getBean(EmbeddedMongoStore.class).connectionString())) {
            organise(commands);
            seeder.seed(1_000);
            await(projections);
            // What is measured runs compiled, as a server that has run for a while does and as the raw figures do:
            // on two cores the JIT compiler takes up to half the CPU for the first minutes. Queries only, so the
            // store still holds 1,000 events.
            GraphQlClient dashboardApi = new GraphQlClient(port, "bench-dashboard");
            warmUp("dashboard queries", () -> queryDashboards(dashboardApi, seeder.cycleIds(), QUERIES / 2));
            dashboard(dashboardApi, seeder.cycleIds(), "1,000");

            // Commands go round the cycles, so no cycle grows beyond a realistic size (a dozen signs each). Each
            // warm-up round has cycles in teams of its own, so the measured teams start empty as well.
            AtomicLong warmUpRound = new AtomicLong();
            warmUp("commands and mutations", () -> {
                List<Cycle> warmUpCycles = startCycles(commands, port,
                        "bench-warm-up-" + warmUpRound.incrementAndGet());
                rate(8, 2 * COMMANDS, (thread, i) -> sign(commands, cycleFor(warmUpCycles, i)));
                rate(8, COMMANDS / 2, (thread, i) ->
                        mutate(cycleFor(warmUpCycles, i)));
                await(projections);
            });

            // Each throughput below is the median of RUNS runs: a run of a second or two swings with what the
            // store's background commits and housekeeping happen to do in it.
            MongoCollection<Document> rawEvents = raw.getDatabase("bench-raw").getCollection("events");
            AtomicLong rawIds = new AtomicLong();
            Operation insert = (thread, i) -> rawEvents.insertOne(eventSized(rawIds.incrementAndGet()));
            rate(8, RAW_OPERATIONS, insert); // warm-up
            double inserts1 = median(() -> rate(1, RAW_OPERATIONS, insert));
            double inserts8 = median(() -> rate(8, RAW_OPERATIONS, insert));
            double reads = median(() -> rate(1, RAW_OPERATIONS, (thread, i) ->
                    rawEvents.find(Filters.eq("_id", (long) i + 1)).first()));
            row("raw driver", "single-document inserts, 1 client", inserts1, "/s", null);
            row("raw driver", "single-document inserts, 8 clients", inserts8, "/s", null);
            row("raw driver", "sequential reads by _id", reads, "/s", null);

            // every run writes to cycles of its own, so each starts with cycles of no signs
            AtomicLong writers = new AtomicLong();
            Writes viaGateway = (cycles, thread, i) -> sign(commands, cycleFor(cycles, i));
            Writes viaGraphQl = (cycles, thread, i) -> mutate(cycleFor(cycles, i));
            Supplier<List<Cycle>> newCycles = () -> startCycles(commands, port, "bench-writers-"
                    + writers.incrementAndGet());
            commandRows("CommandGateway, 1 client", throughput(projections, newCycles, 1, COMMANDS, viaGateway),
                    inserts1);
            commandRows("CommandGateway, 8 clients", throughput(projections, newCycles, 8, COMMANDS, viaGateway),
                    inserts8);
            commandRows("GraphQL over HTTP, 1 client",
                    throughput(projections, newCycles, 1, COMMANDS / 4, viaGraphQl), inserts1);
            commandRows("GraphQL over HTTP, 8 clients",
                    throughput(projections, newCycles, 8, COMMANDS / 4, viaGraphQl), inserts8);

            List<Cycle> cycles = newCycles.get();
            freshness(commands, app.getBean(QueryGateway.class), cycles);

            int large = Math.min(100_000, EVENTS); // a quick run (small bench.events) compares 1,000 with less
            seeder.seed(Math.max(0, large - (int) projectionsHead(projections)));
            await(projections);
            dashboard(dashboardApi, seeder.cycleIds(), String.format("%,d", large));

            long seeding = System.nanoTime();
            int more = Math.max(0, EVENTS - (int) projectionsHead(projections));
            seeder.seed(more);
            await(projections);
            row("seeding", "events written (a commit each, 8 threads) and projected live", more
                    / ((System.nanoTime() - seeding) / 1e9), "events/s", null);
            long events = projectionsHead(projections);
            // what a replay reads: the event store's commits, most of them no longer in the store's page cache
            MongoCollection<Document> eventStore = raw.getDatabase(app.getBean(StoreProperties.class).database())
                    .getCollection("events");
            double historyReads = rate(1, HISTORY_READS, (thread, i) ->
                    eventStore.find(Filters.eq("_id", (long) i + 1)).first());
            row("raw driver", "sequential reads by _id of the event store's first " + String.format("%,d",
                    HISTORY_READS) + " commits (of " + String.format("%,d", events) + ")", historyReads, "/s", null);
            long replayStarted = System.nanoTime();
            projections.replayAll();
            await(projections);
            double replay = events / ((System.nanoTime() - replayStarted) / 1e9);
            row("P2 replay", "rebuild all projections from " + String.format("%,d", events) + " events", replay,
                    "events/s", ratio(replay, historyReads));
            row("P2 replay", "the same, against reads of the small raw collection (all in cache)", replay,
                    "events/s", ratio(replay, reads));
        } finally {
            app.close();
            deleteRecursively(dataDir); // a full run leaves about 1 GB
        }
        report();
    }

    /** P3: latency of the dashboard queries with this much history stored. */
    private void dashboard(GraphQlClient api, List<String> cycleIds, String history) {
        List<Long> cycles = new ArrayList<>();
        List<Long> progress = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            cycles.add(timed(() -> queryCycle(api, cycleIds)));
        }
        for (int i = 0; i < QUERIES; i++) {
            progress.add(timed(() -> queryTeamProgress(api, cycleIds)));
        }
        latencies("P3 dashboard", "learningCycle with " + history + " events", cycles);
        latencies("P3 dashboard", "teamProgress with " + history + " events", progress);
    }

    private static void queryDashboards(GraphQlClient api, List<String> cycleIds, int each) {
        for (int i = 0; i < each; i++) {
            queryCycle(api, cycleIds);
            queryTeamProgress(api, cycleIds);
        }
    }

    private static void queryCycle(GraphQlClient api, List<String> cycleIds) {
        String id = cycleIds.get(ThreadLocalRandom.current().nextInt(cycleIds.size()));
        if (api.execute(LEARNING_CYCLE, Map.of("id", id)).get("learningCycle").isNull()) {
            throw new IllegalStateException("cycle " + id + " not visible to the dashboard reader");
        }
    }

    private static void queryTeamProgress(GraphQlClient api, List<String> cycleIds) {
        int teams = Math.max(1, cycleIds.size() / 10);
        api.execute(TEAM_PROGRESS, Map.of("teamId", "bench-team-" + ThreadLocalRandom.current().nextInt(teams)));
    }

    private static long timed(Runnable query) {
        long started = System.nanoTime();
        query.run();
        return System.nanoTime() - started;
    }

    /**
     * Repeats a round of work until the JIT compiler is done with it: until the compiler threads worked less than
     * {@link #SETTLED_COMPILING} of a round's time, or {@link #MAX_WARM_UP} passed (reported, not hidden).
     */
    private void warmUp(String work, Warm round) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long started = System.nanoTime();
        double compiling;
        int rounds = 0;
        do {
            long compiledBefore = jit.getTotalCompilationTime();
            long roundStarted = System.nanoTime();
            round.run();
            rounds++;
            compiling = (jit.getTotalCompilationTime() - compiledBefore) / millis(System.nanoTime() - roundStarted);
        } while ((rounds < 2 || compiling >= SETTLED_COMPILING)
                && System.nanoTime() - started < MAX_WARM_UP.toNanos());
        row("warm-up", String.format("%s: %d rounds, JIT compiling %.0f%% of the last", work, rounds,
                compiling * 100), (System.nanoTime() - started) / 1e9, "s", null);
    }

    private interface Warm {
        void run() throws Exception;
    }

    /**
     * Commands answered per second, and per second until every projection had caught up with them as well (what a
     * write load can keep up for long): the run with the median answered rate of {@value #RUNS}. Each run starts
     * with the projections caught up.
     */
    private static double[] throughput(ProjectionReplay projections, Supplier<List<Cycle>> newCycles, int clients,
                                       int total, Writes writes) throws Exception {
        List<double[]> runs = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            List<Cycle> cycles = newCycles.get();
            await(projections);
            long started = System.nanoTime();
            double answered = rate(clients, total, (thread, i) -> writes.run(cycles, thread, i));
            await(projections);
            runs.add(new double[] {answered, total / ((System.nanoTime() - started) / 1e9)});
        }
        runs.sort(java.util.Comparator.comparingDouble(run -> run[0]));
        return runs.get(RUNS / 2);
    }

    private static double median(Callable<Double> measurement) throws Exception {
        List<Double> runs = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            runs.add(measurement.call());
        }
        runs.sort(null);
        return runs.get(RUNS / 2);
    }

    private interface Writes {
        void run(List<Cycle> cycles, int thread, int command) throws Exception;
    }

    private void commandRows(String measure, double[] throughput, double rawInserts) {
        row("P1 commands", measure, throughput[0], "/s", ratio(throughput[0], rawInserts));
        row("P1 commands", measure + ", projected too", throughput[1], "/s", ratio(throughput[1], rawInserts));
    }

    /** P4: from a command's answer until a subscription to the cycle's view delivers the change, 8 writers. */
    private void freshness(CommandGateway commands, QueryGateway queries, List<Cycle> cycles) throws Exception {
        // the Axon subscription query behind every GraphQL subscription: what the WebSocket adds is the client's
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            Cycle cycle = cycles.get(w * (CYCLES / 8));
            done.add(pool.submit((Callable<Void>) () -> {
                for (int i = 0; i < 50; i++) {
                    SubscriptionQueryResult<LearningCycleView, LearningCycleView> views = queries.subscriptionQuery(
                            new FindLearningCycle(cycle.id()), ResponseTypes.instanceOf(LearningCycleView.class),
                            ResponseTypes.instanceOf(LearningCycleView.class));
                    try {
                        long version = CommandOutcome.from(sign(commands, cycle)).version();
                        long answered = System.nanoTime();
                        views.updates().filter(v -> v.version >= version).blockFirst(Duration.ofSeconds(30));
                        nanos.add(System.nanoTime() - answered);
                    } finally {
                        views.cancel();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        latencies("P4 freshness", "command answered to subscription update, 8 writers", new ArrayList<>(nanos));
    }

    private static Cycle cycleFor(List<Cycle> cycles, int command) {
        return cycles.get(command % cycles.size());
    }

    private static Object sign(CommandGateway commands, Cycle cycle) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(new DocumentSignOfLearning(
                        new CycleId(cycle.id()), new SignId(UUID.randomUUID().toString()), new GoalId(cycle.goalId()), null,
                        TODAY.minusDays(1), "Barnet brugte ordet kæmpestor", 0, EvidenceKind.OBSERVATION, List.of()))
                .andMetaData(MetaData.with(MetaDataKeys.ACTOR, cycle.educatorId())));
    }

    /** The sign as a GraphQL mutation, sent by an educator of the cycle's team. */
    private static void mutate(Cycle cycle) {
        cycle.educator().execute(DOCUMENT_SIGN, Map.of("input", Map.of("cycleId", cycle.id(), "goalId",
                cycle.goalId(), "observedOn", TODAY.minusDays(1).toString(), "observation",
                "Barnet brugte ordet kæmpestor", "matchedExpectedSign", 0, "evidenceKind", "OBSERVATION")));
    }

    /** A cycle written to, with its goal and an educator of its team (who holds a role in that team only). */
    private record Cycle(String id, String goalId, String educatorId, GraphQlClient educator) {
    }
    /**
     * The organisation the access rules need: the teams the benchmark seeds, "bench-dashboard" the municipality's
     * auditor (who may read every team). The writers' teams are registered with their cycles (startCycles).
     */
    private static void organise(CommandGateway commands) {
        MunicipalityId municipality = MunicipalityId.of("bench");
        organisationCommand(commands, new RegisterMunicipality(municipality, "Benchkommune"));
        organisationCommand(commands, new AssignMunicipalRole(municipality, PersonId.of("bench-dashboard"),
                Role.AUDITOR));
        for (int i = 0; i <= EVENTS / EventSeeder.EVENTS_PER_CYCLE / 10; i++) {
            registerTeam(commands, municipality, new TeamId("bench-team-" + i), "seeded-" + i / TEAMS_PER_INSTITUTION);
        }
    }

    /** A team in an institution of {@value #TEAMS_PER_INSTITUTION} teams, as real institutions have a handful. */
    private static void registerTeam(CommandGateway commands, MunicipalityId municipality, TeamId team,
                                     String institutionName) {
        InstitutionId institution = InstitutionId.of("bench-institution-" + institutionName);
        if (REGISTERED_INSTITUTIONS.add(institution)) {
            organisationCommand(commands, new RegisterInstitution(institution, municipality, institutionName,
                    InstitutionKind.DAYCARE));
        }
        organisationCommand(commands, new RegisterTeam(team, institution, municipality, team.value(), null));
    }

    private static void organisationCommand(CommandGateway commands, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.with(MetaDataKeys.ACTOR, "bench-admin")));
    }

    /** {@value #CYCLES} cycles, each with a goal and in a new team of its own, with an educator of its own. */
    private static List<Cycle> startCycles(CommandGateway commands, int port, String teams) {
        MunicipalityId municipality = MunicipalityId.of("bench");
        List<Cycle> cycles = new ArrayList<>();
        for (int i = 0; i < CYCLES; i++) {
            TeamId team = new TeamId(teams + "-" + i);
            registerTeam(commands, municipality, team, teams + "-" + i / TEAMS_PER_INSTITUTION);
            String educator = team.value() + "-educator";
            organisationCommand(commands, new AssignTeamRole(team, PersonId.of(educator), Role.EDUCATOR));
            String cycleId = UUID.randomUUID().toString();
            String goalId = UUID.randomUUID().toString();
            MetaData actor = MetaData.with(MetaDataKeys.ACTOR, educator);
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new StartLearningCycle(new CycleId(cycleId),
                    team, "Forløb", new PlannedPeriod(TODAY.minusDays(60),
                    TODAY.plusDays(30)), new DataBasis("Fund", "Kilder"))).andMetaData(actor));
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new SetLearningGoal(new CycleId(cycleId),
                    new GoalId(goalId), "Mål", "kommunikation-og-sprog",
                    new TargetGroup(TargetGroupKind.WHOLE_GROUP, null, List.of()), List.of("Tegn"), null))
                    .andMetaData(actor));
            cycles.add(new Cycle(cycleId, goalId, educator, new GraphQlClient(port, educator)));
        }
        return cycles;
    }

    /** A document shaped and sized like one event's commit in the event store (about 1 KB). */
    private static Document eventSized(long id) {
        String aggregate = UUID.randomUUID().toString();
        Document payload = new Document("cycleId", aggregate).append("teamId", "solsikken")
                .append("signId", UUID.randomUUID().toString()).append("goalId", UUID.randomUUID().toString())
                .append("observedOn", "2026-11-20").append("observation", "Barn A7 brugte ordet kæmpestor i legen")
                .append("matchedExpectedSign", 0).append("evidenceKind", "OBSERVATION").append("childIds", List.of());
        Document event = new Document("eventId", UUID.randomUUID().toString()).append("aggregateType", "LearningCycle")
                .append("aggregateId", aggregate).append("seq", 7L).append("position", id).append("timestamp", new Date())
                .append("payloadType", "dk.laeringsledelse.kernel.cycle.SignOfLearningDocumented")
                .append("payloadRevision", "1").append("payload", payload)
                .append("metaData", new Document("actor", "pia").append("correlationId", UUID.randomUUID().toString())
                        .append("traceId", UUID.randomUUID().toString()))
                .append("hash", "a".repeat(64)).append("prevHash", "b".repeat(64));
        return new Document("_id", id).append("first", id).append("aggregateId", aggregate).append("firstSeq", 7L)
                .append("lastSeq", 7L).append("events", List.of(event));
    }

    private interface Operation {
        void run(int thread, int index) throws Exception;
    }

    /** Operations per second with {@code threads} clients sharing {@code total} operations. */
    private static double rate(int threads, int total, Operation operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong next = new AtomicLong();
        long started = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit((Callable<Void>) () -> {
                for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    operation.run(thread, (int) i);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return total / ((System.nanoTime() - started) / 1e9);
    }

    private static long projectionsHead(ProjectionReplay projections) {
        String head = projections.progress().split(";")[0].substring("head ".length());
        return Long.parseLong(head.trim());
    }

    private static void await(ProjectionReplay projections) throws InterruptedException {
        if (!projections.awaitCaughtUp(Duration.ofHours(2))) {
            throw new IllegalStateException("projections did not catch up: " + projections.progress());
        }
    }

    private void latencies(String section, String measure, List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        row(section, measure + ", p50", millis(sorted.get(sorted.size() / 2)), "ms", null);
        row(section, measure + ", p99", millis(sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1)), "ms", null);
    }

    private void row(String section, String measure, double value, String unit, Double ratio) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("section", section);
        row.put("measure", measure);
        row.put("value", Math.round(value * 10) / 10.0);
        row.put("unit", unit);
        if (ratio != null) {
            row.put("ratioToRaw", Math.round(ratio * 1000) / 1000.0);
        }
        rows.add(row);
        figures.put(section + ": " + measure, value);
        System.out.printf("  %-14s %-62s %12.1f %-9s%s%n", section, measure, value, unit,
                ratio == null ? "" : String.format(" %5.1f%% of raw", ratio * 100));
    }

    private void report() throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("events", EVENTS);
        json.put("commandsPerRun", COMMANDS);
        json.put("cpus", Runtime.getRuntime().availableProcessors());
        json.put("rows", rows);
        double p3At1k = figures.getOrDefault("P3 dashboard: learningCycle with 1,000 events, p99", Double.NaN);
        double p3At100k = figures.getOrDefault("P3 dashboard: learningCycle with "
                + String.format("%,d", Math.min(100_000, EVENTS)) + " events, p99", Double.NaN);
        json.put("p3P99GrowthFactor", Math.round(p3At100k / p3At1k * 100) / 100.0);
        Path out = Path.of(System.getProperty("bench.out", "bench/target/bench-results.json"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), json);
        System.out.printf("%nP3 p99 at 100k / at 1k: %.2f (target <= 1.5)%nResults written to %s%n",
                p3At100k / p3At1k, out.toAbsolutePath());
    }

    private static void deleteRecursively(Path folder) throws java.io.IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static double ratio(double value, double raw) {
        return value / raw;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static double residentMegabytes() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
