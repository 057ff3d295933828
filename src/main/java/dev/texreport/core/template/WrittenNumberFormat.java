package dev.texreport.core.template;

import dev.texreport.core.numbers.NonFinite;
import dev.texreport.core.numbers.WrittenDecimal;
import freemarker.core.Environment;
import freemarker.core.TemplateNumberFormat;
import freemarker.core.TemplateNumberFormatFactory;
import freemarker.core.TemplateValueFormatException;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import java.util.Locale;

/**
 * The number format of {@code ${...}}: a number read from a results file prints exactly as the file wrote it
 * ({@code 2.50}, {@code 3.0}, {@code 1e-05}, {@code NaN}); any other number (a literal, FreeMarker arithmetic) prints
 * in FreeMarker's "computer" format, without locale grouping.
 */
final class WrittenNumberFormat extends TemplateNumberFormatFactory {
    static final String NAME = "written";
    static final WrittenNumberFormat FACTORY = new WrittenNumberFormat();

    private WrittenNumberFormat() {
    }

    @Override
    public TemplateNumberFormat get(String params, Locale locale, Environment env) {
        TemplateNumberFormat computer = env.getCTemplateNumberFormat();
        return new TemplateNumberFormat() {
            @Override
            public String formatToPlainText(TemplateNumberModel model)
                    throws TemplateValueFormatException, TemplateModelException {
                Number number = model.getAsNumber();
                if (number instanceof WrittenDecimal written) {
                    return written.text();
                }
                if (number instanceof NonFinite notFinite) {
                    return notFinite.text();
                }
                return computer.formatToPlainText(model);
            }

            @Override
            public boolean isLocaleBound() {
                return false;
            }

            @Override
            public String getDescription() {
                return "as written in the results file";
            }
        };
    }
}
