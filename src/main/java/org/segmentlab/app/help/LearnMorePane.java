package org.segmentlab.app.help;

import java.util.function.Consumer;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The longer text of one {@link Explanation}: title, summary, which way is better, the explanation, a worked
 * example, the formula, and "see also" links. Shown in an info icon's PopOver and in the glossary. Holds no state
 * beyond its labels.
 */
public final class LearnMorePane extends VBox {

    private final Explanation explanation;

    /**
     * @param onRelated  what a "see also" link does with the related id (never null)
     * @param openInHelp what "Open in Help" does, or null to leave the link out (inside the glossary itself)
     */
    public LearnMorePane(Explanation e, Consumer<String> onRelated, Runnable openInHelp) {
        this.explanation = e;
        getStyleClass().add("learn-more");
        getStylesheets().add(HelpIcon.CSS);
        setId("learnMore-" + e.id());

        Label title = label(e.title(), "learn-more-title");
        title.setId("learnMoreTitle");
        Label summary = label(e.summary(), "learn-more-summary");
        summary.setId("learnMoreSummary");
        getChildren().addAll(title, summary);
        if (!e.better().isBlank()) {
            Label better = label(arrow(e.direction()) + e.better(), "learn-more-better");
            better.setId("learnMoreBetter");
            getChildren().add(better);
        }
        VBox body = new VBox(6);
        body.setId("learnMoreText");
        for (String paragraph : e.learnMore().split("\\n\\s*\\n")) {
            body.getChildren().add(label(paragraph.strip(), "learn-more-paragraph"));
        }
        getChildren().add(body);
        if (!e.example().isBlank()) {
            Label example = label(e.example(), "learn-more-example");
            example.setId("learnMoreExample");
            getChildren().addAll(label("EXAMPLE", "learn-more-section"), example);
        }
        if (!e.formula().isBlank()) {
            Label formula = label(e.formula(), "learn-more-formula");
            formula.setId("learnMoreFormula");
            formula.setMaxWidth(Double.MAX_VALUE);
            getChildren().addAll(label("FORMULA", "learn-more-section"), formula);
        }
        FlowPane links = new FlowPane(4, 2);
        if (!e.related().isEmpty()) {
            links.getChildren().add(label("See also:", "learn-more-see-also"));
            Explanations catalogue = Explanations.catalogue();
            for (String id : e.related()) {
                Hyperlink link = new Hyperlink(catalogue.find(id).map(Explanation::title).orElse(id));
                link.setId("seeAlso-" + id);
                link.setOnAction(a -> onRelated.accept(id));
                links.getChildren().add(link);
            }
        }
        if (!links.getChildren().isEmpty()) {
            getChildren().add(links);
        }
        if (openInHelp != null) {
            Hyperlink open = new Hyperlink("Open in Help ▸ Glossary");
            open.setId("openInHelp");
            open.setAccessibleHelp("Opens the glossary of every measure at this entry");
            open.setOnAction(a -> openInHelp.run());
            getChildren().add(open);
        }
    }

    public Explanation explanation() {
        return explanation;
    }

    /** Everything the pane says, as plain text (tests, copy). */
    public String text() {
        StringBuilder b = new StringBuilder(explanation.title()).append("\n\n").append(explanation.summary());
        if (!explanation.better().isBlank()) {
            b.append("\n\n").append(explanation.better());
        }
        b.append("\n\n").append(explanation.learnMore());
        if (!explanation.example().isBlank()) {
            b.append("\n\nExample: ").append(explanation.example());
        }
        if (!explanation.formula().isBlank()) {
            b.append("\n\nFormula: ").append(explanation.formula());
        }
        return b.toString();
    }

    private static String arrow(Explanation.Direction d) {
        return switch (d) {
            case HIGHER -> "↑ ";
            case LOWER -> "↓ ";
            default -> "";
        };
    }

    private static Label label(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        // wrapped labels must not be squeezed below their text's height
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
