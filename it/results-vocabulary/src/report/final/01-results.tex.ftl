\section{Results}
Table~\ref{tab:main} compares the methods. With RandAugment the ViT reaches
<@stat runs=results.main where={"method": "ViT-S + RandAug"} metric="top1"/>\,\% top-1 accuracy, against
<@stat runs=results.main where={"method": "ViT-S"} metric="top1"/>\,\% without it; the best single run of the
paper's baseline reached <@num value=results.main.runs[1].top1 percent=true decimals=2/>\,\%.

<@table runs=results.main rows="method" metrics=["top1", "top5", "loss"]
        caption="Accuracy and loss on CIFAR-10." label="tab:main"/>

Figure~\ref{fig:curve} shows the learning curve of the fine-tuning run and Figure~\ref{fig:bars} the
accuracy per method; Figure~\ref{fig:val} the validation accuracy logged by Lightning.

<@curve state=results.trainer_state caption="Training and validation loss." label="fig:curve"/>

<@barchart runs=results.main x="method" y="top1" percent=true caption="Top-1 accuracy per method."
           label="fig:bars" height="0.4\\linewidth"/>

<@lineplot runs=results.lightning.metrics x="epoch" y="val_acc" percent=true name="Validation accuracy"
           caption="Validation accuracy per epoch." label="fig:val" height="0.35\\linewidth"/>
