package com.siyu.member.segment.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How rule tags refer to each other through their "tag" conditions: a rule tag may select on other
 * tags (manual or rule), never on itself, directly or through a chain of rule tags; and the scheduled
 * evaluation runs the tags a rule refers to before the rule (so a chain settles in one run).
 */
public final class TagRules {

    private TagRules() {
    }

    /**
     * Refuses {@code rule} for the rule tag {@code name} when, following the rules of {@code otherRuleTags}
     * (name → rule, the tag itself left out or replaced), it reaches {@code name} again.
     */
    public static void checkNotSelfReferencing(String name, SegmentRule rule, Map<String, SegmentRule> otherRuleTags) {
        Map<String, SegmentRule> rules = new LinkedHashMap<>();
        otherRuleTags.forEach((other, itsRule) -> rules.put(key(other), itsRule));
        rules.put(key(name), rule);
        cycleThrough(name, rules).ifPresent(path -> {
            throw new TagRuleRefersToItself(path);
        });
    }

    /** The path name → … → name when following tag conditions from {@code name} comes back to it. */
    static Optional<List<String>> cycleThrough(String name, Map<String, SegmentRule> rules) {
        Deque<List<String>> open = new ArrayDeque<>();
        open.push(List.of(name));
        Set<String> seen = new HashSet<>();
        String start = key(name);
        while (!open.isEmpty()) {
            List<String> path = open.pop();
            SegmentRule at = rules.get(key(path.get(path.size() - 1)));
            if (at == null) {
                continue;
            }
            for (String next : at.tagNames()) {
                List<String> longer = new ArrayList<>(path);
                longer.add(next);
                if (key(next).equals(start)) {
                    return Optional.of(longer);
                }
                if (seen.add(key(next))) {
                    open.push(longer);
                }
            }
        }
        return Optional.empty();
    }

    /** Tag names compare as the database compares them (case-insensitive collation, trimmed). */
    static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /** Rule tags ordered so that every rule tag comes after the rule tags its rule selects on. */
    public static List<Tag> evaluationOrder(List<Tag> ruleTags) {
        Map<String, Tag> byName = new LinkedHashMap<>();
        ruleTags.forEach(tag -> byName.put(key(tag.name()), tag));
        List<Tag> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (Tag tag : ruleTags) {
            place(tag, byName, placed, visiting, ordered);
        }
        return ordered;
    }

    private static void place(Tag tag, Map<String, Tag> byName, Set<String> placed, Set<String> visiting, List<Tag> ordered) {
        String name = key(tag.name());
        if (placed.contains(name) || !visiting.add(name)) {
            return; // placed already, or a cycle saved before the guard existed: evaluate it where it stands
        }
        for (String dependency : tag.rule().tagNames()) {
            Tag other = byName.get(key(dependency));
            if (other != null) {
                place(other, byName, placed, visiting, ordered);
            }
        }
        visiting.remove(name);
        placed.add(name);
        ordered.add(tag);
    }
}
