package dk.laeringsledelse.query.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * A projection runs in the order its group's declared policy gives it; one joining a group without a declared policy
 * would get Axon's default (per aggregate) and race on documents several aggregates share.
 */
class ProcessingGroupsTest {

    private static final String PROJECTIONS = "dk.laeringsledelse.query";

    @Test
    void everyProjectionsProcessingGroupDeclaresItsSequencing() {
        List<Class<?>> projections = annotated(PROJECTIONS);

        assertThat(projections).hasSizeGreaterThanOrEqualTo(7);
        assertThat(undeclaredGroups(projections)).isEmpty();
    }

    @Test
    void aProjectionInAnUndeclaredGroupIsFound() {
        assertThat(undeclaredGroups(List.of(UndeclaredProjection.class)))
                .containsEntry(UndeclaredProjection.class.getName(), "nowhere");
    }

    @Test
    void everyDeclaredGroupHasAProjection() {
        assertThat(annotated(PROJECTIONS).stream()
                .map(type -> type.getAnnotation(ProcessingGroup.class).value()).distinct())
                .containsExactlyInAnyOrderElementsOf(ProcessingGroups.sequencing().keySet());
    }

    /** Classes with event handlers that join no processing group (Axon would put each into a group of its package). */
    @Test
    void everyEventHandlingClassJoinsAProcessingGroup() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> reader.getAnnotationMetadata()
                .hasAnnotatedMethods(EventHandler.class.getName()));
        for (var candidate : scanner.findCandidateComponents(PROJECTIONS)) {
            Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), null);
            assertThat(type.isAnnotationPresent(ProcessingGroup.class)).as(type.getName()).isTrue();
        }
    }

    /** Class name → group, for each class whose group has no sequencing policy. */
    static Map<String, String> undeclaredGroups(List<Class<?>> projections) {
        Map<String, String> undeclared = new TreeMap<>();
        for (Class<?> projection : projections) {
            String group = projection.getAnnotation(ProcessingGroup.class).value();
            if (!ProcessingGroups.sequencing().containsKey(group)) {
                undeclared.put(projection.getName(), group);
            }
        }
        return undeclared;
    }

    private static List<Class<?>> annotated(String basePackage) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));
        return scanner.findCandidateComponents(basePackage).stream()
                .<Class<?>>map(candidate -> {
                    try {
                        return ClassUtils.forName(candidate.getBeanClassName(), null);
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                })
                // this test's own example of a mistake
                .filter(type -> type != UndeclaredProjection.class)
                .toList();
    }

    @ProcessingGroup("nowhere")
    static class UndeclaredProjection {
    }
}
