package org.segmentlab.app.charts;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.scene.Node;

/**
 * Tells whether a node in the window is hidden (it, or a parent, is invisible: a tab not shown, a pane hidden) and
 * runs an action once when it shows. Views use it to leave work for hidden content until it is seen, or to do it in
 * small steps meanwhile: JavaFX styles, lays out and (for a Canvas) renders hidden content all the same.
 * A node outside any scene counts as shown (tests and off-screen exports work as before). FX thread only.
 */
public final class ShowGate {

    private final Node node;
    private final Runnable onShown;
    private final List<Node> hiddenBy = new ArrayList<>();
    private final InvalidationListener changed = o -> {
        stopWaiting();
        // one of several hidden parents may show while another still hides it: then keep waiting
        if (!waitUntilShown()) {
            runOnShown();
        }
    };

    /**
     * @param node    the node to watch (not modified)
     * @param onShown run once after {@link #waitUntilShown()} when the node shows (every parent visible) or leaves
     *                its scene
     */
    public ShowGate(Node node, Runnable onShown) {
        this.node = node;
        this.onShown = onShown;
    }

    /** True when the node is in a scene under an invisible node (or is invisible itself). */
    public boolean hidden() {
        if (node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return true;
            }
        }
        return false;
    }

    /**
     * If hidden, listens for the invisible nodes above it to show (or the node to leave the scene) and then runs the
     * action once; returns true. If shown, does nothing and returns false.
     */
    public boolean waitUntilShown() {
        if (!hidden()) {
            return false;
        }
        stopWaiting();
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                hiddenBy.add(n);
                n.visibleProperty().addListener(changed);
            }
        }
        node.sceneProperty().addListener(changed);
        return true;
    }

    /** Forgets a pending {@link #waitUntilShown()}. */
    public void stopWaiting() {
        hiddenBy.forEach(n -> n.visibleProperty().removeListener(changed));
        hiddenBy.clear();
        node.sceneProperty().removeListener(changed);
    }

    private void runOnShown() {
        onShown.run();
    }

    /** True while an action waits for the node to show. */
    public boolean waiting() {
        return !hiddenBy.isEmpty();
    }
}
