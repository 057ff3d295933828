<#--
  Ablations (seed 0): results/ablation/leave_one_out.json is results.ablation.leave_one_out (Table 2),
  results/ablation/data_fraction.json is results.ablation.data_fraction (Figure 2, drawn with pgfplots).
-->
<#assign component = {
  "none":            "none (full heavy pipeline)",
  "randaugment":     "RandAugment",
  "mixup":           "mixup",
  "cutmix":          "CutMix",
  "random_erasing":  "random erasing",
  "label_smoothing": "label smoothing"
}>
<#function pct x><#return (x * 100)?string("0.0")></#function>
<#function signed x><#return (x * 100)?string("+0.0;-0.0")></#function>
<#assign ablation = results.ablation.leave_one_out>
<#assign full = ablation?filter(r -> r.removed == "none")?first.top1>
<#function without name><#return ablation?filter(r -> r.removed == name)?first.top1></#function>
\section{Ablations}
\label{sec:ablation}

\subsection{Which components of the heavy pipeline matter?}

\begin{table}[t]
  \caption{Leave-one-out ablation of the heavy pipeline for \vit{} (seed 0, 200 epochs). $\Delta$ is the
    change in top-1 accuracy relative to the full pipeline, in percentage points.}
  \label{tab:ablation}
  \centering
  \begin{tabular}{lrr}
    \toprule
    Removed component & Top-1 (\%) & $\Delta$ \\
    \midrule
<#list ablation as r>
    ${component[r.removed]} & ${pct(r.top1)} & <#if r.removed == "none">---<#else>\(${signed(r.top1 - full)}\)</#if> \\
</#list>
    \bottomrule
  \end{tabular}
\end{table}

Table~\ref{tab:ablation} removes one component of the heavy pipeline at a time. RandAugment is by far the
most important: without it the accuracy drops by ${pct(full - without("randaugment"))}\pp{}, more than the
whole difference between the RandAugment and the heavy pipeline in Table~\ref{tab:main}. This is
not a contradiction: mixup and CutMix make the training task harder, and without the diversity that
RandAugment adds to the images themselves the model overfits the mixed images instead. Of the mixing
methods, CutMix matters more (\(${signed(without("cutmix") - full)}\)\pp{} without it) than mixup
(\(${signed(without("mixup") - full)}\)\pp{}). Since every batch uses one of the two, removing one means that
the other is applied to every batch, so their effects are partly interchangeable; we believe CutMix is more
useful because pasting patches forces the model to use several regions of the image, which suits a
patch-based model. Removing random erasing or label smoothing changes the accuracy by
\(${signed(without("random_erasing") - full)}\) and \(${signed(without("label_smoothing") - full)}\)\pp{}, well
within the seed-to-seed variation of Table~\ref{tab:main}; at this scale neither seems to be needed.

<#assign fractions = results.ablation.data_fraction>
<#assign series = [
  {"id": "vit_basic",      "name": "ViT-6/4, basic", "style": "red!75!black, mark=o"},
  {"id": "vit_heavy",      "name": "ViT-6/4, heavy", "style": "blue!70!black, mark=square"},
  {"id": "resnet18_basic", "name": "ResNet-18, basic", "style": "black, mark=triangle, densely dashed"}
]>
<#function at method fraction>
  <#return fractions?filter(r -> r.method == method && r.fraction == fraction)?first.top1>
</#function>
\subsection{Does heavy augmentation matter more with less data?}
\label{sec:data}

\begin{figure}[t]
  \centering
  \begin{tikzpicture}
    \begin{axis}[
        width=8.6cm, height=5.4cm, xmode=log, log basis x=10,
        xmin=8, xmax=125, ymin=40, ymax=100,
        xtick={10,25,50,100}, xticklabels={10\%,25\%,50\%,100\%},
        xlabel={fraction of the training set}, ylabel={test top-1 accuracy (\%)},
        label style={font=\small}, tick label style={font=\footnotesize},
        legend pos=outer north east, legend cell align=left,
        legend style={font=\footnotesize, draw=none},
        grid=major, grid style={gray!20},
        every axis plot/.append style={line width=0.8pt, mark size=1.8pt},
      ]
<#list series as s>
      \addplot[${s.style?no_esc}] coordinates {
        <#list fractions?filter(r -> r.method == s.id) as r>(${r.fraction * 100}, ${pct(r.top1)}) </#list>
      };
      \addlegendentry{${s.name}}
</#list>
    \end{axis}
  \end{tikzpicture}
  \caption{Test accuracy when training on class-balanced subsets of CIFAR-10 (seed 0, 200 epochs).}
  \label{fig:fraction}
\end{figure}

Figure~\ref{fig:fraction} repeats the comparison on class-balanced subsets of the training set, the same
subsets for all models. The number of epochs stays at 200, so the smaller subsets also get
proportionally fewer optimisation steps. We expected heavy augmentation to matter more as the data gets
scarcer, following \citet{steiner2022howtotrain}. This is only partly what we see. The absolute benefit of
heavy augmentation for the ViT is nearly constant between 25\% and 100\% of the data
(${pct(at("vit_heavy", 0.25) - at("vit_basic", 0.25))}, ${pct(at("vit_heavy", 0.5) - at("vit_basic", 0.5))}
and ${pct(at("vit_heavy", 1.0) - at("vit_basic", 1.0))}\pp{}) and even smaller with 10\%
(${pct(at("vit_heavy", 0.1) - at("vit_basic", 0.1))}\pp{}), where we suspect the number of optimisation
steps, not overfitting, becomes the bottleneck. A useful way to read the plot is horizontally: the heavy ViT
trained on half of the data (${pct(at("vit_heavy", 0.5))}\%) matches the basic ViT trained on all of it
(${pct(at("vit_basic", 1.0))}\%), so heavy augmentation is worth about a doubling of the data set. This is
far from the ten-fold factor reported for large-scale pre-training, but still substantial.

Relative to the ResNet, on the other hand, the picture changes a lot with the amount of data. With 10\% of
the training set, the ResNet-18 is ${pct(at("resnet18_basic", 0.1) - at("vit_heavy", 0.1))}\pp{} ahead of
the heavy ViT; with the full set, only ${pct(at("resnet18_basic", 1.0) - at("vit_heavy", 1.0))}\pp{}. The
ViT's missing inductive bias is thus most costly exactly where augmentation helps it least, and extrapolating
the trend suggests that the gap would close only with several times more data than CIFAR-10 provides.
