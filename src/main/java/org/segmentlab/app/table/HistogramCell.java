package org.segmentlab.app.table;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.TableCell;
import javafx.scene.paint.Color;

/** A small histogram of a numeric column, drawn on a Canvas from precomputed bin counts. */
final class HistogramCell extends TableCell<ColumnSummary, ColumnSummary> {

    static final double WIDTH = 110;
    static final double HEIGHT = 20;
    private static final Color BAR = Color.web("#4f7cac");

    private final Canvas canvas = new Canvas(WIDTH, HEIGHT);

    HistogramCell() {
        getStyleClass().add("histogram-cell");
    }

    @Override
    protected void updateItem(ColumnSummary item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null || item.histogram().length == 0) {
            setGraphic(null);
            return;
        }
        draw(canvas.getGraphicsContext2D(), item.histogram());
        setGraphic(canvas);
    }

    static void draw(GraphicsContext g, int[] counts) {
        g.clearRect(0, 0, WIDTH, HEIGHT);
        int max = 0;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        if (max == 0) {
            return;
        }
        double w = WIDTH / counts.length;
        g.setFill(BAR);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                continue;
            }
            // A square-root height keeps the long tail of skewed columns visible next to the peak.
            double h = Math.max(1, (HEIGHT - 2) * Math.sqrt((double) counts[i] / max));
            g.fillRect(i * w + 0.5, HEIGHT - h, Math.max(1, w - 1), h);
        }
    }
}
