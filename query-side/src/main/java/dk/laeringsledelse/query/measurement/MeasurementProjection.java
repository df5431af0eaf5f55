package dk.laeringsledelse.query.measurement;

import dk.laeringsledelse.query.support.ProcessingGroups;
import dk.laeringsledelse.kernel.measurement.MeasurementCorrected;
import dk.laeringsledelse.kernel.measurement.MeasurementEvent;
import dk.laeringsledelse.kernel.measurement.MeasurementRecorded;
import dk.laeringsledelse.query.summary.FindInstitutionOverview;
import dk.laeringsledelse.query.summary.InstitutionSummaryStore;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code institution_measurements} and the institution series in the institution's summary up to date. The
 * application sequences this processing group by institution, so one thread at a time changes an institution's
 * document; the summary gets an atomic {@code $set} of its own field.
 */
@Component
@ProcessingGroup(ProcessingGroups.TEAM_VIEWS)
public class MeasurementProjection {

    private final MeasurementStore store;
    private final InstitutionSummaryStore summaries;
    private final QueryUpdateEmitter updates;

    public MeasurementProjection(MeasurementStore store, InstitutionSummaryStore summaries,
                                 QueryUpdateEmitter updates) {
        this.store = store;
        this.summaries = summaries;
        this.updates = updates;
    }

    @EventHandler
    public void on(MeasurementRecorded e, @SequenceNumber Long sequenceNumber) {
        update(e, sequenceNumber, view -> view.put(e, e.measuredOn(), e.value(), e.scaleMin(), e.scaleMax(), e.n()));
    }

    @EventHandler
    public void on(MeasurementCorrected e, @SequenceNumber Long sequenceNumber) {
        update(e, sequenceNumber, view -> view.put(e, e.measuredOn(), e.value(), e.scaleMin(), e.scaleMax(), e.n()));
    }

    private void update(MeasurementEvent event, long sequenceNumber, Consumer<InstitutionMeasurementsView> change) {
        String institutionId = event.institutionId().value();
        InstitutionMeasurementsView view = store.find(institutionId)
                .orElseGet(() -> new InstitutionMeasurementsView(institutionId));
        if (sequenceNumber > view.version) {
            change.accept(view);
            view.version = sequenceNumber;
            store.save(view);
        }
        // also on a re-delivered event: the summary may not have been written before a crash
        summaries.putIndicators(institutionId, view.institutionSeries());
        updates.emit(FindInstitutionMeasurements.class, q -> q.institutionId().equals(institutionId), view);
        updates.emit(FindInstitutionOverview.class, q -> q.institutionId().equals(institutionId), institutionId);
    }

    @QueryHandler
    public InstitutionMeasurementsView handle(FindInstitutionMeasurements query) {
        return store.find(query.institutionId()).orElse(null);
    }

    @ResetHandler
    public void reset() {
        store.deleteAll();
        summaries.deleteIndicators();
    }
}
