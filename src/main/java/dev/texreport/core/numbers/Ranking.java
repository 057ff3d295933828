package dev.texreport.core.numbers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Best and second-best of a column, decided on the values as printed: two means that round to the same text are
 * tied, and all tied cells get the same mark.
 */
public final class Ranking {
    public enum Mark { BEST, SECOND, NONE }

    private Ranking() {
    }

    /** One mark per value (null values get NONE); with direction NONE, or fewer than two values, nothing is marked. */
    public static List<Mark> rank(List<BigDecimal> printed, Direction direction) {
        List<Mark> marks = new ArrayList<>();
        TreeSet<BigDecimal> distinct = new TreeSet<>();
        printed.stream().filter(Objects::nonNull).forEach(distinct::add);
        boolean rankable = direction != Direction.NONE && printed.stream().filter(Objects::nonNull).count() >= 2;
        BigDecimal best = null;
        BigDecimal second = null;
        if (rankable) {
            best = direction == Direction.HIGHER ? distinct.pollLast() : distinct.pollFirst();
            second = distinct.isEmpty() ? null : direction == Direction.HIGHER ? distinct.pollLast() : distinct.pollFirst();
        }
        for (BigDecimal value : printed) {
            if (!rankable || value == null) {
                marks.add(Mark.NONE);
            } else if (value.compareTo(best) == 0) {
                marks.add(Mark.BEST);
            } else if (second != null && value.compareTo(second) == 0) {
                marks.add(Mark.SECOND);
            } else {
                marks.add(Mark.NONE);
            }
        }
        return marks;
    }
}
