<#--
  Preliminary results: the first 100-epoch runs (seed 0), one record per run in results/prelim.json, with the
  metrics declared in the same file. <@table> draws Table 1; <@num> prints single values in the text.
-->
<#function run method><#return results.prelim.runs?filter(r -> r.method == method)?first></#function>
<#assign basic = run("ViT-6/4, basic"), randaug = run("ViT-6/4, RandAugment"), resnet = run("ResNet-18, basic")>
\section{Preliminary results}
\label{sec:mid-results}

Table~\ref{tab:mid-prelim} lists the runs we have completed so far. All of them were trained for
${basic.epochs} epochs, half of the final budget, with a single seed, so differences of a few tenths of a
point should not be over-interpreted; the large effects, however, are already clear.

<@table runs=results.prelim rows="method" rowTitle="Model, augmentation" metrics=["train_top1", "top1", "top5"]
        caption="Preliminary results on CIFAR-10 after ${basic.epochs} epochs (seed 0). Training accuracy is measured on augmented training images."
        label="tab:mid-prelim"/>

\paragraph{The basic ViT memorises the training set.} With basic augmentation, the ViT reaches
<@num value=basic.train_top1 percent=true decimals=1/>\,\% training accuracy but only
<@num value=basic.top1 percent=true decimals=1/>\,\% on the test set, a generalisation gap of
<@num value=basic.train_top1 - basic.top1 percent=true decimals=1/>\pp{}. Its test loss stops improving after
roughly a third of the schedule and then slowly increases while the training loss keeps falling, the classic
picture of overfitting. The ResNet-18, trained with exactly the same augmentation, also fits the training set
almost perfectly (<@num value=resnet.train_top1 percent=true decimals=1/>\,\%) but generalises far better,
reaching <@num value=resnet.top1 percent=true decimals=1/>\,\% test accuracy. This is consistent with the view
that the convolutional inductive bias is what the ViT lacks on a data set of this size.

\paragraph{RandAugment helps a lot.} Adding RandAugment raises the ViT's test accuracy by
<@num value=randaug.top1 - basic.top1 percent=true decimals=1/>\pp{} to
<@num value=randaug.top1 percent=true decimals=1/>\,\% and shrinks the generalisation gap to
<@num value=randaug.train_top1 - randaug.top1 percent=true decimals=1/>\pp{}. The training accuracy (measured
on augmented images) drops to <@num value=randaug.train_top1 percent=true decimals=1/>\,\%, so the model is no
longer able to memorise the training set within ${randaug.epochs} epochs. The test accuracy was still rising at
the end of these runs, which suggests that the RandAugment ViT will profit more from the longer 200-epoch
schedule than the basic one.

\paragraph{The gap to the ResNet remains large.} Even with RandAugment, the ViT is
<@num value=resnet.top1 - randaug.top1 percent=true decimals=1/>\pp{} behind the ResNet-18 with basic
augmentation. Closing a substantial part of this gap is the main test for the heavy pipeline in the second
half of the project. Top-5 accuracy tells the same story in compressed form: all models are above 98\,\%, so
we will focus on top-1 accuracy.

\paragraph{Cost.} A 100-epoch ViT run takes about 1.3 GPU-hours with the basic pipeline; RandAugment adds
roughly 10\,\%, because the augmentation runs on the CPU and occasionally becomes the bottleneck. The ResNet is
slightly slower than the ViT, mostly because its first stage works at the full $32\times 32$ resolution.
