<#--
  Section 4: text from data is escaped. results/baselines.json is a plain list of records without metric
  declarations, so the call declares the metric itself. docs/images/escaping.png is Table 3.
-->
\section{Escaping}
\label{sec:escaping}

Run names come from data and print literally. The caption of Table~\ref{tab:escaping} is LaTeX, marked with
\texttt{?no\_esc}; the metric is declared in the call because the file is a plain list of runs.

<@table runs=results.baselines rows="method" rowTitle="Run name (from JSON)" placement="h" label="tab:escaping"
        metrics={"acc": {"name": "Accuracy", "direction": "higher", "percent": true, "decimals": 2}}
        caption="Baselines; a caption with math: accuracy at $\\lambda = 0.1$ ($\\uparrow$ is better)."?no_esc/>
