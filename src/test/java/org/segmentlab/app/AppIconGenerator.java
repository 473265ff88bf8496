package org.segmentlab.app;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;
import javax.imageio.ImageIO;

/** Draws the app icon PNGs in assets/icons/ (run once: java this-file assets/icons). Not a test. */
public final class AppIconGenerator {
    public static void main(String[] a) throws Exception {
        for (int size : new int[]{16, 32, 48, 64, 128, 256}) {
            BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            double s = size / 256.0;
            g.scale(s, s);
            g.setPaint(new GradientPaint(0, 0, new Color(0x2B4C7E), 256, 256, new Color(0x3E7CB1)));
            g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));
            // three clusters, Okabe-Ito orange, sky blue, bluish green
            double[][] centres = {{88, 92}, {172, 104}, {122, 176}};
            Color[] colours = {new Color(0xE69F00), new Color(0x56B4E9), new Color(0x009E73)};
            Random r = new Random(7);
            boolean small = size <= 32;
            for (int c = 0; c < 3; c++) {
                g.setColor(new Color(255, 255, 255, 40));
                g.fill(new Ellipse2D.Double(centres[c][0] - 46, centres[c][1] - 46, 92, 92));
                g.setColor(colours[c]);
                int n = small ? 1 : 7;
                for (int i = 0; i < n; i++) {
                    double dx = small ? 0 : r.nextGaussian() * 17, dy = small ? 0 : r.nextGaussian() * 17;
                    double rad = small ? 34 : 13;
                    g.fill(new Ellipse2D.Double(centres[c][0] + dx - rad, centres[c][1] + dy - rad, 2 * rad, 2 * rad));
                }
                if (!small) {
                    g.setColor(Color.WHITE);
                    g.setStroke(new BasicStroke(6f));
                    g.draw(new Line2D.Double(centres[c][0] - 9, centres[c][1], centres[c][0] + 9, centres[c][1]));
                    g.draw(new Line2D.Double(centres[c][0], centres[c][1] - 9, centres[c][0], centres[c][1] + 9));
                }
            }
            g.dispose();
            ImageIO.write(img, "png", new File(a[0], "segmentlab-" + size + ".png"));
        }
    }
}
