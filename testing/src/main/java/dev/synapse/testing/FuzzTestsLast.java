package dev.synapse.testing;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs the test classes that hold fuzz tests after all others, each group in its usual order (by class name).
 * Jazzer's agent, once a fuzz test has started it, stays in the JVM and logs an INFO line for every class loaded
 * later; run first, it would make the tests after it print, which {@link FailOnPrintExtension} fails. Named in
 * this module's {@code junit-platform.properties} as {@code junit.jupiter.testclass.order.default}.
 */
public final class FuzzTestsLast implements ClassOrderer {

    /** Orders by whether a class holds a method annotated {@code FuzzTest} (any package), then by class name. */
    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparing((ClassDescriptor c) -> holdsFuzzTests(c.getTestClass()))
                .thenComparing(c -> c.getTestClass().getName()));
    }

    static boolean holdsFuzzTests(Class<?> type) {
        for (Method method : type.getDeclaredMethods()) {
            if (Arrays.stream(method.getAnnotations()).anyMatch(FailOnPrintExtension::isFuzzTestAnnotation)) {
                return true;
            }
        }
        return false;
    }
}
