package org.segmentlab.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.segmentlab.prep.Numbers;

/**
 * Drafts a persona per cluster from its profile: which features sit far above or below the population
 * (in standard deviations), said in raw units. A readable rule table knows the usual credit-card
 * behaviours; other data gets a plain phrasing built from the column names. No two clusters get the
 * same name.
 */
public final class PersonaDrafter {

    /** |z| at which a feature counts as "high" or "low" in a description. */
    static final double NOTABLE = 0.5;

    /**
     * One row of the rule table: the features (by name, upper case) that must be high and low, and
     * what to call and do with such customers. A rule scores the mean z of its high features minus the
     * mean z of its low ones; it applies when every feature it names exists and the score is at least
     * {@code minScore}.
     */
    record Rule(String name, List<String> high, List<String> low, double minScore, String sentence,
                List<String> strategies) {
    }

    static final List<Rule> CREDIT_CARD_RULES = List.of(
            new Rule("Cash Advance Users", List.of("CASH_ADVANCE", "CASH_ADVANCE_FREQUENCY"), List.of("PURCHASES"), 0.8,
                    "They draw cash on the card far more than they buy with it.",
                    List.of("Lower purchase rates to shift spending from cash to purchases",
                            "Watch the credit risk: cash advances often signal tight cash flow",
                            "Offer a personal loan or instalment plan at a fairer rate than cash advances")),
            new Rule("High-Value Transactors", List.of("PURCHASES", "PURCHASES_TRX", "CREDIT_LIMIT", "PAYMENTS"), List.of(), 0.8,
                    "They buy a lot, often, on high limits, and pay a lot back.",
                    List.of("Premium card with travel and concierge benefits", "Raise credit limits proactively",
                            "Invite to a loyalty tier with partner offers")),
            // Frequent, mostly small purchases (often in instalments) and little cash: on the credit-card data
            // the second largest cluster; without this rule its modest full-payment share named it "Full Payers".
            new Rule("Everyday Spenders", List.of("PURCHASES_FREQUENCY", "PURCHASES_INSTALLMENTS_FREQUENCY"),
                    List.of("CASH_ADVANCE_FREQUENCY"), 0.8,
                    "They use the card for purchases nearly every month, often in instalments, and seldom draw cash.",
                    List.of("Cashback on everyday categories such as groceries and fuel",
                            "Instalment offers at checkout for the larger buys",
                            "Nudge towards paying in full: autopay and statement reminders")),
            new Rule("Instalment Purchasers", List.of("INSTALLMENTS_PURCHASES", "PURCHASES_INSTALLMENTS_FREQUENCY"), List.of(), 0.6,
                    "They spread their purchases over instalments, regularly.",
                    List.of("Reward points on instalment purchases", "Buy-now-pay-later partner offers",
                            "Pre-approved instalment plans at checkout")),
            new Rule("One-Off Purchasers", List.of("ONEOFF_PURCHASES", "ONEOFF_PURCHASES_FREQUENCY"), List.of(), 0.6,
                    "They make larger one-off purchases rather than steady small ones.",
                    List.of("Category offers around big-ticket purchases", "Reminders and reasons to come back",
                            "Convert large purchases into instalment plans")),
            new Rule("Full Payers", List.of("PRC_FULL_PAYMENT"), List.of("BALANCE"), 0.6,
                    "They pay their balance in full and carry little debt.",
                    List.of("Loyalty rewards and cashback", "No pressure to borrow: keep the relationship simple",
                            "Premium upgrades based on spending")),
            new Rule("Revolvers", List.of("BALANCE"), List.of("PRC_FULL_PAYMENT"), 0.6,
                    "They carry a high balance from month to month and rarely pay in full.",
                    List.of("Balance transfer offers", "Debt consolidation products", "Financial wellness tools and reminders")),
            new Rule("Dormant Customers", List.of(), List.of("PURCHASES", "PURCHASES_FREQUENCY", "BALANCE_FREQUENCY", "PAYMENTS"), 0.5,
                    "They barely use the card.",
                    List.of("Reactivation campaign with a time-limited bonus", "Ask why: a short survey",
                            "Remind them of benefits they are not using")),
            // Low purchase activity without being dormant: often the largest cluster, which deserves a name
            // a marketing team can use rather than "Low PURCHASES_FREQUENCY, low ...".
            new Rule("Light Users", List.of(), List.of("PURCHASES_FREQUENCY", "PURCHASES_TRX", "BALANCE_FREQUENCY"), 0.4,
                    "They use the card for purchases far less often than most customers.",
                    List.of("Spend-and-get offers: a bonus after the first few purchases each month",
                            "Keep the card in view where they shop: mobile wallet, saved online checkout",
                            "Ask whether another card is their main one, and what would change that")),
            new Rule("New Customers", List.of(), List.of("TENURE"), 0.8,
                    "They joined recently.",
                    List.of("Onboarding journey", "First-use incentives", "Set up autopay and alerts early")));

    /**
     * Plain words for the credit-card sample's columns, used in descriptions (the basis keeps the column
     * names, so the user can find them in the data). Other columns are named as they are.
     */
    static final Map<String, String> PLAIN_WORDS = Map.ofEntries(
            Map.entry("BALANCE", "balance"),
            Map.entry("BALANCE_FREQUENCY", "balance update frequency"),
            Map.entry("PURCHASES", "purchase amount"),
            Map.entry("ONEOFF_PURCHASES", "one-off purchase amount"),
            Map.entry("INSTALLMENTS_PURCHASES", "instalment purchase amount"),
            Map.entry("CASH_ADVANCE", "cash advance amount"),
            Map.entry("PURCHASES_FREQUENCY", "purchase frequency"),
            Map.entry("ONEOFF_PURCHASES_FREQUENCY", "one-off purchase frequency"),
            Map.entry("PURCHASES_INSTALLMENTS_FREQUENCY", "instalment purchase frequency"),
            Map.entry("CASH_ADVANCE_FREQUENCY", "cash advance frequency"),
            Map.entry("CASH_ADVANCE_TRX", "number of cash advances"),
            Map.entry("PURCHASES_TRX", "number of purchases"),
            Map.entry("CREDIT_LIMIT", "credit limit"),
            Map.entry("PAYMENTS", "payment amount"),
            Map.entry("MINIMUM_PAYMENTS", "minimum payment amount"),
            Map.entry("PRC_FULL_PAYMENT", "share of months paid in full"),
            Map.entry("TENURE", "tenure"));

    private PersonaDrafter() {
    }

    /** The plain words for a column, or its name. */
    static String words(String feature) {
        return PLAIN_WORDS.getOrDefault(feature.toUpperCase(Locale.ROOT), feature);
    }

    /**
     * Drafts one persona per profile, in profile order.
     *
     * @param profiles the clusters' profiles (with their distinguishing traits)
     */
    public static List<Persona> draft(List<ClusterProfile> profiles) {
        int k = profiles.size();
        // Score every rule on every cluster, then hand names out best first so no two clusters share one.
        record Candidate(int cluster, Rule rule, double score) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (ClusterProfile p : profiles) {
            Map<String, Double> z = zByFeature(p);
            for (Rule rule : CREDIT_CARD_RULES) {
                double score = score(rule, z);
                if (!Double.isNaN(score) && score >= rule.minScore()) {
                    candidates.add(new Candidate(p.id(), rule, score));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        Map<Integer, Rule> chosen = new HashMap<>();
        Set<String> usedNames = new HashSet<>();
        for (Candidate c : candidates) {
            if (!chosen.containsKey(c.cluster()) && !usedNames.contains(c.rule().name())) {
                chosen.put(c.cluster(), c.rule());
                usedNames.add(c.rule().name());
            }
        }
        List<Persona> out = new ArrayList<>(k);
        for (ClusterProfile p : profiles) {
            Rule rule = chosen.get(p.id());
            String name = rule != null ? rule.name() : genericName(p);
            String unique = name;
            for (int i = 2; usedNames.contains(unique) && rule == null; i++) {
                unique = name + " (" + i + ")";
            }
            usedNames.add(unique);
            out.add(new Persona(unique, describe(p, rule), rule != null ? rule.strategies() : genericStrategies(p),
                    basis(p)));
        }
        return out;
    }

    private static Map<String, Double> zByFeature(ClusterProfile p) {
        Map<String, Double> z = new LinkedHashMap<>();
        for (ClusterProfile.Trait t : p.distinguishing()) {
            z.put(t.feature().toUpperCase(Locale.ROOT), t.z());
        }
        return z;
    }

    /** Mean z of the high features minus mean z of the low ones; NaN when a named feature is absent. */
    static double score(Rule rule, Map<String, Double> z) {
        double high = 0;
        for (String f : rule.high()) {
            Double v = z.get(f);
            if (v == null) {
                return Double.NaN;
            }
            high += v;
        }
        double low = 0;
        for (String f : rule.low()) {
            Double v = z.get(f);
            if (v == null) {
                return Double.NaN;
            }
            low += v;
        }
        double s = 0;
        if (!rule.high().isEmpty()) {
            s += high / rule.high().size();
        }
        if (!rule.low().isEmpty()) {
            s -= low / rule.low().size();
        }
        return s;
    }

    /** "High BALANCE, low PRC_FULL_PAYMENT" from the two most distinctive traits. */
    static String genericName(ClusterProfile p) {
        List<String> parts = new ArrayList<>();
        for (ClusterProfile.Trait t : p.distinguishing()) {
            if (parts.size() == 2 || Math.abs(t.z()) < NOTABLE / 2) {
                break;
            }
            parts.add((t.z() > 0 ? "high " : "low ") + t.feature());
        }
        if (parts.isEmpty()) {
            return "Typical Customers";
        }
        String s = String.join(", ", parts);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static List<String> genericStrategies(ClusterProfile p) {
        List<String> s = new ArrayList<>();
        for (ClusterProfile.Trait t : p.distinguishing()) {
            if (s.size() == 2 || Math.abs(t.z()) < NOTABLE) {
                break;
            }
            s.add(t.z() > 0 ? "Build offers around their high " + t.feature()
                    : "Find out what holds back their " + t.feature());
        }
        if (s.isEmpty()) {
            s.add("Keep them satisfied: they are close to the average customer");
        }
        return s;
    }

    private static String describe(ClusterProfile p, Rule rule) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%,d customers (%.1f%%).", p.size(), 100 * p.share()));
        if (rule != null) {
            sb.append(' ').append(rule.sentence());
        }
        List<String> facts = new ArrayList<>();
        for (ClusterProfile.Trait t : p.distinguishing()) {
            if (facts.size() == 3 || Math.abs(t.z()) < NOTABLE) {
                break;
            }
            facts.add(relative(t));
        }
        if (!facts.isEmpty()) {
            sb.append(" Their ").append(String.join("; their ", facts)).append('.');
        } else {
            sb.append(" No feature sets them far apart from the average customer.");
        }
        return sb.toString();
    }

    /** "cash advance amount is 3.2x the average (2,060 vs 979)": cluster mean vs population mean, raw units. */
    static String relative(ClusterProfile.Trait t) {
        String name = words(t.feature());
        double c = t.clusterMean();
        double pop = t.populationMean();
        String values = "(" + Numbers.sig3(c) + " vs " + Numbers.sig3(pop) + ")";
        if (pop > 0 && c >= 0) {
            double ratio = c / pop;
            if (ratio >= 1.5) {
                return name + " is " + ratioText(ratio) + "x the average " + values;
            }
            if (ratio <= 0.67) {
                return ratio < 0.05 ? name + " is close to none " + values
                        : name + " is " + String.format(Locale.ROOT, "%.0f%%", 100 * ratio) + " of the average " + values;
            }
        }
        return name + " is " + (t.z() > 0 ? "above" : "below") + " average " + values;
    }

    private static List<String> basis(ClusterProfile p) {
        List<String> b = new ArrayList<>();
        for (ClusterProfile.Trait t : p.distinguishing()) {
            if (b.size() == 5) {
                break;
            }
            b.add(String.format(Locale.ROOT, "%s: %s vs %s on average (%+.1f sd)", t.feature(),
                    Numbers.sig3(t.clusterMean()), Numbers.sig3(t.populationMean()), t.z()));
        }
        return b;
    }

    private static String ratioText(double r) {
        return r >= 10 ? String.format(Locale.ROOT, "%.0f", r) : String.format(Locale.ROOT, "%.1f", r);
    }
}
