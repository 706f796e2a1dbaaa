/*
 * The FANN side of Synapse's FANN-file tests, compiled by the tests against libdoublefann, libfloatfann or
 * libfixedfann (one of -DFLAVOUR_DOUBLE, -DFLAVOUR_FLOAT, -DFLAVOUR_FIXED picks the header).
 *
 *   driver run NET DATA [scale]      loads NET with fann_create_from_file and prints fann_run's outputs for every
 *                                    input row of the FANN data file DATA, one sample a line, "%.17g" each; with
 *                                    "scale", inputs go through fann_scale_input and outputs fann_descale_output.
 *                                    The fixed build converts inputs to fixed point and prints output / multiplier.
 *   driver make KIND DATA OUT SEED EPOCHS HIDDEN_FN HIDDEN_STEEP OUT_FN OUT_STEEP SIZES...
 *                                    creates a network (KIND: standard, sparse:RATE, shortcut, cascade:NEURONS),
 *                                    srand(SEED), randomizes its weights in [-0.5, 0.5], sets the activations, trains
 *                                    it EPOCHS epochs with RPROP on DATA and saves it to OUT with fann_save; also to
 *                                    OUT.fixed with fann_save_to_fixed. KIND "scaled" is standard with
 *                                    fann_set_scaling_params(-1, 1, -1, 1) on DATA before training.
 *   driver stepwise DECIMAL_POINT... (fixed build only) for each decimal point, the constants fann_update_stepwise
 *                                    computes for the stepwise sigmoids, one line of 24 integers: sigmoid_results,
 *                                    sigmoid_values, sigmoid_symmetric_results, sigmoid_symmetric_values.
 *   driver mixed OUT                 a 2-3-1 network whose hidden neuron 1 differs from the others in steepness.
 *   driver rprop DATA START END EPOCHS SIZES...
 *                                    creates a standard network, srand(1), fann_randomize_weights(-0.1, 0.1), sets
 *                                    FANN_SIGMOID (steepness 0.5) on hidden and output neurons and saves it to START;
 *                                    trains EPOCHS calls of fann_train_epoch (FANN_TRAIN_RPROP, FANN's defaults
 *                                    otherwise: tanh error function, iRPROP- with 1.2f, 0.5f, 0, 50f, 0.1f) on DATA,
 *                                    printing each epoch's MSE ("%.17g", one a line), and saves the result to END.
 *   driver cascade TRAIN TEST SEED MAX_NEURONS [OUT]
 *                                    fann_cascadetrain_on_data on FANN's examples/cascade_train.c set-up: TRAIN and
 *                                    TEST each scaled to [-1, 1] (fann_scale_train_data), no hidden units, linear
 *                                    outputs, FANN_ERRORFUNC_LINEAR, RPROP, candidates FANN_SIGMOID_SYMMETRIC at
 *                                    steepness 1 in 8 groups, bit-fail limit 0.9, FANN_STOPFUNC_BIT, desired error 0;
 *                                    srand(SEED) and fann_randomize_weights(-0.1, 0.1) (fann_create_shortcut's range)
 *                                    after creating it, since FANN seeds from /dev/urandom. Prints "neurons N
 *                                    train_mse M test_mse T test_bit_fail B"; saves the network to OUT if given.
 *
 * Data files are read with our own parser in double, so the fixed build reads the same numbers as the others.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(FLAVOUR_DOUBLE)
#include "doublefann.h"
#elif defined(FLAVOUR_FLOAT)
#include "floatfann.h"
#else
#include "fixedfann.h"
#endif

static double *read_inputs(const char *path, unsigned *rows, unsigned *ins, unsigned *outs, double **targets) {
    FILE *f = fopen(path, "r");
    if (f == NULL || fscanf(f, "%u %u %u", rows, ins, outs) != 3) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(3);
    }
    double *x = malloc(sizeof(double) * *rows * *ins);
    *targets = malloc(sizeof(double) * *rows * *outs);
    for (unsigned r = 0; r < *rows; r++) {
        for (unsigned c = 0; c < *ins; c++) {
            if (fscanf(f, "%lf", &x[r * *ins + c]) != 1) { fprintf(stderr, "short %s\n", path); exit(3); }
        }
        for (unsigned c = 0; c < *outs; c++) {
            if (fscanf(f, "%lf", &(*targets)[r * *outs + c]) != 1) { fprintf(stderr, "short %s\n", path); exit(3); }
        }
    }
    fclose(f);
    return x;
}

static int run(const char *net, const char *data, int scale) {
    struct fann *ann = fann_create_from_file(net);
    if (ann == NULL) { fprintf(stderr, "fann_create_from_file failed on %s\n", net); return 4; }
    unsigned rows, ins, outs;
    double *targets;
    double *x = read_inputs(data, &rows, &ins, &outs, &targets);
    if (ins != fann_get_num_input(ann)) { fprintf(stderr, "%s has %u inputs\n", data, ins); return 5; }
    fann_type *input = malloc(sizeof(fann_type) * ins);
    for (unsigned r = 0; r < rows; r++) {
        for (unsigned c = 0; c < ins; c++) {
#ifdef FLAVOUR_FIXED
            double v = x[r * ins + c] * fann_get_multiplier(ann);
            input[c] = (fann_type) (v < 0 ? v - 0.5 : v + 0.5);
#else
            input[c] = (fann_type) x[r * ins + c];
#endif
        }
#ifndef FLAVOUR_FIXED
        if (scale) fann_scale_input(ann, input);
#endif
        fann_type *out = fann_run(ann, input);
        unsigned n = fann_get_num_output(ann);
        fann_type *copy = malloc(sizeof(fann_type) * n);
        memcpy(copy, out, sizeof(fann_type) * n);
#ifndef FLAVOUR_FIXED
        if (scale) fann_descale_output(ann, copy);
#endif
        for (unsigned o = 0; o < n; o++) {
#ifdef FLAVOUR_FIXED
            printf(o == 0 ? "%.17g" : " %.17g", (double) copy[o] / fann_get_multiplier(ann));
#else
            printf(o == 0 ? "%.17g" : " %.17g", (double) copy[o]);
#endif
        }
        printf("\n");
        free(copy);
    }
    fann_destroy(ann);
    return 0;
}

#ifdef FLAVOUR_FIXED
/* Exported by libfixedfann, declared in FANN's internal header only. */
void fann_update_stepwise(struct fann *ann);

static int stepwise(int argc, char **argv) {
    struct fann *ann = fann_create_standard(2, 1, 1);
    if (ann == NULL) { fprintf(stderr, "fann_create_standard failed\n"); return 4; }
    for (int a = 2; a < argc; a++) {
        ann->decimal_point = (unsigned) atoi(argv[a]);
        ann->multiplier = 1u << ann->decimal_point;
        fann_update_stepwise(ann);
        fann_type *tables[] = {ann->sigmoid_results, ann->sigmoid_values, ann->sigmoid_symmetric_results,
                               ann->sigmoid_symmetric_values};
        for (int t = 0; t < 4; t++) {
            for (int i = 0; i < 6; i++) printf(t == 0 && i == 0 ? "%d" : " %d", tables[t][i]);
        }
        printf("\n");
    }
    fann_destroy(ann);
    return 0;
}
#else
static int make(int argc, char **argv) {
    const char *kind = argv[2];
    const char *data_path = argv[3];
    const char *out = argv[4];
    unsigned seed = (unsigned) atoi(argv[5]);
    unsigned epochs = (unsigned) atoi(argv[6]);
    unsigned layers = (unsigned) (argc - 11);
    unsigned *sizes = malloc(sizeof(unsigned) * layers);
    for (unsigned i = 0; i < layers; i++) sizes[i] = (unsigned) atoi(argv[11 + i]);
    struct fann *ann;
    if (strncmp(kind, "sparse:", 7) == 0) {
        ann = fann_create_sparse_array((float) atof(kind + 7), layers, sizes);
    } else if (strcmp(kind, "shortcut") == 0 || strncmp(kind, "cascade:", 8) == 0) {
        ann = fann_create_shortcut_array(layers, sizes);
    } else {
        ann = fann_create_standard_array(layers, sizes);
    }
    srand(seed);
    fann_randomize_weights(ann, -0.5, 0.5);
    fann_set_activation_function_hidden(ann, (enum fann_activationfunc_enum) atoi(argv[7]));
    fann_set_activation_steepness_hidden(ann, (fann_type) atof(argv[8]));
    fann_set_activation_function_output(ann, (enum fann_activationfunc_enum) atoi(argv[9]));
    fann_set_activation_steepness_output(ann, (fann_type) atof(argv[10]));
    struct fann_train_data *data = fann_read_train_from_file(data_path);
    if (strcmp(kind, "scaled") == 0) {
        fann_set_scaling_params(ann, data, -1, 1, -1, 1);
        fann_scale_train(ann, data);
    }
    if (strncmp(kind, "cascade:", 8) == 0) {
        fann_set_cascade_activation_steepnesses(ann, (fann_type[]) {(fann_type) atof(argv[8])}, 1);
        fann_set_cascade_activation_functions(ann,
                (enum fann_activationfunc_enum[]) {(enum fann_activationfunc_enum) atoi(argv[7])}, 1);
        fann_cascadetrain_on_data(ann, data, (unsigned) atoi(kind + 8), 0, 0);
    } else if (epochs > 0) {
        fann_set_training_algorithm(ann, FANN_TRAIN_RPROP);
        fann_train_on_data(ann, data, epochs, 0, 0);
    }
    if (fann_save(ann, out) != 0) { fprintf(stderr, "fann_save failed\n"); return 6; }
    char fixed[4096];
    snprintf(fixed, sizeof fixed, "%s.fixed", out);
    fann_save_to_fixed(ann, fixed);
    fann_destroy(ann);
    return 0;
}

static int cascade(int argc, char **argv) {
    struct fann_train_data *train = fann_read_train_from_file(argv[2]);
    struct fann_train_data *test = fann_read_train_from_file(argv[3]);
    if (train == NULL || test == NULL) return 3;
    fann_scale_train_data(train, -1, 1);
    fann_scale_train_data(test, -1, 1);
    struct fann *ann = fann_create_shortcut(2, fann_num_input_train_data(train), fann_num_output_train_data(train));
    srand((unsigned) atoi(argv[4]));
    fann_randomize_weights(ann, -0.1, 0.1);
    fann_set_training_algorithm(ann, FANN_TRAIN_RPROP);
    fann_set_activation_function_output(ann, FANN_LINEAR);
    fann_set_train_error_function(ann, FANN_ERRORFUNC_LINEAR);
    fann_type steepness = 1;
    fann_set_cascade_activation_steepnesses(ann, &steepness, 1);
    enum fann_activationfunc_enum activation = FANN_SIGMOID_SYMMETRIC;
    fann_set_cascade_activation_functions(ann, &activation, 1);
    fann_set_cascade_num_candidate_groups(ann, 8);
    fann_set_bit_fail_limit(ann, (fann_type) 0.9);
    fann_set_train_stop_function(ann, FANN_STOPFUNC_BIT);
    fann_cascadetrain_on_data(ann, train, (unsigned) atoi(argv[5]), 0, 0);
    /* A shortcut network's total counts the bias neuron. */
    unsigned neurons = fann_get_total_neurons(ann) - fann_get_num_input(ann) - fann_get_num_output(ann) - 1;
    float train_mse = fann_test_data(ann, train);
    float test_mse = fann_test_data(ann, test);
    printf("neurons %u train_mse %.8f test_mse %.8f test_bit_fail %u\n", neurons, train_mse, test_mse,
           fann_get_bit_fail(ann));
    if (argc >= 7 && fann_save(ann, argv[6]) != 0) { fprintf(stderr, "fann_save failed\n"); return 6; }
    fann_destroy_train(train);
    fann_destroy_train(test);
    fann_destroy(ann);
    return 0;
}

static int mixed(const char *out) {
    struct fann *ann = fann_create_standard(3, 2, 3, 1);
    fann_set_activation_function_hidden(ann, FANN_SIGMOID_SYMMETRIC);
    fann_set_activation_steepness(ann, 0.75, 1, 1);
    return fann_save(ann, out) == 0 ? 0 : 6;
}

static int rprop(int argc, char **argv) {
    unsigned layers = (unsigned) (argc - 6);
    unsigned *sizes = malloc(sizeof(unsigned) * layers);
    for (unsigned i = 0; i < layers; i++) sizes[i] = (unsigned) atoi(argv[6 + i]);
    struct fann *ann = fann_create_standard_array(layers, sizes);
    srand(1);
    fann_randomize_weights(ann, -0.1, 0.1);
    fann_set_activation_function_hidden(ann, FANN_SIGMOID);
    fann_set_activation_function_output(ann, FANN_SIGMOID);
    if (fann_save(ann, argv[3]) != 0) { fprintf(stderr, "fann_save failed\n"); return 6; }
    struct fann_train_data *data = fann_read_train_from_file(argv[2]);
    if (data == NULL) { fprintf(stderr, "cannot read %s\n", argv[2]); return 3; }
    fann_set_training_algorithm(ann, FANN_TRAIN_RPROP);
    unsigned epochs = (unsigned) atoi(argv[5]);
    for (unsigned e = 0; e < epochs; e++) {
        printf("%.17g\n", (double) fann_train_epoch(ann, data));
    }
    if (fann_save(ann, argv[4]) != 0) { fprintf(stderr, "fann_save failed\n"); return 6; }
    fann_destroy_train(data);
    fann_destroy(ann);
    return 0;
}
#endif

int main(int argc, char **argv) {
    if (argc >= 4 && strcmp(argv[1], "run") == 0) {
        return run(argv[2], argv[3], argc >= 5 && strcmp(argv[4], "scale") == 0);
    }
#ifdef FLAVOUR_FIXED
    if (argc >= 3 && strcmp(argv[1], "stepwise") == 0) {
        return stepwise(argc, argv);
    }
#else
    if (argc >= 13 && strcmp(argv[1], "make") == 0) {
        return make(argc, argv);
    }
    if (argc >= 8 && strcmp(argv[1], "rprop") == 0) {
        return rprop(argc, argv);
    }
    if (argc >= 6 && strcmp(argv[1], "cascade") == 0) {
        return cascade(argc, argv);
    }
    if (argc == 3 && strcmp(argv[1], "mixed") == 0) {
        return mixed(argv[2]);
    }
#endif
    fprintf(stderr, "usage: see the comment at the top of fann_driver.c\n");
    return 2;
}
