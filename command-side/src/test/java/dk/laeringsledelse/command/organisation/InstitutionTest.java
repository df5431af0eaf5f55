package dk.laeringsledelse.command.organisation;

import static dk.laeringsledelse.command.support.Expectations.violation;
import static dk.laeringsledelse.kernel.ErrorCode.BAD_REQUEST;
import static dk.laeringsledelse.kernel.ErrorCode.CONFLICT;

import dk.laeringsledelse.kernel.organisation.AssignInstitutionRole;
import dk.laeringsledelse.kernel.organisation.InstitutionId;
import dk.laeringsledelse.kernel.organisation.InstitutionKind;
import dk.laeringsledelse.kernel.organisation.InstitutionRegistered;
import dk.laeringsledelse.kernel.organisation.InstitutionRenamed;
import dk.laeringsledelse.kernel.organisation.InstitutionRetired;
import dk.laeringsledelse.kernel.organisation.InstitutionRoleAssigned;
import dk.laeringsledelse.kernel.organisation.InstitutionRoleUnassigned;
import dk.laeringsledelse.kernel.organisation.MunicipalityId;
import dk.laeringsledelse.kernel.organisation.PersonId;
import dk.laeringsledelse.kernel.organisation.RegisterInstitution;
import dk.laeringsledelse.kernel.organisation.RenameInstitution;
import dk.laeringsledelse.kernel.organisation.RetireInstitution;
import dk.laeringsledelse.kernel.organisation.Role;
import dk.laeringsledelse.kernel.organisation.UnassignInstitutionRole;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registering, renaming and retiring an institution; its leaders. */
class InstitutionTest {

    static final MunicipalityId AARHUS = new MunicipalityId("751");
    static final InstitutionId SOLSIKKEN = new InstitutionId("solsikken");
    static final PersonId LEADER = new PersonId("leader-lars");
    static final InstitutionRegistered REGISTERED =
            new InstitutionRegistered(SOLSIKKEN, AARHUS, "Børnehuset Solsikken", InstitutionKind.DAYCARE);

    private AggregateTestFixture<Institution> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Institution.class);
    }

    @Test
    void whenRegistered_thenRegisteredInItsMunicipality() {
        fixture.givenNoPriorActivity()
                .when(new RegisterInstitution(SOLSIKKEN, AARHUS, "Børnehuset Solsikken", InstitutionKind.DAYCARE))
                .expectEvents(REGISTERED);
    }

    @Test
    void whenRegisteredWithoutKind_thenRejectedNamingTheField() {
        fixture.givenNoPriorActivity()
                .when(new RegisterInstitution(SOLSIKKEN, AARHUS, "Solsikken", null))
                .expectException(violation(BAD_REQUEST, "kind"))
                .expectNoEvents();
    }

    @Test
    void whenRegisteredWithoutMunicipality_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new RegisterInstitution(SOLSIKKEN, null, "Solsikken", InstitutionKind.DAYCARE))
                .expectException(violation(BAD_REQUEST, "municipalityId"));
    }

    @Test
    void givenRegistered_whenRenamed_thenRenamedNamingItsMunicipality() {
        fixture.given(REGISTERED)
                .when(new RenameInstitution(SOLSIKKEN, "Solsikken"))
                .expectEvents(new InstitutionRenamed(SOLSIKKEN, AARHUS, "Solsikken"));
    }

    @Test
    void givenRegistered_whenRetired_thenRetired() {
        fixture.given(REGISTERED)
                .when(new RetireInstitution(SOLSIKKEN))
                .expectEvents(new InstitutionRetired(SOLSIKKEN, AARHUS));
    }

    @Test
    void givenRegistered_whenLeaderAssigned_thenAssigned() {
        fixture.given(REGISTERED)
                .when(new AssignInstitutionRole(SOLSIKKEN, LEADER, Role.LEADER))
                .expectEvents(new InstitutionRoleAssigned(SOLSIKKEN, AARHUS, LEADER, Role.LEADER));
    }

    @Test
    void givenRegistered_whenAMunicipalRoleIsAssigned_thenRejected() {
        fixture.given(REGISTERED)
                .when(new AssignInstitutionRole(SOLSIKKEN, LEADER, Role.AUDITOR))
                .expectException(violation(BAD_REQUEST, "role"));
    }

    @Test
    void givenRetired_whenLeaderAssigned_thenConflict() {
        fixture.given(REGISTERED, new InstitutionRetired(SOLSIKKEN, AARHUS))
                .when(new AssignInstitutionRole(SOLSIKKEN, LEADER, Role.LEADER))
                .expectException(violation(CONFLICT, "institutionId"));
    }

    @Test
    void givenRetiredWithALeader_whenLeaderUnassigned_thenUnassigned() {
        fixture.given(REGISTERED, new InstitutionRoleAssigned(SOLSIKKEN, AARHUS, LEADER, Role.LEADER),
                        new InstitutionRetired(SOLSIKKEN, AARHUS))
                .when(new UnassignInstitutionRole(SOLSIKKEN, LEADER, Role.LEADER))
                .expectEvents(new InstitutionRoleUnassigned(SOLSIKKEN, AARHUS, LEADER, Role.LEADER));
    }
}
