package dk.laeringsledelse.command.measurement;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dk.laeringsledelse.command.support.Check;
import dk.laeringsledelse.command.support.IdempotencyKeys;
import dk.laeringsledelse.command.support.KeepsIdempotencyKeys;
import dk.laeringsledelse.kernel.CommandOutcome;
import dk.laeringsledelse.kernel.ErrorCode;
import dk.laeringsledelse.kernel.RuleViolation;
import dk.laeringsledelse.kernel.cycle.TeamId;
import dk.laeringsledelse.kernel.measurement.ImportMeasurements;
import dk.laeringsledelse.kernel.measurement.IndicatorId;
import dk.laeringsledelse.kernel.measurement.Indicators;
import dk.laeringsledelse.kernel.measurement.MeasurementsId;
import dk.laeringsledelse.kernel.organisation.InstitutionId;
import dk.laeringsledelse.kernel.measurement.MeasurementCorrected;
import dk.laeringsledelse.kernel.measurement.MeasurementCsv;
import dk.laeringsledelse.kernel.measurement.MeasurementImportRejected;
import dk.laeringsledelse.kernel.measurement.MeasurementRecorded;
import dk.laeringsledelse.kernel.measurement.MeasurementRow;
import dk.laeringsledelse.kernel.measurement.RecordMeasurement;
import dk.laeringsledelse.kernel.measurement.Round;
import dk.laeringsledelse.kernel.measurement.RowError;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The mapping-survey / profile-analysis figures (T1, T2, T3) of one institution: its own and its teams'. One
 * aggregate per institution so that an import of a survey export is one command and one commit: all rows or none.
 * Created by its first figure (CREATE_IF_MISSING, as the learning cycle's start), so there is no "opened" event.
 *
 * <p>A <em>series</em> is the figures of one team (or of the institution as a whole) for one indicator; it has at
 * most one figure per round. Rules, checked for a single record and for every row of an import:
 * <ul>
 *   <li>input (BAD_REQUEST): ids valid; round, measuredOn, indicator, value and scale given; measuredOn not in the
 *       future; the indicator is known reference data; scaleMin &lt; scaleMax; the value within the scale; decimals
 *       of at most 6 places and less than 10^9 in size; n at least 1;</li>
 *   <li>series (CONFLICT for a single record): a round is measured after every earlier round of its series and
 *       before every later one; every round of a series has the same scale (otherwise T1→T2 changes compare figures
 *       on different scales).</li>
 * </ul>
 * Recording a round its series has is a {@link MeasurementCorrected} if any figure differs and nothing if none
 * does. A round may be recorded without the earlier ones (a team that joins at T2).
 *
 * <p>An import checks every row against what is recorded merged with all the other rows (so the result does not
 * depend on the order of the rows) and rejects the whole import with a {@link MeasurementImportRejected}, listing
 * every bad row, if any row is bad; a round of a series may appear once per import.
 *
 * <p>State (figures per series and round, idempotency keys) is Jackson-serializable through its fields for snapshots.
 * Idempotency keys are answered and recorded by {@link dk.laeringsledelse.command.support.IdempotencyEnhancer}.
 */
@AggregateRoot(type = "InstitutionMeasurements")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class InstitutionMeasurements implements KeepsIdempotencyKeys {

    /** "Today" for date rules is the date in Denmark. */
    static final ZoneId TODAY_ZONE = ZoneId.of("Europe/Copenhagen");
    static final int DECIMALS_MAX = 6;
    static final BigDecimal MAGNITUDE_LIMIT = new BigDecimal("1000000000");
    /** The team key of figures about the institution as a whole (team ids are never blank). */
    static final String INSTITUTION_LEVEL = "";

    @AggregateIdentifier
    private MeasurementsId measurementsId;
    /** Team id ({@link #INSTITUTION_LEVEL} for the institution) → indicator id → round → figures. */
    private final Map<String, Map<String, Map<Round, Figures>>> series = new HashMap<>();
    private final IdempotencyKeys idempotencyKeys = new IdempotencyKeys();

    /** For Axon (event sourcing, creation policy) and Jackson (snapshots). */
    public InstitutionMeasurements() {
    }

    /** Every command answers with the institution id and the aggregate's version after it (read-your-own-writes). */
    @Override
    public IdempotencyKeys idempotencyKeys() {
        return idempotencyKeys;
    }

    @CommandHandlerInterceptor
    public Object answerWithVersion(InterceptorChain chain) throws Exception {
        Object created = chain.proceed();
        Long version = AggregateLifecycle.getVersion();
        return new CommandOutcome(created == null ? null : created.toString(), version == null ? -1 : version);
    }

    // ---------------------------------------------------------------- commands

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(RecordMeasurement command, Clock clock) {
        Check.id("institutionId", command.institutionId());
        String reason = Check.optionalText("correctionReason", command.correctionReason(), Check.TEXT_MAX);
        Reading reading = new Reading(0, command.teamId(), command.round(), command.measuredOn(),
                command.indicator(), command.value(), command.scaleMin(), command.scaleMax(), command.n());
        List<Problem> problems = inputProblems(reading, today(clock));
        if (problems.isEmpty()) {
            problems = seriesProblems(reading, merged(List.of(reading)).get(reading.series()));
        }
        if (!problems.isEmpty()) {
            throw problems.get(0).violation();
        }
        record(command.institutionId(), reading, reason);
        return command.institutionId().value();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(ImportMeasurements command, Clock clock) {
        Check.id("institutionId", command.institutionId());
        String reason = Check.optionalText("correctionReason", command.correctionReason(), Check.TEXT_MAX);
        List<MeasurementRow> rows = Check.list("rows", command.rows(), 1, MeasurementCsv.MAX_ROWS, (field, row) -> {
            Check.required(field, row);
            if (row.line() < 1) {
                throw RuleViolation.badRequest(field + ".line", field + ".line must be at least 1");
            }
        });
        LocalDate today = today(clock);
        List<RowError> errors = new ArrayList<>();
        Map<Slot, Integer> lineOfSlot = new HashMap<>();
        List<Reading> wellFormed = new ArrayList<>();
        for (MeasurementRow row : rows) {
            Reading reading = Reading.of(row);
            List<Problem> problems = inputProblems(reading, today);
            if (problems.isEmpty()) {
                Integer first = lineOfSlot.putIfAbsent(reading.slot(), row.line());
                if (first == null) {
                    wellFormed.add(reading);
                } else {
                    problems = List.of(new Problem(ErrorCode.BAD_REQUEST, "round", reading.describe()
                            + " is already in line " + first + "; a round may appear once per import"));
                }
            }
            problems.forEach(problem -> errors.add(new RowError(row.line(), problem.field(), problem.message())));
        }
        Map<Series, Map<Round, Entry>> merged = merged(wellFormed);
        for (Reading reading : wellFormed) {
            seriesProblems(reading, merged.get(reading.series())).forEach(problem ->
                    errors.add(new RowError(reading.line(), problem.field(), problem.message())));
        }
        if (!errors.isEmpty()) {
            throw new MeasurementImportRejected("rows", errors);
        }
        wellFormed.forEach(reading -> record(command.institutionId(), reading, reason));
        return command.institutionId().value();
    }

    // ---------------------------------------------------------------- events

    @EventSourcingHandler
    void on(MeasurementRecorded event) {
        measurementsId = MeasurementsId.of(event.institutionId());
        put(event.teamId(), event.indicator(), event.round(),
                new Figures(event.measuredOn(), event.value(), event.scaleMin(), event.scaleMax(), event.n()));
    }

    @EventSourcingHandler
    void on(MeasurementCorrected event) {
        put(event.teamId(), event.indicator(), event.round(),
                new Figures(event.measuredOn(), event.value(), event.scaleMin(), event.scaleMax(), event.n()));
    }

    // ---------------------------------------------------------------- rules

    /** Applies what a valid reading changes: a new round, a correction, or nothing if its figures are recorded. */
    private void record(InstitutionId institution, Reading reading, String reason) {
        Figures recorded = recorded(reading.series()).get(reading.round());
        Figures figures = reading.figures();
        if (recorded == null) {
            apply(new MeasurementRecorded(institution, reading.teamId(), reading.round(), reading.measuredOn(),
                    reading.indicator(), reading.value(), reading.scaleMin(), reading.scaleMax(), reading.n()));
        } else if (!recorded.sameAs(figures)) {
            apply(new MeasurementCorrected(institution, reading.teamId(), reading.round(), reading.measuredOn(),
                    reading.indicator(), reading.value(), reading.scaleMin(), reading.scaleMax(), reading.n(),
                    reason));
        }
    }

    /** Every input rule a reading breaks (BAD_REQUEST), each naming its field; empty if none. */
    private static List<Problem> inputProblems(Reading reading, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        collect(problems, () -> Check.optionalId("teamId", reading.teamId()));
        collect(problems, () -> Check.required("round", reading.round()));
        if (collect(problems, () -> Check.required("measuredOn", reading.measuredOn())) && reading.measuredOn().isAfter(today)) {
            problems.add(Problem.badRequest("measuredOn", "measuredOn " + reading.measuredOn()
                    + " must not be in the future (today is " + today + ")"));
        }
        if (collect(problems, () -> Check.id("indicator", reading.indicator()))
                && !Indicators.isKnown(reading.indicator())) {
            problems.add(Problem.badRequest("indicator", "indicator " + reading.indicator()
                    + " is not a known indicator; known are " + Indicators.all().stream()
                    .map(indicator -> indicator.id().value()).collect(Collectors.joining(", "))));
        }
        boolean scaleGiven = decimal(problems, "scaleMin", reading.scaleMin())
                & decimal(problems, "scaleMax", reading.scaleMax());
        boolean scaleValid = scaleGiven && reading.scaleMin().compareTo(reading.scaleMax()) < 0;
        if (scaleGiven && !scaleValid) {
            problems.add(Problem.badRequest("scaleMax", "scaleMax " + reading.scaleMax().toPlainString()
                    + " must be greater than scaleMin " + reading.scaleMin().toPlainString()));
        }
        if (decimal(problems, "value", reading.value()) && scaleValid
                && (reading.value().compareTo(reading.scaleMin()) < 0
                || reading.value().compareTo(reading.scaleMax()) > 0)) {
            problems.add(Problem.badRequest("value", "value " + reading.value().toPlainString()
                    + " must be within the scale " + reading.figures().scale()));
        }
        if (reading.n() < 1) {
            problems.add(Problem.badRequest("n", "n must be at least 1 (the number of children or respondents)"));
        }
        return problems;
    }

    /**
     * Every series rule a (well-formed) reading breaks against the other rounds of its series (CONFLICT): dates in
     * round order, one scale. {@code rounds} is the series as it would be: recorded figures merged with the reading
     * and the import's other rows.
     */
    private static List<Problem> seriesProblems(Reading reading, Map<Round, Entry> rounds) {
        List<Problem> problems = new ArrayList<>();
        boolean scaleReported = false;
        for (Map.Entry<Round, Entry> other : rounds.entrySet()) {
            Round round = other.getKey();
            Figures figures = other.getValue().figures();
            if (round == reading.round()) {
                continue;
            }
            String theirs = round + "'s measuredOn " + figures.measuredOn() + other.getValue().origin();
            if (round.isBefore(reading.round()) && !figures.measuredOn().isBefore(reading.measuredOn())) {
                problems.add(Problem.conflict("measuredOn", "measuredOn " + reading.measuredOn() + " of "
                        + reading.round() + " must be after " + theirs + " for the same "
                        + reading.seriesName()));
            }
            if (reading.round().isBefore(round) && !reading.measuredOn().isBefore(figures.measuredOn())) {
                problems.add(Problem.conflict("measuredOn", "measuredOn " + reading.measuredOn() + " of "
                        + reading.round() + " must be before " + theirs + " for the same "
                        + reading.seriesName()));
            }
            if (!scaleReported && !figures.sameScale(reading.figures())) {
                scaleReported = true;
                String field = reading.scaleMin().compareTo(figures.scaleMin()) != 0 ? "scaleMin" : "scaleMax";
                problems.add(Problem.conflict(field, "the scale " + reading.figures().scale() + " of "
                        + reading.round() + " must be the scale " + figures.scale() + " of " + round
                        + other.getValue().origin() + " for the same " + reading.seriesName()
                        + "; every round of a series is measured on one scale"));
            }
        }
        return problems;
    }

    /** The series of these readings as they would be: recorded rounds, overlaid with the readings. */
    private Map<Series, Map<Round, Entry>> merged(List<Reading> readings) {
        Map<Series, Map<Round, Entry>> merged = new HashMap<>();
        for (Reading reading : readings) {
            merged.computeIfAbsent(reading.series(), series -> {
                Map<Round, Entry> rounds = new EnumMap<>(Round.class);
                recorded(series).forEach((round, figures) -> rounds.put(round, new Entry(figures, 0)));
                return rounds;
            }).put(reading.round(), new Entry(reading.figures(), reading.line()));
        }
        return merged;
    }

    private Map<Round, Figures> recorded(Series key) {
        return series.getOrDefault(key.team(), Map.of()).getOrDefault(key.indicator(), Map.of());
    }

    private void put(TeamId teamId, IndicatorId indicator, Round round, Figures figures) {
        series.computeIfAbsent(teamKey(teamId), team -> new HashMap<>())
                .computeIfAbsent(indicator.value(), id -> new EnumMap<>(Round.class))
                .put(round, figures);
    }

    /** A required decimal of at most 6 decimals and less than 10^9 in size; adds the problem, answers if valid. */
    private static boolean decimal(List<Problem> problems, String field, BigDecimal value) {
        if (!collect(problems, () -> Check.required(field, value))) {
            return false;
        }
        if (value.scale() > DECIMALS_MAX) {
            problems.add(Problem.badRequest(field, field + " must not have more than " + DECIMALS_MAX + " decimals"));
            return false;
        }
        if (value.abs().compareTo(MAGNITUDE_LIMIT) >= 0) {
            problems.add(Problem.badRequest(field, field + " must be less than 1000000000 in size"));
            return false;
        }
        return true;
    }

    /** Runs a {@link Check}, turning its violation into a problem; answers whether it passed. */
    private static boolean collect(List<Problem> problems, Supplier<?> check) {
        try {
            check.get();
            return true;
        } catch (RuleViolation violation) {
            problems.add(new Problem(violation.code(), violation.field(), violation.getMessage()));
            return false;
        }
    }

    private static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), TODAY_ZONE);
    }

    private static String teamKey(TeamId teamId) {
        return teamId == null ? INSTITUTION_LEVEL : teamId.value();
    }

    // ---------------------------------------------------------------- values used while checking

    /** One figure to record: from a command ({@code line} 0) or from an import row. */
    private record Reading(int line, TeamId teamId, Round round, LocalDate measuredOn, IndicatorId indicator,
                           BigDecimal value, BigDecimal scaleMin, BigDecimal scaleMax, int n) {

        static Reading of(MeasurementRow row) {
            return new Reading(row.line(), row.teamId(), row.round(), row.measuredOn(), row.indicator(), row.value(),
                    row.scaleMin(), row.scaleMax(), row.n());
        }

        Figures figures() {
            return new Figures(measuredOn, value, scaleMin, scaleMax, n);
        }

        Series series() {
            return new Series(teamKey(teamId), indicator.value());
        }

        Slot slot() {
            return new Slot(series(), round);
        }

        String seriesName() {
            return (teamId == null ? "institution as a whole" : "team " + teamId) + " and indicator " + indicator;
        }

        String describe() {
            return "round " + round + " of " + (teamId == null ? "the institution as a whole" : "team " + teamId)
                    + " for indicator " + indicator;
        }
    }

    /** One team's (or the institution's) figures for one indicator. */
    private record Series(String team, String indicator) {
    }

    /** One round of one series. */
    private record Slot(Series series, Round round) {
    }

    /** A round's figures in a merged series and where they come from: 0 recorded, else the import's line. */
    private record Entry(Figures figures, int line) {

        String origin() {
            return line == 0 ? " (recorded)" : " (line " + line + ")";
        }
    }

    /** A broken rule, collected before it is thrown (one command) or listed (an import). */
    private record Problem(ErrorCode code, String field, String message) {

        static Problem badRequest(String field, String message) {
            return new Problem(ErrorCode.BAD_REQUEST, field, message);
        }

        static Problem conflict(String field, String message) {
            return new Problem(ErrorCode.CONFLICT, field, message);
        }

        RuleViolation violation() {
            return new RuleViolation(code, field, message);
        }
    }
}
