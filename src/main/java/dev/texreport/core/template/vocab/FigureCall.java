package dev.texreport.core.template.vocab;

import dev.texreport.core.template.Palette;
import dev.texreport.core.template.RenderContext;
import freemarker.core.Environment;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code <@figure caption="..." label="fig:training"> <@lineplot .../> <@curve .../> </@figure>}: one figure with the
 * plots of its body side by side as panels (a), (b), ..., each with its sub-caption (the plot's {@code caption})
 * and label ({@code \ref} gives "2a"), and one legend above them for every series the panels draw, in the colours
 * the whole report uses for them. No package is needed: the panels are minipages, and the sub-labels are set by
 * stepping the figure counter before the panels and back before the caption.
 */
final class FigureCall implements TemplateDirectiveModel {
    private static final Set<String> PARAMETERS = Set.of("caption", "label", "placement", "columns");

    private final RenderContext context;

    FigureCall(RenderContext context) {
        this.context = context;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void execute(Environment env, Map params, TemplateModel[] loopVars, TemplateDirectiveBody body)
            throws TemplateException, IOException {
        String place = VocabularyCall.where(env);
        Params p = new Params("figure", params, PARAMETERS, env, place);
        if (body == null) {
            throw new TemplateModelException("<@figure> holds its panels: write <@figure caption=\"...\"> <@lineplot"
                    + " .../> <@lineplot .../> </@figure>");
        }
        if (Panels.current(env) != null) {
            throw new TemplateModelException("<@figure>: a figure cannot hold another figure");
        }
        Panels panels = new Panels();
        Panels before = Panels.enter(env, panels);
        StringWriter inside = new StringWriter();
        try {
            body.render(inside);
        } finally {
            Panels.leave(env, before);
        }
        if (!inside.toString().isBlank()) {
            throw new TemplateModelException("<@figure>: its body may hold only plot calls (<@lineplot/>, "
                    + "<@barchart/>, <@curve/>), not text: " + inside.toString().strip().lines().findFirst().orElse(""));
        }
        List<Panels.Panel> all = panels.panels();
        if (all.isEmpty()) {
            throw new TemplateModelException("<@figure> has no panels: put plot calls between <@figure> and "
                    + "</@figure>");
        }
        Integer asked = p.integer("columns");
        int columns = asked == null ? Math.min(all.size(), 3) : Math.max(1, asked);
        List<PlotWriter.Entry> legend = new ArrayList<>();
        List<String> provenance = new ArrayList<>();
        for (Panels.Panel panel : all) {
            panel.legend().forEach(entry -> {
                if (legend.stream().noneMatch(e -> e.name().equals(entry.name()))) {
                    legend.add(entry);
                }
            });
            if (!provenance.contains(panel.provenance())) {
                provenance.add(panel.provenance());
            }
        }
        StringBuilder tex = new StringBuilder();
        tex.append("% texreport: figure with ").append(all.size()).append(" panels from ")
                .append(String.join(", ", provenance)).append('\n');
        tex.append("\\begin{figure}[").append(p.string("placement", "htbp")).append("]\n");
        tex.append("  \\centering\n");
        tex.append(Palette.definitions().indent(2));
        if (!legend.isEmpty()) {
            tex.append(new PlotWriter(context.palette()).sharedLegend(legend));
        }
        // The panels' labels need the number \caption will give: step the counter now, step it back before it.
        tex.append("  \\stepcounter{figure}%\n");
        tex.append(FloatBox.open());
        tex.append("  \\begin{minipage}{\\linewidth}\\centering\n");
        String width = "\\dimexpr(\\linewidth-" + (columns - 1) + "em)/" + columns + "\\relax";
        for (int i = 0; i < all.size(); i++) {
            Panels.Panel panel = all.get(i);
            if (i > 0) {
                tex.append(i % columns == 0 ? "  \\par\\medskip\n" : "  \\hspace{1em}%\n");
            }
            char letter = (char) ('a' + i % 26);
            tex.append("  \\begin{minipage}[t]{").append(width).append("}\\centering\n");
            tex.append(panel.drawing().indent(2));
            tex.append("    \\par\\smallskip{\\small (").append(letter).append(")");
            if (!panel.caption().isBlank()) {
                tex.append(" ").append(panel.caption().strip());
            }
            tex.append("\\par}%\n");
            if (!panel.label().isEmpty()) {
                tex.append("    \\expandafter\\edef\\csname @currentlabel\\endcsname{\\thefigure ").append(letter)
                        .append("}\\label{").append(panel.label()).append("}%\n");
            }
            tex.append("  \\end{minipage}%\n");
        }
        tex.append("  \\end{minipage}");
        tex.append(FloatBox.close("figure", place, p.string("label", "")));
        tex.append("  \\addtocounter{figure}{-1}%\n");
        tex.append("  \\caption{").append(p.latex("caption", "")).append("}\n");
        String label = p.string("label", "");
        if (!label.isEmpty()) {
            tex.append("  \\label{").append(label).append("}\n");
        }
        tex.append("\\end{figure}\n");
        env.getOut().write(tex.toString());
    }
}
