package dk.laeringsledelse.kernel.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a person a municipal role (AUDITOR or ADMIN). */
public record AssignMunicipalRole(
        @TargetAggregateIdentifier MunicipalityId municipalityId,
        PersonId personId,
        Role role) {
}
