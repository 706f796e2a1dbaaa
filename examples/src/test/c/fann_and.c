/* FANN 2.2 running its own tutorial (2-4-1 AND, sigmoid-symmetric-stepwise output, RPROP, desired error 0.00001)
   N times, seeded srand(1..N): the epochs until it stops and the output for (-1, 1) after training; the table in
   docs/example-fann-and.md. Build and run in a folder holding and.data:
     gcc -O2 fann_and.c -o fann_and -lfann -lm && ./fann_and 30                          (float)
     gcc -O2 -include doublefann.h fann_and.c -o fann_and_d -ldoublefann -lm && ./fann_and_d 30 (double) */
#include <stdio.h>
#include <stdlib.h>
#include "fann.h"
static unsigned int epochs;
static int count(struct fann *a, struct fann_train_data *d, unsigned int m, unsigned int r, float e, unsigned int n) {
    epochs = n; return 0;
}
int main(int argc, char **argv) {
    int runs = atoi(argv[1]), run, good = 0;
    struct fann_train_data *data = fann_read_train_from_file("and.data");
    for (run = 0; run < runs; run++) {
        struct fann *ann = fann_create_standard(3, 2, 4, 1);
        srand(run + 1);
        fann_randomize_weights(ann, -0.1f, 0.1f);
        fann_set_activation_function_hidden(ann, FANN_SIGMOID_STEPWISE);
        fann_set_activation_function_output(ann, FANN_SIGMOID_SYMMETRIC_STEPWISE);
        fann_set_learning_rate(ann, 0.7f);
        fann_set_callback(ann, count);
        fann_train_on_data(ann, data, 10000, 1, 0.00001f);
        fann_type in[2] = {-1, 1};
        fann_type o = fann_run(ann, in)[0]; fann_type *out = &o;
        float mse = fann_test_data(ann, data);
        printf("run %d epochs %u out(-1,1) %f mse-after %f\n", run + 1, epochs, (double) out[0], (double) mse);
        if (out[0] < -0.9) good++;
        fann_destroy(ann);
    }
    printf("%d/%d near -1\n", good, runs);
    return 0;
}
