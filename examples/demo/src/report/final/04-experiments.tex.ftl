<#--
  Main results (Table 1) from results/main.json: one record per run, three seeds per method.
  Learning curves (Figure 1) are drawn by figures-src/learning-curve.tex from results/training.json; the
  numbers quoted in the text are read from the same file here.
-->
<#assign methods = [
  {"id": "vit_basic",      "model": "ViT-6/4",   "aug": "basic"},
  {"id": "vit_randaug",    "model": "ViT-6/4",   "aug": "RandAugment"},
  {"id": "vit_heavy",      "model": "ViT-6/4",   "aug": "heavy"},
  {"id": "resnet18_basic", "model": "ResNet-18", "aug": "basic"}
]>
<#function runs method><#return results.main?filter(r -> r.method == method)></#function>
<#function mean xs><#local sum = 0><#list xs as x><#local sum = sum + x></#list><#return sum / xs?size></#function>
<#-- Sample standard deviation. FreeMarker has no square root, so we take a few Newton steps. -->
<#function std xs>
  <#local m = mean(xs), ss = 0>
  <#list xs as x><#local ss = ss + (x - m) * (x - m)></#list>
  <#local var = ss / (xs?size - 1), root = 1>
  <#list 1..30 as step><#local root = (root + var / root) / 2></#list>
  <#return root>
</#function>
<#function pct x><#return (x * 100)?string("0.0")></#function>
<#function top1 method><#return mean(runs(method)?map(r -> r.top1))></#function>
<#function hours method><#return mean(runs(method)?map(r -> r.gpu_hours))></#function>
<#assign basic = top1("vit_basic"), randaug = top1("vit_randaug"), heavy = top1("vit_heavy"),
         resnet = top1("resnet18_basic")>
\section{Results}
\label{sec:main}

\begin{table}[t]
  \caption{Test accuracy on CIFAR-10 after 200 epochs, mean $\pm$ standard deviation over
    ${runs("vit_basic")?size} seeds, and the mean training time per run.}
  \label{tab:main}
  \centering
  \begin{tabular}{llrrrr}
    \toprule
    Model & Augmentation & Params (M) & Top-1 (\%) & Top-5 (\%) & GPU-hours \\
    \midrule
<#list methods as m>
  <#assign rs = runs(m.id), top1s = rs?map(r -> r.top1), top5s = rs?map(r -> r.top5)>
  <#if m.model == "ResNet-18">
    \midrule
  </#if>
    ${m.model} & ${m.aug} & ${rs?first.params_m?string("0.00")}
      & ${pct(mean(top1s))} $\pm$ ${(std(top1s) * 100)?string("0.00")}
      & ${pct(mean(top5s))} $\pm$ ${(std(top5s) * 100)?string("0.00")}
      & ${hours(m.id)?string("0.0")} \\
</#list>
    \bottomrule
  \end{tabular}
\end{table}

\subsection{Main comparison}

Table~\ref{tab:main} summarises the main comparison. With the basic crop-and-flip augmentation, the ViT
reaches ${pct(basic)}\% top-1 accuracy, ${pct(resnet - basic)}\pp{} below a ResNet-18 trained with the same
augmentation. RandAugment alone adds ${pct(randaug - basic)}\pp{}, and the heavy pipeline another
${pct(heavy - randaug)}\pp{}, for a total improvement of ${pct(heavy - basic)}\pp{} to ${pct(heavy)}\%.
All of these differences are far larger than the seed-to-seed standard deviations, which stay below
half a point for every configuration. The answer to our title question is therefore a clear yes: at
this scale, the augmentation pipeline matters as much for the ViT as any architectural choice we tried in
our pilot study, including the patch size.

Heavy augmentation does not, however, make the small ViT competitive with the convolutional baseline. The
heavy ViT is still ${pct(resnet - heavy)}\pp{} behind the basic ResNet-18, which has about 3.5 times more
parameters but needs no tuning of its augmentation at all. We did not train a ResNet of
matched size, so part of this gap may be due to capacity, but the learning curves below suggest that the
convolutional inductive bias is simply worth a lot on $32\times 32$ images and 50\,000 training examples. Top-5 accuracy saturates above
98\% for all models and adds little information.

Heavy augmentation is also cheap. RandAugment and the mixing operations run on the CPU in the data-loading
workers, and with eight workers they add only ${((hours("vit_heavy") / hours("vit_basic") - 1) * 100)?string("0")}\% to
the training time of the ViT (Table~\ref{tab:main}). The ResNet-18 is the slowest model despite its simple
augmentation, because its first stage operates on the full $32\times 32$ resolution, whereas the ViT
reduces the image to 64 tokens right away. Per GPU-hour, the heavy ViT is therefore a reasonable but not a
competitive choice.

\begin{figure}[t]
  \centering
  \includegraphics{learning-curve}
  \caption{Training and test loss of \vit{} with basic and heavy augmentation (seed 0). The training loss of
    the heavy pipeline is measured on mixed images with smoothed labels and is therefore much higher than
    its test loss.}
  \label{fig:curves}
\end{figure}

<#assign curves = results.training.runs>
<#assign b = curves?filter(r -> r.method == "vit_basic")?first, h = curves?filter(r -> r.method == "vit_heavy")?first>
<#assign bBest = b.test_loss?min, bBestEpoch = b.test_loss?seq_index_of(bBest) + 1>
\subsection{Overfitting and learning curves}

Figure~\ref{fig:curves} shows why the basic ViT falls behind. Its training loss decreases steadily to
${b.train_loss?last?string("0.00")} at epoch ${results.training.epochs}, so the model memorises the training
set almost completely. The test loss reaches its minimum of ${bBest?string("0.00")} at epoch ${bBestEpoch}
and then rises to ${b.test_loss?last?string("0.00")}. Interestingly, the test \emph{accuracy} does not drop
accordingly: it is ${pct(b.test_top1[bBestEpoch - 1])}\% at epoch ${bBestEpoch} and
${pct(b.test_top1?last)}\% at the end. The rising loss comes from increasingly confident mistakes on the
test images rather than from additional ones, so early stopping would not have rescued the basic model.

The heavy pipeline behaves in the opposite way. Its training loss stays high, ending at
${h.train_loss?last?string("0.00")}, because the model is trained on mixed images with soft targets that it
cannot fit exactly, while its test loss decreases almost monotonically to
${h.test_loss?last?string("0.00")}. The test accuracy of the heavy ViT was ${pct(h.test_top1[99])}\% at
epoch 100 and ${pct(h.test_top1?last)}\% at epoch 200; the model is still improving at the end of the
schedule, whereas the basic one stopped improving after roughly a third of it. Heavy augmentation thus
trades fast convergence for much better generalisation, and it needs the long schedule to pay off.
