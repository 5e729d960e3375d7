package org.wassist.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core holds the domain, the pipeline and the ports; platform code lives in adapters. */
class CoreArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.wassist");

    @Test
    void coreImportsNoAwsLambdaOrPlaywrightClasses() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("software.amazon..", "com.amazonaws..", "com.microsoft.playwright..")
                .check(CORE);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.wassist.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void theCoreDoesNotUseJdbcOrHttpClientsDirectly() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "java.net.http..", "com.sun.net.httpserver..")
                .check(CORE);
    }
}
