<#--
  Section 3: figures. docs/images/lineplot.png, barchart.png and curve.png are Figures 1 to 3.
  Colours follow the series name: ViT-S and ViT-S + RandAug look the same in Figures 1 and 2.
-->
\section{Figures}
\label{sec:figures}

Figure~\ref{fig:lineplot} draws the validation accuracy logged per epoch for three seeds of each method, Figure~\ref{fig:barchart}
the final top-1 accuracy per method, and Figure~\ref{fig:curve} the learning curve of a Hugging Face fine-tuning run.

<@lineplot runs=results.curves x="epoch" y="val_acc" series="method" percent=true name="Validation accuracy"
           xlabel="Epoch" height="0.4\\linewidth" placement="h" label="fig:lineplot"
           caption="Validation accuracy per epoch: mean over three seeds, shaded $\\pm$ std."?no_esc/>

<@barchart runs=results.main where={"dataset": "CIFAR-10"} x="method" y="top1" height="0.4\\linewidth"
           placement="h" label="fig:barchart" caption="Top-1 accuracy on CIFAR-10, mean and std over three seeds."/>

<@curve state=results.trainer_state height="0.4\\linewidth" placement="h" label="fig:curve"
        caption="Training and validation loss of a ViT-B/16 fine-tuned on CIFAR-100 with the Hugging Face Trainer."/>
