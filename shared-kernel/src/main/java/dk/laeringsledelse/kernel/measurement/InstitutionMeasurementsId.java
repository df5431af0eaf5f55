package dk.laeringsledelse.kernel.measurement;

import dk.laeringsledelse.kernel.organisation.InstitutionId;

/**
 * The aggregate id of an institution's measurements. Aggregate ids are unique across the whole event store, and the
 * institution id already names the institution's own stream: the measurements stream gets a prefixed id.
 */
public final class InstitutionMeasurementsId {

    private InstitutionMeasurementsId() {
    }

    public static String of(InstitutionId institutionId) {
        return institutionId == null ? null : "measurements|" + institutionId.value();
    }
}
