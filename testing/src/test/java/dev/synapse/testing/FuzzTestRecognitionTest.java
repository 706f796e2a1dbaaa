package dev.synapse.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import org.junit.jupiter.api.Test;

/** How the shared test support tells fuzz tests from the others: by an annotation's simple name, FuzzTest. */
class FuzzTestRecognitionTest {

    /** Stands in for Jazzer's annotation, which this module does not depend on: only the name counts. */
    @Retention(RetentionPolicy.RUNTIME)
    @interface FuzzTest {}

    static final class WithAFuzzTest {
        @FuzzTest
        void target(byte[] input) {}
    }

    static final class WithoutOne {
        @Test
        void plain() {}
    }

    @Test
    void aClassWithAMethodAnnotatedFuzzTestHoldsFuzzTestsWhateverThePackage() throws Exception {
        assertThat(FuzzTestsLast.holdsFuzzTests(WithAFuzzTest.class)).isTrue();
        assertThat(FuzzTestsLast.holdsFuzzTests(WithoutOne.class)).isFalse();
        assertThat(FailOnPrintExtension.isFuzzTestAnnotation(
                WithAFuzzTest.class.getDeclaredMethod("target", byte[].class).getAnnotations()[0])).isTrue();
        assertThat(FailOnPrintExtension.isFuzzTestAnnotation(
                WithoutOne.class.getDeclaredMethod("plain").getAnnotations()[0])).isFalse();
    }
}
