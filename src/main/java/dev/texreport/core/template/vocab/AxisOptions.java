package dev.texreport.core.template.vocab;

import java.math.BigDecimal;

/**
 * How a figure's axes are drawn.
 *
 * @param width   the axis width, a LaTeX length ({@code \linewidth} by default)
 * @param height  the axis height, a LaTeX length
 * @param xLabel  the x label (LaTeX)
 * @param yLabel  the y label (LaTeX)
 * @param y2Label the right axis's label (LaTeX), or null without a second y axis
 * @param xLog    a logarithmic x axis
 * @param yLog    a logarithmic y axis
 * @param xmin    the axis limits, or null for the data's range (x) or pgfplots' choice (y)
 * @param xmax    see xmin
 * @param ymin    see xmin
 * @param ymax    see xmin
 */
record AxisOptions(String width, String height, String xLabel, String yLabel, String y2Label, boolean xLog,
                   boolean yLog, BigDecimal xmin, BigDecimal xmax, BigDecimal ymin, BigDecimal ymax) { }
