package dk.laeringsledelse.graphql.measurement;

import dk.laeringsledelse.query.measurement.InstitutionMeasurementsView;
import dk.laeringsledelse.query.measurement.FindInstitutionMeasurements;
import dk.laeringsledelse.query.measurement.MeasurementStore;
import dk.laeringsledelse.kernel.RuleViolation;
import dk.laeringsledelse.kernel.cycle.TeamId;
import dk.laeringsledelse.kernel.measurement.ImportMeasurements;
import dk.laeringsledelse.kernel.measurement.IndicatorId;
import dk.laeringsledelse.kernel.measurement.MeasurementCsv;
import dk.laeringsledelse.kernel.measurement.MeasurementImportRejected;
import dk.laeringsledelse.kernel.measurement.MeasurementRow;
import dk.laeringsledelse.kernel.measurement.RecordMeasurement;
import dk.laeringsledelse.kernel.measurement.Round;
import dk.laeringsledelse.kernel.measurement.RowError;
import dk.laeringsledelse.kernel.organisation.InstitutionId;
import dk.laeringsledelse.kernel.organisation.Role;
import dk.laeringsledelse.graphql.access.Caller;
import dk.laeringsledelse.graphql.access.Callers;
import dk.laeringsledelse.graphql.support.CommandDispatcher;
import dk.laeringsledelse.query.organisation.OrganisationStore;
import dk.laeringsledelse.query.organisation.UnitView;
import graphql.GraphQLContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Recording T1/T2/T3 figures, one at a time or a survey export as CSV, by the institution's leaders and the
 * municipality's admins. An import is all or nothing for the whole file: a file is about one institution (one
 * aggregate, one commit), every row's team must be one of its teams, and every bad row is reported at once in the
 * error's {@code extensions.rowErrors}.
 */
@Controller
public class MeasurementMutations {

    public record RecordMeasurementInput(String institutionId, String teamId, Round round, LocalDate measuredOn,
                                         String indicator, Double value, Double scaleMin, Double scaleMax, int n,
                                         String correctionReason, String idempotencyKey) {
    }

    public record ImportMeasurementsInput(String csv, String correctionReason, String idempotencyKey) {
    }

    /** @param rows how many figures the request carried (identical ones store nothing) */
    public record MeasurementPayload(String institutionId, int rows) {
    }

    private final CommandDispatcher dispatcher;
    private final MeasurementStore store;
    private final OrganisationStore organisation;
    private final Callers callers;

    public MeasurementMutations(CommandDispatcher dispatcher, MeasurementStore store, OrganisationStore organisation,
                                Callers callers) {
        this.dispatcher = dispatcher;
        this.store = store;
        this.organisation = organisation;
        this.callers = callers;
    }

    @MutationMapping
    public MeasurementPayload recordMeasurement(@Argument RecordMeasurementInput input, GraphQLContext context) {
        Caller caller = callers.of(context);
        UnitView institution = organisation.find(UnitView.Kind.INSTITUTION, input.institutionId()).orElse(null);
        Role role = authorise(caller, institution, input.institutionId(), "institutionId");
        if (input.teamId() != null && !institution.children.contains(input.teamId())) {
            throw RuleViolation.badRequest("teamId", "teamId must be a team of institution " + institution.id);
        }
        send(new RecordMeasurement(InstitutionId.of(institution.id),
                input.teamId() == null ? null : TeamId.of(input.teamId()), input.round(), input.measuredOn(),
                IndicatorId.of(input.indicator()), decimal(input.value()), decimal(input.scaleMin()),
                decimal(input.scaleMax()), input.n(), input.correctionReason()), caller, role, input.idempotencyKey(),
                institution.id);
        return new MeasurementPayload(institution.id, 1);
    }

    @MutationMapping
    public MeasurementPayload importMeasurements(@Argument ImportMeasurementsInput input, GraphQLContext context) {
        MeasurementCsv.Result parsed = MeasurementCsv.parse(input.csv());
        Map<InstitutionId, List<MeasurementRow>> byInstitution = parsed.rowsByInstitution();
        List<RowError> errors = new ArrayList<>(parsed.errors());
        if (byInstitution.size() > 1) {
            // several aggregates cannot be committed at once: refuse rather than store part of the file
            InstitutionId first = byInstitution.keySet().iterator().next();
            byInstitution.forEach((institution, rows) -> {
                if (!institution.equals(first)) {
                    rows.forEach(row -> errors.add(new RowError(row.line(), "institution", "institution "
                            + institution + " differs from " + first + " of the rows before; a file is imported "
                            + "for one institution, all or nothing: split it per institution")));
                }
            });
        }
        if (byInstitution.size() != 1) {
            throw new MeasurementImportRejected("csv", errors);
        }
        Map.Entry<InstitutionId, List<MeasurementRow>> only = byInstitution.entrySet().iterator().next();
        String institutionId = only.getKey().value();
        Caller caller = callers.of(context);
        UnitView institution = organisation.find(UnitView.Kind.INSTITUTION, institutionId).orElse(null);
        Role role = authorise(caller, institution, institutionId, "csv");
        for (MeasurementRow row : only.getValue()) {
            if (row.teamId() != null && !institution.children.contains(row.teamId().value())) {
                errors.add(new RowError(row.line(), "team", "team " + row.teamId() + " is not a team of institution "
                        + institutionId));
            }
        }
        if (!errors.isEmpty()) {
            throw new MeasurementImportRejected("csv", errors);
        }
        try {
            send(new ImportMeasurements(only.getKey(), only.getValue(), input.correctionReason()), caller, role,
                    input.idempotencyKey(), institutionId);
        } catch (MeasurementImportRejected rejected) {
            throw new MeasurementImportRejected("csv", rejected.rowErrors()); // the rows came from the field csv
        }
        return new MeasurementPayload(institutionId, only.getValue().size());
    }

    /** The caller's role for recording this institution's figures; refused alike whether or not it exists. */
    private static Role authorise(Caller caller, UnitView institution, String institutionId, String field) {
        return (institution == null ? java.util.Optional.<Role>empty() : caller.measurementWriterRole(institution))
                .orElseThrow(() -> RuleViolation.forbidden(field, "you may not record measurements for institution "
                        + institutionId + ": only its leaders and the municipality's admins may"));
    }

    private void send(Object command, Caller caller, Role role, String idempotencyKey, String institutionId) {
        dispatcher.send(command, caller.personId(), role.name(), idempotencyKey,
                new FindInstitutionMeasurements(institutionId), InstitutionMeasurementsView.class, v -> v.version,
                query -> store.find(institutionId).orElse(null));
    }

    private static BigDecimal decimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }
}
