package dk.laeringsledelse.kernel.organisation;

import dk.laeringsledelse.kernel.cycle.TeamId;
import org.axonframework.serialization.Revision;

/** A team got a new name. */
@Revision("1")
public record TeamRenamed(
        TeamId teamId,
        InstitutionId institutionId,
        MunicipalityId municipalityId,
        String name) implements OrganisationEvent {
}
