package dk.laeringsledelse.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module rules of DESIGN.md, enforced by the build rather than by goodwill. */
@AnalyzeClasses(packages = "dk.laeringsledelse", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule commandSideDoesNotKnowTheQuerySide = noClasses()
            .that().resideInAPackage("dk.laeringsledelse.command..")
            .should().dependOnClassesThat().resideInAnyPackage("dk.laeringsledelse.query..", "dk.laeringsledelse.app..");

    @ArchTest
    static final ArchRule querySideDoesNotKnowTheCommandSide = noClasses()
            .that().resideInAPackage("dk.laeringsledelse.query..")
            .should().dependOnClassesThat().resideInAnyPackage("dk.laeringsledelse.command..", "dk.laeringsledelse.app..",
                    "dk.laeringsledelse.graphql..");

    @ArchTest
    static final ArchRule querySideKnowsNoGraphQl = noClasses()
            .that().resideInAPackage("dk.laeringsledelse.query..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.graphql..", "graphql..");

    @ArchTest
    static final ArchRule graphQlApiSendsCommandsButKnowsNoAggregate = noClasses()
            .that().resideInAPackage("dk.laeringsledelse.graphql..")
            .should().dependOnClassesThat().resideInAnyPackage("dk.laeringsledelse.command..", "dk.laeringsledelse.app..",
                    "dk.laeringsledelse.eventstore..", "dk.laeringsledelse.embeddedstore..");

    @ArchTest
    static final ArchRule embeddedStoreHasNoSpringAndNoDomain = noClasses()
            .that().resideInAPackage("dk.laeringsledelse.embeddedstore..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "dk.laeringsledelse.kernel..",
                    "dk.laeringsledelse.command..", "dk.laeringsledelse.query..", "dk.laeringsledelse.graphql..",
                    "dk.laeringsledelse.eventstore..", "dk.laeringsledelse.app..");

    @ArchTest
    static final ArchRule sharedKernelHasNoSpringNoMongoAndNoOtherModule = noClasses()
            .that().resideInAPackage("dk.laeringsledelse.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "com.mongodb..", "org.bson..",
                    "dk.laeringsledelse.command..", "dk.laeringsledelse.query..", "dk.laeringsledelse.graphql..",
                    "dk.laeringsledelse.eventstore..", "dk.laeringsledelse.app..");

    @ArchTest
    static final ArchRule eventStoreKnowsNoDomain = noClasses()
            .that().resideInAPackage("dk.laeringsledelse.eventstore..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dk.laeringsledelse.command..", "dk.laeringsledelse.query..", "dk.laeringsledelse.graphql..",
                    "dk.laeringsledelse.app..", "org.springframework..");

    @ArchTest
    static final ArchRule commandSideHasNoSpringAndNoMongo = noClasses()
            .that().resideInAPackage("dk.laeringsledelse.command..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..");

    /** No package cycles inside a module: each feature package can be read (and moved) on its own. */
    @ArchTest
    static final ArchRule noCyclesInTheCommandSide = slices().matching("dk.laeringsledelse.command.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesInTheQuerySide = slices().matching("dk.laeringsledelse.query.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesInTheGraphQlApi = slices().matching("dk.laeringsledelse.graphql.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesInTheSharedKernel = slices().matching("dk.laeringsledelse.kernel.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesInTheEventStore = slices().matching("dk.laeringsledelse.eventstore.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesInTheApp = slices().matching("dk.laeringsledelse.app.(*)..")
            .should().beFreeOfCycles();
}
