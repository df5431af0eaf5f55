package dk.laeringsledelse.kernel.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give an institution a new name. */
public record RenameInstitution(
        @TargetAggregateIdentifier InstitutionId institutionId,
        String name) {
}
