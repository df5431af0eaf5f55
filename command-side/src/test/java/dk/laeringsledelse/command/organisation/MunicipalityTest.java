package dk.laeringsledelse.command.organisation;

import static dk.laeringsledelse.command.support.Expectations.violation;
import static dk.laeringsledelse.kernel.ErrorCode.BAD_REQUEST;
import static dk.laeringsledelse.kernel.ErrorCode.CONFLICT;
import static dk.laeringsledelse.kernel.ErrorCode.NOT_FOUND;

import dk.laeringsledelse.kernel.organisation.AssignMunicipalRole;
import dk.laeringsledelse.kernel.organisation.MunicipalRoleAssigned;
import dk.laeringsledelse.kernel.organisation.MunicipalRoleUnassigned;
import dk.laeringsledelse.kernel.organisation.MunicipalityId;
import dk.laeringsledelse.kernel.organisation.MunicipalityRegistered;
import dk.laeringsledelse.kernel.organisation.MunicipalityRenamed;
import dk.laeringsledelse.kernel.organisation.MunicipalityRetired;
import dk.laeringsledelse.kernel.organisation.PersonId;
import dk.laeringsledelse.kernel.organisation.RegisterMunicipality;
import dk.laeringsledelse.kernel.organisation.RenameMunicipality;
import dk.laeringsledelse.kernel.organisation.RetireMunicipality;
import dk.laeringsledelse.kernel.organisation.Role;
import dk.laeringsledelse.kernel.organisation.UnassignMunicipalRole;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registering, renaming and retiring a municipality; its auditors and administrators. */
class MunicipalityTest {

    static final MunicipalityId AARHUS = new MunicipalityId("751");
    static final PersonId AUDITOR = new PersonId("auditor-anne");

    private AggregateTestFixture<Municipality> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Municipality.class);
    }

    @Test
    void whenRegistered_thenRegisteredWithTheNameTrimmed() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMunicipality(AARHUS, "  Aarhus Kommune "))
                .expectEvents(new MunicipalityRegistered(AARHUS, "Aarhus Kommune"));
    }

    @Test
    void whenRegisteredWithoutName_thenRejectedNamingTheField() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMunicipality(AARHUS, " "))
                .expectException(violation(BAD_REQUEST, "name"))
                .expectNoEvents();
    }

    @Test
    void whenRegisteredWithANameOf201Characters_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMunicipality(AARHUS, "x".repeat(201)))
                .expectException(violation(BAD_REQUEST, "name"))
                .expectExceptionMessage("name must not be longer than 200 characters");
    }

    @Test
    void whenRegisteredWithoutId_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMunicipality(new MunicipalityId(""), "Aarhus"))
                .expectException(violation(BAD_REQUEST, "municipalityId"));
    }

    @Test
    void givenRegistered_whenRenamed_thenRenamed() {
        fixture.given(new MunicipalityRegistered(AARHUS, "Aarhus"))
                .when(new RenameMunicipality(AARHUS, "Aarhus Kommune"))
                .expectEvents(new MunicipalityRenamed(AARHUS, "Aarhus Kommune"));
    }

    @Test
    void givenRegistered_whenRenamedToTheSameName_thenNothingStored() {
        fixture.given(new MunicipalityRegistered(AARHUS, "Aarhus"))
                .when(new RenameMunicipality(AARHUS, "Aarhus"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenRetired_whenRenamed_thenConflict() {
        fixture.given(new MunicipalityRegistered(AARHUS, "Aarhus"), new MunicipalityRetired(AARHUS))
                .when(new RenameMunicipality(AARHUS, "Aarhus Kommune"))
                .expectException(violation(CONFLICT, "municipalityId"))
                .expectExceptionMessage("the municipality is retired");
    }

    @Test
    void givenRetired_whenRetiredAgain_thenConflict() {
        fixture.given(new MunicipalityRegistered(AARHUS, "Aarhus"), new MunicipalityRetired(AARHUS))
                .when(new RetireMunicipality(AARHUS))
                .expectException(violation(CONFLICT, "municipalityId"));
    }

    @Test
    void givenRegistered_whenAuditorAssigned_thenAssigned() {
        fixture.given(new MunicipalityRegistered(AARHUS, "Aarhus"))
                .when(new AssignMunicipalRole(AARHUS, AUDITOR, Role.AUDITOR))
                .expectEvents(new MunicipalRoleAssigned(AARHUS, AUDITOR, Role.AUDITOR));
    }

    @Test
    void givenAuditorAssigned_whenAssignedAgain_thenNothingStored() {
        fixture.given(new MunicipalityRegistered(AARHUS, "Aarhus"),
                        new MunicipalRoleAssigned(AARHUS, AUDITOR, Role.AUDITOR))
                .when(new AssignMunicipalRole(AARHUS, AUDITOR, Role.AUDITOR))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenAuditorAssigned_whenAlsoMadeAdmin_thenHoldsBothRoles() {
        fixture.given(new MunicipalityRegistered(AARHUS, "Aarhus"),
                        new MunicipalRoleAssigned(AARHUS, AUDITOR, Role.AUDITOR))
                .when(new AssignMunicipalRole(AARHUS, AUDITOR, Role.ADMIN))
                .expectEvents(new MunicipalRoleAssigned(AARHUS, AUDITOR, Role.ADMIN));
    }

    @Test
    void givenRegistered_whenATeamRoleIsAssigned_thenRejectedNamingTheRole() {
        fixture.given(new MunicipalityRegistered(AARHUS, "Aarhus"))
                .when(new AssignMunicipalRole(AARHUS, AUDITOR, Role.EDUCATOR))
                .expectException(violation(BAD_REQUEST, "role"))
                .expectExceptionMessage("role EDUCATOR is held at TEAM level, not at MUNICIPALITY level");
    }

    @Test
    void givenRetired_whenRoleAssigned_thenConflict() {
        fixture.given(new MunicipalityRegistered(AARHUS, "Aarhus"), new MunicipalityRetired(AARHUS))
                .when(new AssignMunicipalRole(AARHUS, AUDITOR, Role.AUDITOR))
                .expectException(violation(CONFLICT, "municipalityId"));
    }

    @Test
    void givenAuditorAssigned_whenUnassigned_thenUnassigned() {
        fixture.given(new MunicipalityRegistered(AARHUS, "Aarhus"),
                        new MunicipalRoleAssigned(AARHUS, AUDITOR, Role.AUDITOR))
                .when(new UnassignMunicipalRole(AARHUS, AUDITOR, Role.AUDITOR))
                .expectEvents(new MunicipalRoleUnassigned(AARHUS, AUDITOR, Role.AUDITOR));
    }

    @Test
    void givenRoleUnassigned_whenUnassignedAgain_thenNotFound() {
        fixture.given(new MunicipalityRegistered(AARHUS, "Aarhus"),
                        new MunicipalRoleAssigned(AARHUS, AUDITOR, Role.AUDITOR),
                        new MunicipalRoleUnassigned(AARHUS, AUDITOR, Role.AUDITOR))
                .when(new UnassignMunicipalRole(AARHUS, AUDITOR, Role.AUDITOR))
                .expectException(violation(NOT_FOUND, "personId"))
                .expectNoEvents();
    }

    @Test
    void givenRegistered_whenRoleAssignedWithoutPerson_thenRejected() {
        fixture.given(new MunicipalityRegistered(AARHUS, "Aarhus"))
                .when(new AssignMunicipalRole(AARHUS, null, Role.ADMIN))
                .expectException(violation(BAD_REQUEST, "personId"));
    }
}
