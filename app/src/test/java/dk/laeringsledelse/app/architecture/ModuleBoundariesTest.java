package dk.laeringsledelse.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
            .should().dependOnClassesThat().resideInAnyPackage("dk.laeringsledelse.command..", "dk.laeringsledelse.app..");

    @ArchTest
    static final ArchRule sharedKernelHasNoSpringNoMongoAndNoOtherModule = noClasses()
            .that().resideInAPackage("dk.laeringsledelse.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "com.mongodb..", "org.bson..",
                    "dk.laeringsledelse.command..", "dk.laeringsledelse.query..",
                    "dk.laeringsledelse.eventstore..", "dk.laeringsledelse.app..");

    @ArchTest
    static final ArchRule eventStoreKnowsNoDomain = noClasses()
            .that().resideInAPackage("dk.laeringsledelse.eventstore..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dk.laeringsledelse.command..", "dk.laeringsledelse.query..", "dk.laeringsledelse.app..",
                    "org.springframework..");

    @ArchTest
    static final ArchRule commandSideHasNoSpringAndNoMongo = noClasses()
            .that().resideInAPackage("dk.laeringsledelse.command..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..");
}
