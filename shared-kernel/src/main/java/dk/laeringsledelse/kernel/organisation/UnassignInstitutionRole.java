package dk.laeringsledelse.kernel.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take an institution role from a person. */
public record UnassignInstitutionRole(
        @TargetAggregateIdentifier InstitutionId institutionId,
        PersonId personId,
        Role role) {
}
