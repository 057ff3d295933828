package dev.texreport.core.template;

import freemarker.core.CommonTemplateMarkupOutputModel;

/** A piece of LaTeX that FreeMarker already knows to be markup (not to be escaped again). */
public final class TemplateLatexOutputModel extends CommonTemplateMarkupOutputModel<TemplateLatexOutputModel> {
    TemplateLatexOutputModel(String plainTextContent, String markupContent) {
        super(plainTextContent, markupContent);
    }

    @Override
    public LatexOutputFormat getOutputFormat() {
        return LatexOutputFormat.INSTANCE;
    }
}
