package org.segmentlab.app.help;

import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.PopOver;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/**
 * The small info icon placed next to a measure's label or chart. Hovering shows the one-sentence summary;
 * clicking it (or Space/Enter when focused with Tab) opens a PopOver with the {@link LearnMorePane}, from which
 * "Open in Help" opens the glossary at this entry. The icon is keyboard-focusable and reads as "About
 * &lt;title&gt;" to a screen reader.
 */
public final class HelpIcon extends Button {

    /** The help package's stylesheet (class-path URL form). */
    static final String CSS = HelpIcon.class.getResource("/help/help.css").toExternalForm();

    private final Explanation explanation;
    private final boolean inCatalogue;
    private PopOver popOver;

    private HelpIcon(Explanation e, String text, boolean inCatalogue) {
        super(text, new FontIcon(MaterialDesignI.INFORMATION_OUTLINE));
        this.explanation = e;
        this.inCatalogue = inCatalogue;
        getStyleClass().setAll("help-icon");
        getStylesheets().add(CSS);
        setMnemonicParsing(false);
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.BUTTON);
        setAccessibleText("About " + e.title());
        setAccessibleHelp(e.summary());
        setMinSize(USE_PREF_SIZE, USE_PREF_SIZE);
        Tooltip tip = new Tooltip(e.summary() + (e.better().isBlank() ? "" : "\n\n" + e.better())
                + "\n\nClick for more.");
        tip.setWrapText(true);
        tip.setMaxWidth(380);
        tip.setShowDelay(Duration.millis(250));
        tip.setShowDuration(Duration.seconds(30));
        setTooltip(tip);
        setOnAction(a -> toggleLearnMore());
        // Buttons fire on Space; people also press Enter on a focused info icon.
        addEventHandler(KeyEvent.KEY_PRESSED, k -> {
            if (k.getCode() == KeyCode.ENTER) {
                toggleLearnMore();
                k.consume();
            }
        });
    }

    /**
     * An icon for a catalogue entry.
     *
     * @throws IllegalArgumentException when the catalogue has no such id
     */
    public static HelpIcon of(String id) {
        return new HelpIcon(Explanations.of(id), null, true);
    }

    /** An icon with a short text beside it ("PCA axes"), for places where several icons stand together. */
    public static HelpIcon labelled(String id, String text) {
        return new HelpIcon(Explanations.of(id), text, true);
    }

    /** An icon for text outside the catalogue (a one-off chart); its pane has no "Open in Help" link. */
    public static HelpIcon adHoc(Explanation e) {
        return new HelpIcon(e, null, false);
    }

    /** The catalogue id this icon explains. */
    public String topicId() {
        return explanation.id();
    }

    public Explanation explanation() {
        return explanation;
    }

    /** The PopOver once it has been shown (null before). */
    public PopOver popOver() {
        return popOver;
    }

    public boolean isLearnMoreShowing() {
        return popOver != null && popOver.isShowing();
    }

    private void toggleLearnMore() {
        if (isLearnMoreShowing()) {
            popOver.hide(Duration.ZERO);
        } else {
            showLearnMore();
        }
    }

    /** Opens the learn-more PopOver beside the icon, on the side of the screen with room for it. */
    public void showLearnMore() {
        if (getScene() == null || getScene().getWindow() == null) {
            return;
        }
        if (popOver == null) {
            popOver = new PopOver();
            popOver.setDetachable(false);
            popOver.setHeaderAlwaysVisible(false);
            popOver.setAutoHide(true);
            popOver.setHideOnEscape(true);
            popOver.setAnimated(false);
            LearnMorePane pane = new LearnMorePane(explanation, this::openInGlossary,
                    inCatalogue ? () -> openInGlossary(explanation.id()) : null);
            scroll = new ScrollPane(pane);
            scroll.getStyleClass().add("learn-more-scroll");
            scroll.setFitToWidth(true);
            scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
            scroll.setPrefViewportWidth(WIDTH);
            scroll.setPrefViewportHeight(Math.min(MAX_HEIGHT, styledHeight(pane)));
            scroll.getStylesheets().add(CSS);
            popOver.setContentNode(scroll);
        }
        popOver.setArrowLocation(arrowFor(localToScreen(getBoundsInLocal())));
        popOver.show(this);
        // Start at the top with the pane itself focused (arrows scroll, Tab reaches the links), rather than
        // scrolled down to the first link the popup would otherwise focus.
        scroll.setVvalue(0);
        scroll.requestFocus();
    }

    private static final double WIDTH = 420;
    private static final double MAX_HEIGHT = 460;
    private ScrollPane scroll;

    /** The pane's height at {@link #WIDTH} with its stylesheet applied (fonts decide how the text wraps). */
    private static double styledHeight(LearnMorePane pane) {
        javafx.scene.Group g = new javafx.scene.Group(pane);
        g.getStyleClass().add("root"); // modena's colour lookups live on .root
        new javafx.scene.Scene(g);
        pane.applyCss();
        double h = pane.prefHeight(WIDTH);
        g.getChildren().clear();
        return h;
    }

    /** Points the arrow so the PopOver opens towards the larger free part of the screen. */
    private static PopOver.ArrowLocation arrowFor(Bounds b) {
        if (b == null) {
            return PopOver.ArrowLocation.TOP_LEFT;
        }
        Rectangle2D screen = Screen.getScreensForRectangle(b.getMinX(), b.getMinY(), 1, 1).stream().findFirst()
                .orElse(Screen.getPrimary()).getVisualBounds();
        boolean below = b.getCenterY() < screen.getMinY() + screen.getHeight() / 2;
        boolean right = b.getCenterX() < screen.getMinX() + screen.getWidth() / 2;
        if (below) {
            return right ? PopOver.ArrowLocation.TOP_LEFT : PopOver.ArrowLocation.TOP_RIGHT;
        }
        return right ? PopOver.ArrowLocation.BOTTOM_LEFT : PopOver.ArrowLocation.BOTTOM_RIGHT;
    }

    private void openInGlossary(String id) {
        Window owner = getScene() == null ? null : getScene().getWindow();
        if (owner != null && Explanations.catalogue().contains(id)) {
            GlossaryWindow.show(owner, id);
        }
        if (popOver != null) {
            popOver.hide(Duration.ZERO);
        }
    }
}
