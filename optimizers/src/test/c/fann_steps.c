/*
 * Prints the golden numbers of FannStepsGoldenTest from FANN 2.2 itself (Debian's libfann-dev, double build): XOR
 * (-1/1), a 2-3-1 network with FANN_SIGMOID_STEPWISE hidden and FANN_SIGMOID_SYMMETRIC output units, steepness 0.5,
 * FANN's tanh error function, fixed initial weights; for RPROP, Quickprop, batch and incremental training (learning
 * rate 0.7, momentum 0.4 for incremental) the MSE of each of 5 epochs and the weights after them. Regenerate with
 *
 *   apt-get install -y libfann-dev libfann-doc
 *   gcc -O0 fann_steps.c -o /tmp/fann_steps -ldoublefann -lm && /tmp/fann_steps
 *
 * and paste the output into FannStepsGoldenTest.java.
 */
#include <stdio.h>
#include "doublefann.h"

/* Synapse's order: hidden weights W1[input][unit] row by row, hidden bias, output weights W2[unit][0], output bias. */
static const double INITIAL[13] = {0.07, -0.03, 0.05, -0.08, 0.02, 0.09, 0.01, -0.06, 0.04, 0.03, -0.05, 0.08, -0.02};

/* FANN's neuron numbers: inputs 0, 1, bias 2; hidden 3, 4, 5, bias 6; output 7. */
static void set_weights(struct fann *ann) {
    int i, j, k = 0;
    for (i = 0; i < 2; i++)
        for (j = 0; j < 3; j++)
            fann_set_weight(ann, i, 3 + j, INITIAL[k++]);
    for (j = 0; j < 3; j++)
        fann_set_weight(ann, 2, 3 + j, INITIAL[k++]);
    for (j = 0; j < 3; j++)
        fann_set_weight(ann, 3 + j, 7, INITIAL[k++]);
    fann_set_weight(ann, 6, 7, INITIAL[k++]);
}

static double weight(struct fann *ann, unsigned int from, unsigned int to) {
    struct fann_connection connections[13];
    unsigned int c;
    fann_get_connection_array(ann, connections);
    for (c = 0; c < fann_get_total_connections(ann); c++)
        if (connections[c].from_neuron == from && connections[c].to_neuron == to)
            return connections[c].weight;
    return 0.0 / 0.0;
}

int main(void) {
    struct fann_train_data *data = fann_read_train_from_file("/usr/share/doc/libfann-dev/examples/xor.data");
    const enum fann_train_enum algorithms[4] = {FANN_TRAIN_RPROP, FANN_TRAIN_QUICKPROP, FANN_TRAIN_BATCH,
            FANN_TRAIN_INCREMENTAL};
    int a, e, i, j;
    for (a = 0; a < 4; a++) {
        struct fann *ann = fann_create_standard(3, 2, 3, 1);
        fann_set_activation_function_hidden(ann, FANN_SIGMOID_STEPWISE);
        fann_set_activation_function_output(ann, FANN_SIGMOID_SYMMETRIC);
        fann_set_training_algorithm(ann, algorithms[a]);
        fann_set_learning_momentum(ann, algorithms[a] == FANN_TRAIN_INCREMENTAL ? 0.4f : 0.0f);
        set_weights(ann);
        printf("    // %s\n    {", FANN_TRAIN_NAMES[algorithms[a]]);
        for (e = 0; e < 5; e++)
            printf("%s%.17g", e ? ", " : "", fann_train_epoch(ann, data));
        printf("},\n    {");
        for (i = 0; i < 2; i++)
            for (j = 0; j < 3; j++)
                printf("%.17g, ", weight(ann, i, 3 + j));
        for (j = 0; j < 3; j++)
            printf("%.17g, ", weight(ann, 2, 3 + j));
        for (j = 0; j < 3; j++)
            printf("%.17g, ", weight(ann, 3 + j, 7));
        printf("%.17g},\n", weight(ann, 6, 7));
        fann_destroy(ann);
    }
    return 0;
}
