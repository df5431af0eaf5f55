package dk.laeringsledelse.kernel.measurement;

import dk.laeringsledelse.kernel.organisation.InstitutionId;
import dk.laeringsledelse.kernel.cycle.TeamId;

/**
 * Every measurement event carries the institution id (the aggregate id, and the sequencing key: one institution's
 * measurements in order) and the team id (null for an institution-level figure). Who recorded it and the idempotency
 * key are in the event's metadata ({@link dk.laeringsledelse.kernel.MetaDataKeys}); when, the event's timestamp.
 */
public interface MeasurementEvent {

    InstitutionId institutionId();

    /** The team the figure is about, or null for a figure about the whole institution. */
    TeamId teamId();

    Round round();

    IndicatorId indicator();
}
