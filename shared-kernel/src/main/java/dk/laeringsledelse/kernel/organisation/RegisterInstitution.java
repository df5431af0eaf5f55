package dk.laeringsledelse.kernel.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a day-care institution or school in a municipality. */
public record RegisterInstitution(
        @TargetAggregateIdentifier InstitutionId institutionId,
        MunicipalityId municipalityId,
        String name,
        InstitutionKind kind) {
}
