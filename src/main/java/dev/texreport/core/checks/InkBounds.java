package dev.texreport.core.checks;

import java.awt.geom.Point2D;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;

/**
 * The horizontal extent of images and of drawn or filled paths on a page, cut to the clipping path in force:
 * a figure that sticks out of the text block is caught even when it has no text, while lines that a plot clips
 * at its axes are not.
 */
final class InkBounds extends PDFGraphicsStreamEngine {
    private final double left;
    private final double right;
    private final java.util.function.DoubleConsumer overflow;
    private final java.awt.geom.GeneralPath path = new java.awt.geom.GeneralPath();
    private boolean clipPending;
    private int clipRule;

    InkBounds(PDPage page, double left, double right, java.util.function.DoubleConsumer overflow) {
        super(page);
        this.left = left;
        this.right = right;
        this.overflow = overflow;
    }

    /** Reports the part of {@code box} that is visible (inside the clip) and ink. */
    private void ink(java.awt.geom.Rectangle2D box) {
        java.awt.geom.Rectangle2D clip = getGraphicsState().getCurrentClippingPath().getBounds2D();
        double minX = Math.max(box.getMinX(), clip.getMinX());
        double maxX = Math.min(box.getMaxX(), clip.getMaxX());
        if (minX <= maxX && box.getWidth() + box.getHeight() > 0) {
            overflow.accept(Math.max(left - minX, maxX - right));
        }
    }

    private void finishPath(boolean painted) {
        if (painted) {
            ink(path.getBounds2D());
        }
        if (clipPending) {
            path.setWindingRule(clipRule);
            getGraphicsState().intersectClippingPath(path);
            clipPending = false;
        }
        path.reset();
    }

    @Override
    public void drawImage(PDImage image) {
        Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
        java.awt.geom.Rectangle2D box = null;
        for (float[] corner : new float[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}}) {
            Point2D p = ctm.transformPoint(corner[0], corner[1]);
            if (box == null) {
                box = new java.awt.geom.Rectangle2D.Double(p.getX(), p.getY(), 0, 0);
            } else {
                box.add(p);
            }
        }
        ink(box);
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        path.moveTo((float) p0.getX(), (float) p0.getY());
        path.lineTo((float) p1.getX(), (float) p1.getY());
        path.lineTo((float) p2.getX(), (float) p2.getY());
        path.lineTo((float) p3.getX(), (float) p3.getY());
        path.closePath();
    }

    @Override
    public void moveTo(float x, float y) {
        path.moveTo(x, y);
    }

    @Override
    public void lineTo(float x, float y) {
        path.lineTo(x, y);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        path.curveTo(x1, y1, x2, y2, x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
        Point2D current = path.getCurrentPoint();
        return current == null ? new Point2D.Float() : current;
    }

    @Override
    public void clip(int windingRule) {
        clipPending = true;
        clipRule = windingRule;
    }

    @Override
    public void closePath() {
        path.closePath();
    }

    @Override
    public void endPath() {
        finishPath(false);
    }

    @Override
    public void strokePath() {
        finishPath(true);
    }

    @Override
    public void fillPath(int windingRule) {
        finishPath(true);
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        finishPath(true);
    }

    @Override
    public void shadingFill(COSName shadingName) {
        // a shading fills the clip that a path already described
    }
}
