package dk.laeringsledelse.kernel.organisation;

/** An event of the organisation: every one names the municipality it belongs to (projections sequence by it). */
public interface OrganisationEvent {

    MunicipalityId municipalityId();
}
