<#--
  Ablations (seed 0): results/ablation/leave_one_out.json is results.ablation.leave_one_out (Table 2),
  results/ablation/data_fraction.json is results.ablation.data_fraction (Figure 3).
-->
<#assign ablation = results.ablation.leave_one_out.runs>
<#function without name><#return ablation?filter(r -> r.removed == name)?first.top1></#function>
<#assign full = without("none (full pipeline)")>
\section{Ablations}
\label{sec:ablation}

\subsection{Which components of the heavy pipeline matter?}

<@table runs=results.ablation.leave_one_out rows="removed" rowTitle="Removed component" metrics=["top1"]
        caption="Leave-one-out ablation of the heavy pipeline for ViT-6/4 (seed 0, 200 epochs)."
        label="tab:ablation"/>

Table~\ref{tab:ablation} removes one component of the heavy pipeline at a time. RandAugment is by far the
most important: without it the accuracy drops by <@num value=full - without("RandAugment") percent=true decimals=1/>\pp{},
more than the whole difference between the RandAugment and the heavy pipeline in Table~\ref{tab:main}. This is
not a contradiction: mixup and CutMix make the training task harder, and without the diversity that
RandAugment adds to the images themselves the model overfits the mixed images instead. Of the mixing
methods, CutMix matters more (<@num value=without("CutMix") - full percent=true decimals=1/>\pp{} without it)
than mixup (<@num value=without("mixup") - full percent=true decimals=1/>\pp{}). Since every batch uses one of
the two, removing one means that the other is applied to every batch, so their effects are partly
interchangeable; we believe CutMix is more useful because pasting patches forces the model to use several
regions of the image, which suits a patch-based model. Removing random erasing or label smoothing changes the
accuracy by <@num value=without("random erasing") - full percent=true decimals=1/> and
<@num value=without("label smoothing") - full percent=true decimals=1/>\pp{}, well within the seed-to-seed
variation of Table~\ref{tab:main}; at this scale neither seems to be needed.

<#assign fractions = results.ablation.data_fraction.runs>
<#function at method percent>
  <#return fractions?filter(r -> r.method == method && r.data_percent == percent)?first.top1>
</#function>
<#function gain percent><#return at("ViT-6/4, heavy", percent) - at("ViT-6/4, basic", percent)></#function>
\subsection{Does heavy augmentation matter more with less data?}
\label{sec:data}

<@lineplot runs=results.ablation.data_fraction x="data_percent" y="top1" series="method"
           xlabel="Share of the training set used (%)" height="0.4\\linewidth" label="fig:fraction"
           caption="Test accuracy when training on class-balanced subsets of CIFAR-10 (seed 0, 200 epochs)."/>

Figure~\ref{fig:fraction} repeats the comparison on class-balanced subsets of the training set, the same
subsets for all models. The number of epochs stays at 200, so the smaller subsets also get
proportionally fewer optimisation steps. We expected heavy augmentation to matter more as the data gets
scarcer, following \citet{steiner2022howtotrain}. This is only partly what we see. The absolute benefit of
heavy augmentation for the ViT is nearly constant between 25\% and 100\% of the data
(<@num value=gain(25) percent=true decimals=1/>, <@num value=gain(50) percent=true decimals=1/> and
<@num value=gain(100) percent=true decimals=1/>\pp{}) and even smaller with 10\%
(<@num value=gain(10) percent=true decimals=1/>\pp{}), where we suspect the number of optimisation steps, not
overfitting, becomes the bottleneck. A useful way to read the plot is horizontally: the heavy ViT trained on
half of the data (<@num value=at("ViT-6/4, heavy", 50) percent=true decimals=1/>\,\%) matches the basic ViT
trained on all of it (<@num value=at("ViT-6/4, basic", 100) percent=true decimals=1/>\,\%), so heavy
augmentation is worth about a doubling of the data set. This is far from the ten-fold factor reported for
large-scale pre-training, but still substantial.

Relative to the ResNet, on the other hand, the picture changes a lot with the amount of data. With 10\% of
the training set, the ResNet-18 is
<@num value=at("ResNet-18, basic", 10) - at("ViT-6/4, heavy", 10) percent=true decimals=1/>\pp{} ahead of the
heavy ViT; with the full set, only
<@num value=at("ResNet-18, basic", 100) - at("ViT-6/4, heavy", 100) percent=true decimals=1/>\pp{}. The ViT's
missing inductive bias is thus most costly exactly where augmentation helps it least, and extrapolating the
trend suggests that the gap would close only with several times more data than CIFAR-10 provides.
