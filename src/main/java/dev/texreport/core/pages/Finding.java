package dev.texreport.core.pages;

import dev.texreport.core.FormatCheck;

/**
 * One problem a format check found in a PDF or in the sources.
 *
 * @param check   the check that found it
 * @param page    the PDF page (1-based), or 0 when it is not about one page
 * @param message what was found and what to do
 */
public record Finding(FormatCheck check, int page, String message) { }
