<#--
  Section 6: confidence intervals and significance. docs/images/table-ci.png is Table 4, stat-ci.png the paragraph.
-->
\section{Confidence intervals and significance}
\label{sec:statistics}

Intervals: the ViT with RandAugment reaches <@stat runs=results.main where={"method": "ViT-S + RandAug", "dataset": "CIFAR-10"} metric="top1" spread="ci95"/>\,\% top-1 accuracy
<#noparse>(\texttt{spread="ci95"})</#noparse>, or <@stat runs=results.main where={"method": "ViT-S + RandAug", "dataset": "CIFAR-10"} metric="top1" spread="bootstrap"/>\,\%
<#noparse>(\texttt{spread="bootstrap"})</#noparse>.

<@table runs=results.main where={"dataset": "CIFAR-10"} rows="method" metrics=["top1", "loss"] spread="ci95"
        significance="ResNet-18" caption="Intervals and significance against ResNet-18." label="tab:ci" placement="h"/>
