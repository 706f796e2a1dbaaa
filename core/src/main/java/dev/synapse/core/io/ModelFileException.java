package dev.synapse.core.io;

import java.io.IOException;

/**
 * A model file that cannot be loaded: its message names the file, what is wrong and what to do; {@link #reason()}
 * tells the kinds apart for code.
 */
public final class ModelFileException extends IOException {

    /** Why a file was refused. */
    public enum Reason {
        /** Not JSON, or JSON without {@code "format": "synapse-model"}; for other formats, not a file of theirs. */
        NOT_A_MODEL_FILE,
        /** The file ends early: an interrupted copy, a full disk. */
        TRUNCATED,
        /** Starts as a model file but is not valid JSON further on: a damaged byte. */
        DAMAGED,
        /** Written in a format version this release does not read. */
        UNSUPPORTED_VERSION,
        /** The numbers do not match the checksum: changed or damaged after saving. */
        CHECKSUM_MISMATCH,
        /** Well-formed, but its parts contradict each other (shapes, widths, missing or unknown fields). */
        INCONSISTENT,
        /** Names an activation, layer type or loss the registry does not know. */
        UNKNOWN_COMPONENT
    }

    /**
     * The refused file's name, without its folder.
     */
    private final String fileName;
    /**
     * What kind of refusal this is.
     */
    private final Reason reason;

    /**
     * A refusal of {@code fileName} (without its folder) for {@code reason}; the message becomes
     * {@code "fileName: message"}. Other file formats (FANN's {@code .net}) report through it too.
     *
     * @param fileName the file's name, without its folder
     * @param reason what kind of refusal this is
     * @param message what is wrong and where, without the file's name
     */
    public ModelFileException(String fileName, Reason reason, String message) {
        this(fileName, reason, message, null);
    }

    /**
     * A refusal caused by {@code cause}.
     *
     * @param fileName the file's name, without its folder
     * @param reason what kind of refusal this is
     * @param message what is wrong and where, without the file's name
     * @param cause the exception that revealed the problem, e.g. the JSON parser's
     */
    public ModelFileException(String fileName, Reason reason, String message, Throwable cause) {
        super(fileName + ": " + message, cause);
        this.fileName = fileName;
        this.reason = reason;
    }

    /** A file whose parts contradict each other, with the advice every such message ends with. */
    static ModelFileException inconsistent(String fileName, String problem, Throwable cause) {
        return new ModelFileException(fileName, Reason.INCONSISTENT, problem + "; the file does not describe a"
                + " consistent model: save the model again (docs/model-format.md describes every field)", cause);
    }

    /**
     * The file's name, without its folder.
     *
     * @return the name the message starts with
     */
    public String fileName() {
        return fileName;
    }

    /**
     * What kind of refusal this is, so a caller can tell a file of another format from a damaged one.
     *
     * @return the reason, never null
     */
    public Reason reason() {
        return reason;
    }
}
