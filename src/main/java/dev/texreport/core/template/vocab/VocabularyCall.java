package dev.texreport.core.template.vocab;

import dev.texreport.core.template.RenderContext;
import freemarker.core.DirectiveCallPlace;
import freemarker.core.Environment;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Base of the vocabulary's directives: checks the call has no body or loop variables, parses the named
 * parameters, writes the LaTeX the call produces, and turns a wrong argument into a message that FreeMarker
 * reports at the call's template line. A call that takes more than a second says so in the build log.
 */
abstract class VocabularyCall implements TemplateDirectiveModel {
    private static final long SLOW_NANOS = 1_000_000_000L;

    protected final RenderContext context;
    private final String name;
    private final Set<String> parameters;

    VocabularyCall(RenderContext context, String name, Set<String> parameters) {
        this.context = context;
        this.name = name;
        this.parameters = parameters;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public final void execute(Environment env, Map params, TemplateModel[] loopVars, TemplateDirectiveBody body)
            throws TemplateException, IOException {
        if (body != null || loopVars.length > 0) {
            throw new TemplateModelException("<@" + name + "> takes no body; write it as <@" + name + " .../>");
        }
        long start = System.nanoTime();
        Params p = new Params(name, params, parameters, env, where(env));
        String latex;
        try {
            latex = render(p, warning -> context.warn(p.prefix() + warning));
        } catch (IllegalArgumentException e) {
            throw new TemplateModelException("<@" + name + ">: " + e.getMessage());
        }
        long took = System.nanoTime() - start;
        if (took > SLOW_NANOS) {
            context.progress(p.place() + ": <@" + name + "> took " + String.format(Locale.ROOT, "%.1f", took / 1e9)
                    + " s");
        }
        env.getOut().write(latex);
    }

    /** Produces the LaTeX for one call; {@code warnings} collects what the team should know. */
    abstract String render(Params params, java.util.function.Consumer<String> warnings) throws TemplateModelException;

    /** The call's template and line, e.g. {@code final/01-results.tex.ftl:7}. */
    static String where(Environment env) {
        DirectiveCallPlace place = env.getCurrentDirectiveCallPlace();
        if (place == null || place.getTemplate() == null) {
            return "";
        }
        return place.getTemplate().getSourceName() + ":" + place.getBeginLine();
    }

    /** The parameters every call that reads runs accepts. */
    static final Set<String> METRIC_SETTINGS = Set.of("name", "direction", "unit", "scale", "decimals", "significant",
            "percent");
}
