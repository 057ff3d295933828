package dev.texreport.core.template.vocab;

import dev.texreport.core.numbers.MetricSpec;

/**
 * A figure drawn from runs with pgfplots.
 *
 * @param x         the field on the x axis (a number for line plots, a category for bar charts)
 * @param y         the metric on the y axis
 * @param series    the field whose values become separate lines or bar groups, or null
 * @param yMetric   the y metric's display settings (name, unit, scale)
 * @param xLabel    the x axis label (LaTeX), or null for the field name
 * @param caption   the caption (LaTeX)
 * @param label     the label for \ref, or empty
 * @param band      whether line plots draw a +-std band when there are several seeds
 * @param height    the axis height, a LaTeX length
 * @param placement float placement
 */
public record PlotSpec(String x, String y, String series, MetricSpec yMetric, String xLabel, String caption,
                       String label, boolean band, String height, String placement) { }
