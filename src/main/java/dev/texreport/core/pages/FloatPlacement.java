package dev.texreport.core.pages;

/**
 * Where a figure or table landed.
 *
 * @param type     {@code figure} or {@code table}
 * @param number   its number as printed in the caption
 * @param inBody   whether it was declared in the body (before the end-of-body mark)
 * @param file     the file it was declared in, as TeX named it (may be empty)
 * @param line     the line where the float environment ended
 * @param position where it was typeset
 */
public record FloatPlacement(String type, String number, boolean inBody, String file, int line,
                             PagePosition position) {
    public String label() {
        String name = type.isEmpty() ? "Float" : Character.toUpperCase(type.charAt(0)) + type.substring(1);
        return number.isEmpty() ? name : name + " " + number;
    }
}
