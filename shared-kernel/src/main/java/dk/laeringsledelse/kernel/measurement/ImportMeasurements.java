package dk.laeringsledelse.kernel.measurement;

import dk.laeringsledelse.kernel.IdempotentCommand;
import dk.laeringsledelse.kernel.organisation.InstitutionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Import the rows of a survey export for one institution, all or nothing; returns the institution id. Every row is
 * checked by the rules of {@link RecordMeasurement}, against what is recorded and against the other rows (a round of
 * a team and indicator may appear once per import). If any row breaks a rule, a {@link MeasurementImportRejected}
 * lists every bad row's line and reason and nothing is stored; otherwise one commit stores a
 * {@link MeasurementRecorded} or {@link MeasurementCorrected} per new or changed row (identical rows store nothing).
 * {@link MeasurementCsv} turns CSV text into these commands.
 *
 * @param rows             1 to {@value MeasurementCsv#MAX_ROWS} rows
 * @param correctionReason optional (at most 4,000 characters), kept on every correction the import makes
 */
public record ImportMeasurements(
        InstitutionId institutionId,
        List<MeasurementRow> rows,
        String correctionReason) implements IdempotentCommand {

    /** The institution's measurements stream (not the institution's own: see {@link MeasurementsId}). */
    @TargetAggregateIdentifier
    public MeasurementsId measurementsId() {
        return MeasurementsId.of(institutionId);
    }

    @Override
    public Object resultId() {
        return institutionId;
    }
}
