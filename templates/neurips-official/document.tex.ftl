<#--
  The neurips-official pack: a milestone typeset with the conference's own neurips_20XX.sty, which the plugin does
  not ship. The plugin finds the file (the staff's pack first, then src/report/ and the milestone's folder) and
  passes its name as doc.style. Everything else is the built-in pack's (course.json extends it): milestones, page
  limits, rules. The model is the built-in template's (see templates/builtin/document.tex.ftl).

  The official style prints the first-page notice, numbers the lines of an anonymous submission, hides its
  acknowledgements and draws the author block itself, so this template adds none of the built-in pack's page
  furniture: the PDF is what NeurIPS would print, and its pages are counted as NeurIPS counts them.
-->
\documentclass{article}
% Page accounting: must come first so it sees every float. It typesets nothing.
\usepackage{texreport-measure}
<#if course.layout.natbib?has_content>
% The pack's citation style: natbib is loaded by the official style, which takes options passed beforehand.
\PassOptionsToPackage{${course.layout.natbib?no_esc}}{natbib}
</#if>
<#-- report.mode -> the style's option: final -> [final], preprint -> [preprint], anonymous -> none (the style then
     anonymises the author block, hides the acknowledgements and numbers the lines). -->
<#if mode == "final">
\usepackage[final]{${doc.style?no_esc}}
<#elseif mode == "preprint">
\usepackage[preprint]{${doc.style?no_esc}}
<#else>
\usepackage{${doc.style?no_esc}}
</#if>
<#if doc.pgfplots>
% The results figures (lineplot, barchart and curve calls) are drawn with pgfplots.
\usepackage{pgfplots}
\pgfplotsset{compat=1.18}
</#if>
<#list doc.packages as package>
% Needed by a results call (e.g. longtable for a table with long=true).
\usepackage{${package?no_esc}}
</#list>
\texreportPdfInfo{${pdfinfo.title?no_esc}}{${pdfinfo.author?no_esc}}{${milestone.pdfSubject?no_esc}}
<#list doc.preambles as preamble>
\input{${preamble?no_esc}}
</#list>

\title{${project.title}}
<#if mode == "anonymous">
% The official style prints its own anonymous block; no name reaches the PDF.
\author{Anonymous Author(s)}
<#else>
<#-- Rows of authors as in the built-in pack: \AND starts a new row, \And lets the next author follow. -->
<#assign rowsGiven = project.authors?filter(a -> a.row gt 0)?has_content>
<#assign perRow = course.layout.authorsPerRow>
<#assign currentRow = 0>
\author{%
<#list project.authors as author>
<#if author?index gt 0>
<#if rowsGiven>
<#assign newRow = author.row gt 0 && author.row != currentRow>
<#else>
<#assign newRow = perRow gt 0 && author?index % perRow == 0>
</#if>
  <#if newRow>\AND<#else>\And</#if>
</#if>
<#if author.row gt 0><#assign currentRow = author.row></#if>
  ${author.name}<#if author.affiliation?has_content>\\ ${author.affiliation}</#if><#if author.email?has_content>\\ \texttt{${author.email}}</#if>
</#list>
}
</#if>

\begin{document}
\maketitle
<#if doc.abstract??>
\begin{abstract}
\input{${doc.abstract?no_esc}}
\end{abstract}
</#if>

<#list doc.sections as section>
\input{${section?no_esc}}
</#list>

% NeurIPS counts the main text, figures and tables; nothing after this mark is counted.
\texreportBodyEnd
<#if doc.acknowledgements?? && mode != "anonymous">

% The style's own environment, with its heading ("Acknowledgments and Disclosure of Funding").
\begin{ack}
\texreportMark{acknowledgements}
\input{${doc.acknowledgements?no_esc}}
\end{ack}
</#if>
<#if doc.bibliography??>

\bibliographystyle{${doc.bibliographyStyle?no_esc}}
\bibliography{${doc.bibliography?no_esc}}
</#if>
<#if doc.checklist??>

% The NeurIPS paper checklist follows the references; it is not counted.
\input{${doc.checklist?no_esc}}
</#if>
<#if doc.appendix?has_content>

\appendix
<#list doc.appendix as part>
\input{${part?no_esc}}
</#list>
</#if>
\end{document}
