/*
 * The workloads of ../shared/benchmarks.md in FANN (double precision), for benchmarks/compare.sh.
 *
 *   fann_bench w1 EPOCHS            3-4-1 sigmoid with biases (FANN always has them), batch training, rate 1
 *   fann_bench w2 EPOCHS FILE       mushroom 125-32-2, iRPROP- with FANN's defaults, weights in [-0.1, 0.1]
 *   fann_bench w3 SAMPLES           784-128-10 sigmoid, incremental (per-sample) SGD, rate 0.1: MARKED, FANN has
 *   fann_bench w4 SAMPLES           1024-1024-1024-10, same (FANN 2.2 has no ReLU: hidden layers  no mini-batches
 *                                   use FANN_LINEAR_PIECE, linear bounded to [0, 1]); MARKED
 *
 * Prints one line "RESULT <workload> <value> <unit>". Build: cc -O3 -march=native fann_bench.c -ldoublefann -lm
 */
#include <doublefann.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static struct fann_train_data *synthetic(unsigned samples, unsigned inputs, unsigned classes) {
    struct fann_train_data *d = fann_create_train(samples, inputs, classes);
    srand(3);
    for (unsigned s = 0; s < samples; s++) {
        for (unsigned i = 0; i < inputs; i++) d->input[s][i] = rand() / (RAND_MAX + 1.0);
        for (unsigned c = 0; c < classes; c++) d->output[s][c] = 0;
        d->output[s][rand() % classes] = 1;
    }
    return d;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s w1|w2|w3|w4 EPOCHS|SAMPLES [mushroom.train]\n", argv[0]);
        return 2;
    }
    const char *w = argv[1];
    unsigned n = (unsigned) atoi(argv[2]);
    if (strcmp(w, "w1") == 0) {
        static const double x[4][3] = {{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}};
        static const double y[4] = {0, 1, 1, 0};
        struct fann_train_data *d = fann_create_train(4, 3, 1);
        for (int s = 0; s < 4; s++) {
            for (int i = 0; i < 3; i++) d->input[s][i] = x[s][i];
            d->output[s][0] = y[s];
        }
        struct fann *ann = fann_create_standard(3, 3, 4, 1);
        fann_set_activation_function_hidden(ann, FANN_SIGMOID);
        fann_set_activation_function_output(ann, FANN_SIGMOID);
        fann_set_activation_steepness_hidden(ann, 0.5);   /* FANN's sigmoid is 1/(1+e^(-2sx)): s = 0.5 is the logistic */
        fann_set_activation_steepness_output(ann, 0.5);
        fann_set_training_algorithm(ann, FANN_TRAIN_BATCH);
        fann_set_learning_rate(ann, 1.0f);
        fann_randomize_weights(ann, -1, 1);
        double t = now();
        for (unsigned e = 0; e < n; e++) fann_train_epoch(ann, d);
        double ms = (now() - t) * 1e3 * 60000.0 / n;
        printf("RESULT w1 %.3f ms_per_60000_epochs (mse %.3g)\n", ms, fann_get_MSE(ann));
        return 0;
    }
    if (strcmp(w, "w2") == 0) {
        if (argc < 4) {
            fprintf(stderr, "w2 needs the path of mushroom.train\n");
            return 2;
        }
        struct fann_train_data *d = fann_read_train_from_file(argv[3]);
        if (d == NULL) return 1;
        struct fann *ann = fann_create_standard(3, 125, 32, 2);
        fann_set_activation_function_hidden(ann, FANN_SIGMOID);
        fann_set_activation_function_output(ann, FANN_SIGMOID);
        fann_set_activation_steepness_hidden(ann, 0.5);
        fann_set_activation_steepness_output(ann, 0.5);
        fann_set_training_algorithm(ann, FANN_TRAIN_RPROP);
        fann_randomize_weights(ann, -0.1, 0.1);
        fann_train_epoch(ann, d);   /* warm-up */
        double t = now();
        for (unsigned e = 0; e < n; e++) fann_train_epoch(ann, d);
        printf("RESULT w2 %.4f ms_per_epoch (mse %.3g)\n", (now() - t) * 1e3 / n, fann_get_MSE(ann));
        return 0;
    }
    int w3 = strcmp(w, "w3") == 0;
    if (w3 || strcmp(w, "w4") == 0) {
        struct fann *ann = w3 ? fann_create_standard(3, 784, 128, 10) : fann_create_standard(4, 1024, 1024, 1024, 10);
        fann_set_activation_function_hidden(ann, w3 ? FANN_SIGMOID : FANN_LINEAR_PIECE);
        fann_set_activation_function_output(ann, FANN_SIGMOID);
        fann_set_activation_steepness_hidden(ann, w3 ? 0.5 : 1.0);
        fann_set_activation_steepness_output(ann, 0.5);
        fann_set_training_algorithm(ann, FANN_TRAIN_INCREMENTAL);
        fann_set_learning_rate(ann, 0.1f);
        fann_randomize_weights(ann, -0.05, 0.05);
        struct fann_train_data *d = synthetic(n, w3 ? 784 : 1024, 10);
        double t = now();
        fann_train_epoch(ann, d);
        printf("RESULT %s %.1f samples_per_s (per-sample epochs%s)\n", w, n / (now() - t), w3 ? "" : ", bounded-linear hidden");
        return 0;
    }
    fprintf(stderr, "unknown workload %s\n", w);
    return 2;
}
