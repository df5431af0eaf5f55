package dk.laeringsledelse.kernel.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a person an institution role (LEADER). */
public record AssignInstitutionRole(
        @TargetAggregateIdentifier InstitutionId institutionId,
        PersonId personId,
        Role role) {
}
