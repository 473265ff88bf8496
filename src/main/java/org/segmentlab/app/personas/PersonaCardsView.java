package org.segmentlab.app.personas;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.segmentlab.app.charts.ClusterPalette;

/**
 * The Personas tab: one card per cluster in a wrapping flow inside a scroll pane, then the cards set
 * aside after a re-run. Binds to a {@link PersonaCardsViewModel}; holds no state of its own beyond the
 * nodes. Ctrl+Z undoes and Ctrl+Shift+Z or Ctrl+Y redoes any card edit, even while a text field has the
 * focus (the fields' own undo is bypassed, so there is one history).
 */
public final class PersonaCardsView extends BorderPane {

    /** Card width: two cards side by side beside the settings sidebar of a 1280-pixel window, four at 1600. */
    static final double CARD_WIDTH = 360;
    /** z at which a trait bar reaches the end of its half. */
    static final double BAR_Z_MAX = 2.5;
    private static final double BAR_WIDTH = 90;
    private static final double FEATURE_WIDTH = 150;

    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination REDO_Y = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);

    private final PersonaCardsViewModel vm;
    private final FlowPane cardFlow = new FlowPane(14, 14);
    private final FlowPane asideFlow = new FlowPane(14, 14);
    private final VBox asideSection;

    private final ListChangeListener<PersonaCardModel> cardsListener = c -> rebuildCards();
    private final ListChangeListener<PersonaCardModel> asideListener = c -> rebuildAside();
    private final javafx.beans.value.ChangeListener<List<String>> namesListener = (o, a, b) -> rebuildAside();

    /** Detaches this view from its view model (call when the pane is replaced). */
    public void dispose() {
        vm.cards().removeListener(cardsListener);
        vm.setAside().removeListener(asideListener);
        vm.namesProperty().removeListener(namesListener);
    }

    public PersonaCardsView(PersonaCardsViewModel vm) {
        this.vm = vm;
        getStyleClass().add("persona-cards");

        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        message.setStyle("-fx-background-color: #FFF4CE; -fx-padding: 6 10; -fx-background-radius: 4;");
        message.setId("persona-message");

        Button undo = new Button("Undo");
        undo.setId("persona-undo");
        undo.disableProperty().bind(vm.canUndoProperty().not());
        undo.setOnAction(e -> vm.undo());
        undo.setTooltip(new Tooltip("Undo the last card edit (Ctrl+Z)"));
        Button redo = new Button("Redo");
        redo.setId("persona-redo");
        redo.disableProperty().bind(vm.canRedoProperty().not());
        redo.setOnAction(e -> vm.redo());
        redo.setTooltip(new Tooltip("Redo (Ctrl+Shift+Z or Ctrl+Y)"));
        Label hint = new Label("Drafted from each cluster's key traits: rename and rewrite them, the names show"
                + " everywhere. Bars: distance from the average customer (centre line, in sd); numbers: cluster vs"
                + " average.");
        hint.setStyle("-fx-text-fill: #555;");
        hint.setWrapText(true);
        HBox.setHgrow(hint, Priority.ALWAYS);
        hint.setMaxWidth(Double.MAX_VALUE);
        undo.setMinWidth(Region.USE_PREF_SIZE);
        redo.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, hint, undo, redo);
        bar.setAlignment(Pos.CENTER_LEFT);

        VBox top = new VBox(6, bar, message);
        top.setPadding(new Insets(8, 12, 6, 12));
        setTop(top);

        cardFlow.setPadding(new Insets(4, 12, 12, 12));
        cardFlow.setAlignment(Pos.TOP_LEFT);
        cardFlow.setRowValignment(javafx.geometry.VPos.TOP);
        asideFlow.setPadding(new Insets(4, 12, 12, 12));
        asideFlow.setRowValignment(javafx.geometry.VPos.TOP);
        Label asideTitle = new Label("Set aside");
        asideTitle.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
        Label asideNote = new Label("Your edited cards whose clusters have no good match in this analysis.");
        asideNote.setStyle("-fx-text-fill: #555;");
        asideSection = new VBox(4, asideTitle, asideNote, asideFlow);
        asideSection.setPadding(new Insets(8, 12, 0, 12));
        asideSection.visibleProperty().bind(Bindings.isNotEmpty(vm.setAside()));
        asideSection.managedProperty().bind(asideSection.visibleProperty());

        VBox content = new VBox(cardFlow, asideSection);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // the flow wraps to the viewport's width, so cards fill the row and then go to the next one
        scroll.viewportBoundsProperty().addListener((o, a, b) -> {
            cardFlow.setPrefWrapLength(b.getWidth() - 24);
            asideFlow.setPrefWrapLength(b.getWidth() - 24);
        });
        setCenter(scroll);

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (REDO.match(e) || REDO_Y.match(e)) {
                vm.redo();
                e.consume();
            } else if (UNDO.match(e)) {
                vm.undo();
                e.consume();
            }
        });

        vm.cards().addListener(cardsListener);
        vm.setAside().addListener(asideListener);
        // a restore target's name may change: the aside cards' menus list the current names
        vm.namesProperty().addListener(namesListener);
        rebuildCards();
        rebuildAside();
    }

    /** Calm pulses (the one before came within {@link #CALM_NANOS}) a hidden rebuild waits for before each step. */
    static final int SETTLE_PULSES = 20;
    /** A pulse this soon after the one before found the FX thread idle: a step then does not add to other work. */
    static final long CALM_NANOS = 25_000_000L;
    /** Pulses after which the cards are built even if the window never calmed down (a busy machine). */
    static final int MAX_WAIT_PULSES = 300;
    private int calm;
    private int waited;
    private long lastPulse;
    /** Steps still to run while the view is hidden, in order: each card is three (see {@link #cardSteps}). */
    private final java.util.ArrayDeque<Runnable> pending = new java.util.ArrayDeque<>();
    /** Showing the view runs the steps still pending at once. */
    private final org.segmentlab.app.charts.ShowGate shown =
            new org.segmentlab.app.charts.ShowGate(this, this::buildPending);
    /**
     * While hidden, one step per calm pulse: a new analysis behind another tab built all its cards in one pulse, and
     * its first card (the text area and titled pane skins load then) landing in the pulse that shows the new
     * segments made a 120 ms stall; one whole card per pulse still cost 65-90 ms of FX time. A result's other views
     * (charts, scatter, heatmap) take the first pulses.
     */
    private final javafx.animation.AnimationTimer oneStepPerPulse = new javafx.animation.AnimationTimer() {
        @Override
        public void handle(long now) {
            boolean calmNow = lastPulse != 0 && now - lastPulse <= CALM_NANOS;
            lastPulse = now;
            calm = calmNow ? calm + 1 : 0;
            if (pending.isEmpty()) {
                stop();
                shown.stopWaiting();
            } else if (calm >= SETTLE_PULSES || ++waited >= MAX_WAIT_PULSES) {
                pending.poll().run();
                calm = SETTLE_PULSES - 2; // then every other calm pulse
            }
        }
    };

    /**
     * Shown: builds every card now. Hidden (the Personas tab not selected, as when an analysis finishes): builds them
     * a step per pulse, and all that remain the moment the view shows. Each card is a dozen styled controls (text
     * field, text area, titled pane, trait bars): ten of them cost the FX thread 100-250 ms in one pulse.
     */
    private void rebuildCards() {
        pending.clear();
        for (PersonaCardModel c : vm.cards()) {
            pending.addAll(cardSteps(c));
        }
        cardFlow.getChildren().clear();
        if (shown.waitUntilShown()) {
            calm = 0;
            waited = 0;
            lastPulse = 0;
            oneStepPerPulse.start();
        } else {
            buildPending();
        }
    }

    private void buildPending() {
        oneStepPerPulse.stop();
        shown.stopWaiting();
        while (!pending.isEmpty()) {
            pending.poll().run();
        }
    }

    /**
     * A card in three steps, so that no pulse styles and lays out more than a third of one: the card with its
     * name, traits and strategies; then its description (a text area, the heaviest control); then the folded
     * "Why this draft?". Run back to back they make the same card as run a pulse apart.
     */
    private List<Runnable> cardSteps(PersonaCardModel c) {
        Region descriptionSlot = new Region();
        Region whySlot = new Region();
        VBox[] body = new VBox[1];
        return List.of(
                () -> {
                    body[0] = cardBody(c, descriptionSlot, whySlot);
                    cardFlow.getChildren().add(frame(c.cluster(), body[0], "persona-card-" + c.cluster()));
                },
                () -> replace(body[0], descriptionSlot, description(c)),
                () -> replace(body[0], whySlot, why(c)));
    }

    private static void replace(VBox body, Node slot, Node with) {
        int i = body.getChildren().indexOf(slot);
        if (i >= 0) {
            body.getChildren().set(i, with);
        }
    }

    private void rebuildAside() {
        List<Node> nodes = new ArrayList<>();
        for (PersonaCardModel c : vm.setAside()) {
            nodes.add(asideCard(c));
        }
        asideFlow.getChildren().setAll(nodes);
    }

    private VBox cardBody(PersonaCardModel c, Node descriptionSlot, Node whySlot) {
        TextField name = new TextField();
        name.textProperty().bindBidirectional(c.nameProperty());
        name.setId("persona-name-" + c.cluster());
        name.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
        name.setPromptText("Cluster " + c.cluster());
        endGroupOnFocusLoss(name);

        Label warning = new Label();
        warning.setId("persona-warning-" + c.cluster());
        warning.textProperty().bind(c.nameWarningProperty());
        warning.setWrapText(true);
        warning.setStyle("-fx-text-fill: #B3261E; -fx-font-size: 11px;");
        warning.visibleProperty().bind(c.nameWarningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());

        Label header = new Label(c.header());
        header.setStyle("-fx-text-fill: #555; -fx-font-size: 11px;");

        Node strategies = strategiesEditor(c);

        Hyperlink reset = new Hyperlink("Reset to draft");
        reset.setId("persona-reset-" + c.cluster());
        reset.disableProperty().bind(c.editedProperty().not());
        reset.setOnAction(e -> vm.resetToDraft(c));
        Label editedMark = new Label();
        editedMark.textProperty().bind(Bindings.when(c.editedProperty()).then("edited").otherwise("draft"));
        editedMark.setStyle("-fx-text-fill: #777; -fx-font-size: 11px;");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(6, editedMark, spacer, reset);
        footer.setAlignment(Pos.CENTER_LEFT);

        VBox body = new VBox(6, name, warning, header, traitBars(c), sectionLabel("Who they are"), descriptionSlot,
                sectionLabel("What to do"), strategies, whySlot, footer);
        body.setPadding(new Insets(10, 12, 10, 12));
        return body;
    }

    private TextArea description(PersonaCardModel c) {
        TextArea description = new TextArea();
        description.textProperty().bindBidirectional(c.descriptionProperty());
        description.setWrapText(true);
        description.setPrefRowCount(7);
        description.setId("persona-description-" + c.cluster());
        endGroupOnFocusLoss(description);
        return description;
    }

    private static TitledPane why(PersonaCardModel c) {
        TitledPane why = new TitledPane("Why this draft?", basisList(c));
        why.setExpanded(false);
        why.setAnimated(false);
        why.setStyle("-fx-font-size: 11px;");
        return why;
    }

    private VBox asideCard(PersonaCardModel c) {
        Label name = new Label();
        name.textProperty().bind(c.nameProperty());
        name.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        name.setWrapText(true);
        Label header = new Label(c.header());
        header.setStyle("-fx-text-fill: #555; -fx-font-size: 11px;");
        Label description = new Label();
        description.textProperty().bind(c.descriptionProperty());
        description.setWrapText(true);
        VBox bullets = bullets(c);
        MenuButton restore = new MenuButton("Restore onto cluster");
        for (PersonaCardModel target : vm.cards()) {
            MenuItem item = new MenuItem(target.cluster() + ": " + vm.nameOf(target.cluster()));
            item.setOnAction(e -> vm.restoreOnto(c, target.cluster()));
            restore.getItems().add(item);
        }
        Hyperlink discard = new Hyperlink("Discard");
        discard.setOnAction(e -> vm.discard(c));
        HBox actions = new HBox(8, restore, discard);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox body = new VBox(6, name, header, description, bullets, actions);
        body.setPadding(new Insets(10, 12, 10, 12));
        // grey strip: the colour of its old number now belongs to another cluster (or to none)
        VBox card = frame(-1, body, "persona-aside-" + c.cluster());
        card.setOpacity(0.9);
        return card;
    }

    /** The card's frame: a white rounded box with the cluster's colour strip on top (grey for -1). */
    private static VBox frame(int cluster, VBox body, String id) {
        Region strip = new Region();
        strip.setMinHeight(8);
        strip.setPrefHeight(8);
        strip.setBackground(new Background(new BackgroundFill(ClusterPalette.color(cluster),
                new CornerRadii(6, 6, 0, 0, false), Insets.EMPTY)));
        VBox card = new VBox(strip, body);
        card.setId(id);
        card.getStyleClass().add("persona-card");
        card.setPrefWidth(CARD_WIDTH);
        card.setMinWidth(CARD_WIDTH);
        card.setMaxWidth(CARD_WIDTH);
        card.setStyle("-fx-background-color: white; -fx-background-radius: 6; -fx-border-color: #D0D0D0;"
                + " -fx-border-radius: 6; -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.12), 6, 0, 0, 1);");
        return card;
    }

    private static Label sectionLabel(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-size: 11px; -fx-font-weight: bold; -fx-text-fill: #444;");
        return l;
    }

    /** One row per key trait: name, a diverging bar around the population (z = 0), raw-unit means. */
    private static Node traitBars(PersonaCardModel c) {
        VBox rows = new VBox(3);
        for (PersonaCardModel.TraitBar t : c.traits()) {
            Label feature = new Label();
            feature.setStyle("-fx-font-size: 11px;");
            feature.setText(wrapAtUnderscores(t.feature(), Font.font(feature.getFont().getFamily(), 11),
                    FEATURE_WIDTH - 4));
            feature.setMinWidth(FEATURE_WIDTH);
            feature.setPrefWidth(FEATURE_WIDTH);
            feature.setMaxWidth(FEATURE_WIDTH);
            feature.setMinHeight(Region.USE_PREF_SIZE);
            // The tooltip is made on first hover: a Tooltip is a popup window with its own CSS pass, and one per
            // trait bar made rebuilding ten cards stall the FX thread for ~100 ms (bench/results/fx-async-scatter.md).
            String tip = t.feature() + String.format(java.util.Locale.ROOT, ": %+.1f sd from the average customer", t.z());
            feature.setOnMouseEntered(e -> {
                if (feature.getTooltip() == null) {
                    feature.setTooltip(new Tooltip(tip));
                }
            });
            Label values = new Label(t.values());
            values.setStyle("-fx-font-size: 11px; -fx-text-fill: #444;");
            values.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(6, feature, bar(t.z()), values);
            row.setAlignment(Pos.CENTER_LEFT);
            rows.getChildren().add(row);
        }
        return rows;
    }

    /**
     * Long column names (PURCHASES_INSTALLMENTS_FREQUENCY) break after an underscore rather than being cut
     * with an ellipsis or broken mid-word: JavaFX only breaks lines at spaces.
     */
    static String wrapAtUnderscores(String name, Font font, double width) {
        Text probe = new Text();
        probe.setFont(font);
        StringBuilder out = new StringBuilder();
        String line = "";
        for (String part : name.split("(?<=_)")) {
            probe.setText(line + part);
            if (!line.isEmpty() && probe.getLayoutBounds().getWidth() > width) {
                out.append(line).append('\n');
                line = part;
            } else {
                line += part;
            }
        }
        return out.append(line).toString();
    }

    private static Node bar(double z) {
        double half = BAR_WIDTH / 2;
        double len = Math.min(Math.abs(z), BAR_Z_MAX) / BAR_Z_MAX * half;
        Rectangle r = new Rectangle(z >= 0 ? half : half - len, 2, Math.max(len, 1), 10);
        r.setFill(ClusterPalette.diverging(Math.signum(z) * Math.max(Math.abs(z), 1), BAR_Z_MAX));
        r.setStroke(z >= 0 ? Color.web("#B2182B") : Color.web("#2166AC"));
        r.setStrokeWidth(0.6);
        Line centre = new Line(half, 0, half, 14);
        centre.setStroke(Color.web("#888"));
        Pane p = new Pane(r, centre);
        p.setMinSize(BAR_WIDTH, 14);
        p.setPrefSize(BAR_WIDTH, 14);
        p.setMaxSize(BAR_WIDTH, 14);
        return p;
    }

    /**
     * The strategies shown as bullets; a click (or "Edit") swaps in a text area with one per line. The text area is
     * made on the first edit: a hidden one in every card was a second text area skin per card to style and lay out.
     */
    private Node strategiesEditor(PersonaCardModel c) {
        VBox bullets = bullets(c);
        StackPane stack = new StackPane(bullets);
        Hyperlink edit = new Hyperlink("Edit strategies");
        edit.setId("persona-edit-strategies-" + c.cluster());
        TextArea[] made = new TextArea[1];
        Runnable startEditing = () -> {
            if (made[0] == null) {
                made[0] = strategiesArea(c, bullets, edit);
                stack.getChildren().add(made[0]);
            }
            TextArea area = made[0];
            bullets.setVisible(false);
            bullets.setManaged(false);
            edit.setVisible(false);
            edit.setManaged(false);
            area.setVisible(true);
            area.setManaged(true);
            area.requestFocus();
        };
        edit.setOnAction(e -> startEditing.run());
        bullets.setOnMouseClicked(e -> startEditing.run());
        return new VBox(2, stack, edit);
    }

    /** The strategies' text area, one per line; losing the focus ends the edit and shows the bullets again. */
    private TextArea strategiesArea(PersonaCardModel c, VBox bullets, Hyperlink edit) {
        TextArea area = new TextArea();
        area.setId("persona-strategies-" + c.cluster());
        area.textProperty().bindBidirectional(c.strategiesProperty());
        area.setWrapText(true);
        area.setPrefRowCount(4);
        area.setPromptText("One strategy per line");
        area.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                vm.endEditGroup();
                area.setVisible(false);
                area.setManaged(false);
                bullets.setVisible(true);
                bullets.setManaged(true);
                edit.setVisible(true);
                edit.setManaged(true);
            }
        });
        return area;
    }

    private static VBox bullets(PersonaCardModel c) {
        VBox box = new VBox(2);
        Runnable fill = () -> {
            List<Node> ls = new ArrayList<>();
            for (String s : c.strategyList()) {
                Label bullet = new Label("\u2022");
                bullet.setMinWidth(Region.USE_PREF_SIZE);
                Label text = new Label(s);
                text.setWrapText(true);
                HBox row = new HBox(6, bullet, text);
                ls.add(row);
            }
            if (ls.isEmpty()) {
                Label none = new Label("No strategies yet: click to add one per line.");
                none.setStyle("-fx-text-fill: #888;");
                ls.add(none);
            }
            box.getChildren().setAll(ls);
        };
        fill.run();
        // weakly attached, so the model does not keep discarded nodes alive; the node holds the listener
        javafx.beans.InvalidationListener refill = o -> fill.run();
        c.strategiesProperty().addListener(new javafx.beans.WeakInvalidationListener(refill));
        box.setUserData(refill);
        return box;
    }

    private static Node basisList(PersonaCardModel c) {
        VBox box = new VBox(2);
        Label intro = new Label("The drafted name and text come from these traits (sd: standard deviations"
                + " from the average customer):");
        intro.setWrapText(true);
        intro.setStyle("-fx-text-fill: #555;");
        box.getChildren().add(intro);
        for (String b : c.draft().basis()) {
            Label l = new Label("\u2022 " + b);
            l.setWrapText(true);
            box.getChildren().add(l);
        }
        box.setMaxWidth(CARD_WIDTH - 40);
        return box;
    }

    private void endGroupOnFocusLoss(Node field) {
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                vm.endEditGroup();
            }
        });
    }
}
