/*
 * FANN 2.2's side of benchmarks/cascade-compare.sh: fann_cascadetrain_on_data on the set-up of FANN's
 * examples/cascade_train.c (train and test data each scaled to [-1, 1] with fann_scale_train_data, a shortcut network
 * with no hidden units, FANN_LINEAR outputs, FANN_ERRORFUNC_LINEAR, RPROP, candidates FANN_SIGMOID_SYMMETRIC at
 * steepness 1 in 8 groups, bit-fail limit 0.9 with FANN_STOPFUNC_BIT, desired error 0).
 *
 *   fann_cascade TRAIN TEST SEED MAX_NEURONS     prints "neurons N train_mse M test_mse T test_bit_fail B"
 *
 * FANN seeds rand() from /dev/urandom when the network is created; srand(SEED) and fann_randomize_weights with
 * fann_create_shortcut's range (-0.1, 0.1) afterwards make a run repeatable.
 */
#include <stdio.h>
#include <stdlib.h>
#include "doublefann.h"

int main(int argc, char **argv) {
    if (argc != 5) { fprintf(stderr, "usage: fann_cascade TRAIN TEST SEED MAX_NEURONS\n"); return 2; }
    struct fann_train_data *train = fann_read_train_from_file(argv[1]);
    struct fann_train_data *test = fann_read_train_from_file(argv[2]);
    if (train == NULL || test == NULL) return 3;
    fann_scale_train_data(train, -1, 1);
    fann_scale_train_data(test, -1, 1);
    struct fann *ann = fann_create_shortcut(2, fann_num_input_train_data(train), fann_num_output_train_data(train));
    srand((unsigned) atoi(argv[3]));
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
    fann_cascadetrain_on_data(ann, train, (unsigned) atoi(argv[4]), 0, 0);
    unsigned neurons = fann_get_total_neurons(ann) - fann_get_num_input(ann) - fann_get_num_output(ann) - 1;
    float train_mse = fann_test_data(ann, train);
    float test_mse = fann_test_data(ann, test);
    printf("neurons %u train_mse %.8f test_mse %.8f test_bit_fail %u\n", neurons, train_mse, test_mse,
           fann_get_bit_fail(ann));
    fann_destroy_train(train);
    fann_destroy_train(test);
    fann_destroy(ann);
    return 0;
}
