/*
 * FANN's side of benchmarks/fann-compare.sh: what `bin/synapse train --max-epochs N` does, in FANN 2.2.
 *
 *   fann_train TRAIN TEST HIDDEN EPOCHS SEED      e.g. fann_train mushroom.train mushroom.test 32 200 1
 *
 * HIDDEN is the hidden widths, comma-separated ("16,8"). Like `synapse train` with its defaults: every layer
 * FANN_SIGMOID_STEPWISE at steepness 0.5 (FANN's defaults), weights in [-0.1, 0.1] (srand(SEED), then
 * fann_randomize_weights: fann_create_standard alone seeds from the clock), iRPROP- with FANN's defaults, FANN's
 * tanh error function, full batch, EPOCHS epochs with no early stop (fann_train_epoch, as fann_train_on_data runs it).
 * Prints one line:
 *   RESULT epochs E train_mse M test_mse T ms_per_epoch_second_half H total_ms A
 * where H is the mean time of epochs E/2+1..E (101-200 of 200) and A the time from main's start (data read,
 * network built, trained, tested). Build: cc -O3 fann_train.c -o fann_train_double -DFANN_DOUBLE -ldoublefann -lm
 * (float: without -DFANN_DOUBLE, -lfloatfann).
 */
#ifdef FANN_DOUBLE
#include <doublefann.h>
#else
#include <floatfann.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec * 1e-6;
}

int main(int argc, char **argv) {
    double start = now_ms();
    if (argc != 6) {
        fprintf(stderr, "usage: %s TRAIN TEST HIDDEN(,HIDDEN...) EPOCHS SEED\n", argv[0]);
        return 2;
    }
    unsigned epochs = (unsigned) strtoul(argv[4], NULL, 10);
    unsigned seed = (unsigned) strtoul(argv[5], NULL, 10);
    if (epochs < 2) {
        fprintf(stderr, "EPOCHS must be at least 2, got %s\n", argv[4]);
        return 2;
    }
    struct fann_train_data *train = fann_read_train_from_file(argv[1]);
    struct fann_train_data *test = fann_read_train_from_file(argv[2]);
    if (train == NULL || test == NULL) return 1;

    unsigned layers[16], count = 0;
    layers[count++] = fann_num_input_train_data(train);
    char hidden[256];
    snprintf(hidden, sizeof hidden, "%s", argv[3]);
    for (char *w = strtok(hidden, ","); w != NULL && count < 15; w = strtok(NULL, ",")) {
        layers[count++] = (unsigned) strtoul(w, NULL, 10);
    }
    layers[count++] = fann_num_output_train_data(train);
    struct fann *ann = fann_create_standard_array(count, layers);
    srand(seed);
    fann_randomize_weights(ann, -0.1, 0.1);

    double half = 0;
    for (unsigned e = 1; e <= epochs; e++) {
        if (e == epochs / 2 + 1) half = now_ms();
        fann_train_epoch(ann, train);
    }
    double end = now_ms();
    float train_mse = fann_get_MSE(ann);
    float test_mse = fann_test_data(ann, test);
    printf("RESULT epochs %u train_mse %.8g test_mse %.8g ms_per_epoch_second_half %.5f total_ms %.2f\n", epochs,
           train_mse, test_mse, (end - half) / (epochs - epochs / 2), now_ms() - start);
    fann_destroy(ann);
    fann_destroy_train(train);
    fann_destroy_train(test);
    return 0;
}
