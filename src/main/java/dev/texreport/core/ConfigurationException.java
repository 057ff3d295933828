package dev.texreport.core;

/** A parameter or project setting the user got wrong (unknown milestone, unknown engine, ...). */
public class ConfigurationException extends ReportException {
    public ConfigurationException(String message) {
        super(message);
    }

    @Override
    public boolean isUserMistake() {
        return true;
    }
}
