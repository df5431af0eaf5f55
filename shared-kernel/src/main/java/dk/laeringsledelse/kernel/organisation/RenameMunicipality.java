package dk.laeringsledelse.kernel.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a municipality a new name. */
public record RenameMunicipality(
        @TargetAggregateIdentifier MunicipalityId municipalityId,
        String name) {
}
