package dev.texreport.core.tex;

/**
 * A message found in a TeX log, located in a file of the working directory as TeX saw it.
 *
 * @param kind    what sort of message it is
 * @param file    the file TeX names, relative to the working directory (e.g. {@code sections/02-method.tex}),
 *                or empty when the log does not say
 * @param line    the line in that file, 0 when unknown
 * @param text    the message, made readable (e.g. {@code Undefined control sequence \bfx})
 * @param subject what the message is about when there is one thing: the missing package, citation key or label
 */
public record TexMessage(Kind kind, String file, int line, String text, String subject) {
    public enum Kind {
        ERROR,
        MISSING_FILE,
        SHELL_ESCAPE_BLOCKED,
        READ_BLOCKED,
        /** An image the engine could not read (damaged, or not the format its name says). */
        BAD_IMAGE,
        UNDEFINED_CITATION,
        UNDEFINED_REFERENCE,
        MULTIPLY_DEFINED_LABEL,
        OVERFULL_BOX,
        FONT_WARNING,
        BIB_WARNING,
        OTHER_WARNING;

        public boolean isError() {
            return this == ERROR || this == MISSING_FILE || this == SHELL_ESCAPE_BLOCKED || this == READ_BLOCKED
                    || this == BAD_IMAGE;
        }
    }
}
