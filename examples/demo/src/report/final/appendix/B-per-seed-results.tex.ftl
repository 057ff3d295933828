<#-- Every run of the main comparison, straight from results/main.json. -->
<#assign label = {
  "vit_basic":      "ViT-6/4, basic",
  "vit_randaug":    "ViT-6/4, RandAugment",
  "vit_heavy":      "ViT-6/4, heavy",
  "resnet18_basic": "ResNet-18, basic"
}>
<#assign gpuHours = 0>
<#list results.main as r><#assign gpuHours = gpuHours + r.gpu_hours></#list>
\section{Per-seed results}
\label{app:seeds}

Table~\ref{tab:seeds} lists the individual runs behind Table~\ref{tab:main}. Together they took
${gpuHours?string("0")} GPU-hours; the ablations and the data-efficiency study took about as much again.

\begin{table}[h]
  \caption{Test top-1 accuracy (\%) of every run in the main comparison.}
  \label{tab:seeds}
  \centering
  \small
  \begin{tabular}{lrrr}
    \toprule
    Model, augmentation & Seed 0 & Seed 1 & Seed 2 \\
    \midrule
<#list label?keys as method>
    ${label[method]}<#list results.main?filter(r -> r.method == method)?sort_by("seed") as r> & ${(r.top1 * 100)?string("0.00")}</#list> \\
</#list>
    \bottomrule
  \end{tabular}
\end{table}
