/*
 * Prints the golden values of FannActivationsGoldenTest from FANN 2.2 itself (Debian's libfann-dev, double build):
 * for each activation function, steepness and input x, FANN's output fann_activation(f, s, x) and its training
 * derivative fann_activation_derived(f, s, y, s*x). Regenerate with
 *
 *   apt-get install -y libfann-dev
 *   gcc -O0 fann_golden.c -o /tmp/fann_golden -ldoublefann -lm && /tmp/fann_golden
 *
 * and paste the output into the ROWS of FannActivationsGoldenTest.java.
 */
#include <stdio.h>
#include "doublefann.h"

/* Internal to FANN but exported by the shared library. */
fann_type fann_activation(struct fann *ann, unsigned int activation_function, fann_type steepness, fann_type value);
fann_type fann_activation_derived(unsigned int activation_function, fann_type steepness, fann_type value,
                                  fann_type sum);

int main(void) {
    struct fann *ann = fann_create_standard(2, 1, 1);
    const double steepnesses[] = {0.5, 1.0};
    const double points[] = {-7, -3, -1.3, -0.4, 0, 0.25, 0.9, 2.2, 5.5};
    /* fann_activation.h's stepwise breakpoints, as u = s*x. */
    const double breakpoints[] = {-2.64665293693542480469e+00, -2.64665246009826660156e+00,
            -1.47221946716308593750e+00, -1.47221934795379638672e+00, -5.49306154251098632812e-01,
            5.49306154251098632812e-01, 1.47221934795379638672e+00, 2.64665293693542480469e+00};
    const enum fann_activationfunc_enum functions[] = {FANN_LINEAR, FANN_THRESHOLD, FANN_THRESHOLD_SYMMETRIC,
            FANN_SIGMOID, FANN_SIGMOID_STEPWISE, FANN_SIGMOID_SYMMETRIC, FANN_SIGMOID_SYMMETRIC_STEPWISE,
            FANN_GAUSSIAN, FANN_GAUSSIAN_SYMMETRIC, FANN_ELLIOT, FANN_ELLIOT_SYMMETRIC, FANN_LINEAR_PIECE,
            FANN_LINEAR_PIECE_SYMMETRIC, FANN_SIN_SYMMETRIC, FANN_COS_SYMMETRIC, FANN_SIN, FANN_COS};
    unsigned int f, si, p;
    for (f = 0; f < sizeof functions / sizeof functions[0]; f++) {
        for (si = 0; si < 2; si++) {
            double s = steepnesses[si];
            for (p = 0; p < sizeof points / sizeof points[0] + sizeof breakpoints / sizeof breakpoints[0]; p++) {
                double x = p < sizeof points / sizeof points[0] ? points[p]
                        : breakpoints[p - sizeof points / sizeof points[0]] / s;
                double y = fann_activation(ann, functions[f], s, x);
                int thresholds = functions[f] == FANN_THRESHOLD || functions[f] == FANN_THRESHOLD_SYMMETRIC;
                double dy = thresholds ? 0 : fann_activation_derived(functions[f], s, y, s * x);
                printf("            {\"%s\", %.17g, %.17g, %.17g, %.17g},\n", FANN_ACTIVATIONFUNC_NAMES[functions[f]],
                        s, x, y, dy);
            }
        }
    }
    fann_destroy(ann);
    return 0;
}
