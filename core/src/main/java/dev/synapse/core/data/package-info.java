/**
 * Data sets and their files: {@link dev.synapse.core.data.Dataset} (inputs and targets, shuffling, splitting),
 * {@link dev.synapse.core.data.FannData} (FANN's training-data format), {@link dev.synapse.core.data.CsvData}
 * (CSV with a header, targets chosen by name), {@link dev.synapse.core.data.IdxData} (MNIST's and
 * Fashion-MNIST's IDX files, raw or gzip) and {@link dev.synapse.core.data.Scaler} (min-max and z-score scaling
 * fitted on a training set, which a model file can carry). A malformed file fails with a
 * {@link dev.synapse.core.data.MalformedDataException} naming the file and what is wrong there (for a text file,
 * the line and what was expected on it).
 *
 * <pre>{@code
 * Dataset.Split split = FannData.read(Path.of("xor.data")).shuffle(1).split(0.75);
 * Scaler scaler = Scaler.fitMinMax(split.train().inputs(), -1, 1);
 * model.fit(split.train().scaleInputs(scaler).inputs(), split.train().targets(), 1000);
 * }</pre>
 */
package dev.synapse.core.data;
