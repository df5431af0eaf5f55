package dk.laeringsledelse.kernel.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a municipal role from a person. */
public record UnassignMunicipalRole(
        @TargetAggregateIdentifier MunicipalityId municipalityId,
        PersonId personId,
        Role role) {
}
