<#--
  Section 2: <@table>. docs/images/table.png is Table 1, table-columns.png is Table 2.
-->
\section{Tables}
\label{sec:tables}

Table~\ref{tab:main} is the default table of three metrics over three seeds on one data set. Table~\ref{tab:datasets}
groups the columns by data set; ResNet-18 has no logged test loss on CIFAR-100, so its cell is a dash.

<@table runs=results.main where={"dataset": "CIFAR-10"} rows="method" metrics=["top1", "top5", "loss"]
        caption="Accuracy and loss on CIFAR-10." label="tab:main" placement="h"/>

<@table runs=results.main rows="method" columns="dataset" metrics=["top1", "loss"] order=["ViT-S", "ViT-S + RandAug", "ResNet-18"]
        rowTitle="Model" caption="The same runs on both data sets, metric columns grouped by data set."
        label="tab:datasets" placement="h" size="small"/>
