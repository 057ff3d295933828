<#--
  Main results from results/main.json (one record per run, three seeds per method, metrics declared in the file):
  Table 1 is drawn by <@table>, the numbers in the text by <@stat> (mean over seeds) and <@num> (differences).
  The learning curves (Figures 1 and 2) are drawn by <@lineplot> from results/training.csv (seed 0, one row per
  method and epoch, as written by our training script).
-->
<#import "/shared/means.ftl" as m>
<#assign basic = "ViT-6/4, basic", randaug = "ViT-6/4, RandAugment", heavy = "ViT-6/4, heavy",
         resnet = "ResNet-18, basic">
<#function top1 method><#return m.mean(results.main, method, "top1")></#function>
<#function hours method><#return m.mean(results.main, method, "gpu_hours")></#function>
\section{Results}
\label{sec:main}

<@table runs=results.main rows="method" rowTitle="Model, augmentation" metrics=["top1", "top5", "gpu_hours"]
        caption="Test accuracy on CIFAR-10 after 200 epochs, and the training time of one run." label="tab:main"/>

\subsection{Main comparison}

Table~\ref{tab:main} summarises the main comparison. With the basic crop-and-flip augmentation, the ViT
reaches <@stat runs=results.main where={"method": basic} metric="top1"/>\,\% top-1 accuracy,
<@num value=top1(resnet) - top1(basic) percent=true decimals=1/>\pp{} below a ResNet-18 trained with the same
augmentation. RandAugment alone adds <@num value=top1(randaug) - top1(basic) percent=true decimals=1/>\pp{}, and
the heavy pipeline another <@num value=top1(heavy) - top1(randaug) percent=true decimals=1/>\pp{}, for a total
improvement of <@num value=top1(heavy) - top1(basic) percent=true decimals=1/>\pp{} to
<@stat runs=results.main where={"method": heavy} metric="top1"/>\,\%. All of these differences are far larger
than the seed-to-seed standard deviations, which stay below half a point for every configuration. The answer to
our title question is therefore a clear yes: at this scale, the augmentation pipeline matters as much for the
ViT as any architectural choice we tried in our pilot study, including the patch size.

Heavy augmentation does not, however, make the small ViT competitive with the convolutional baseline. The
heavy ViT is still <@num value=top1(resnet) - top1(heavy) percent=true decimals=1/>\pp{} behind the basic
ResNet-18, which has about 3.5 times more parameters but needs no tuning of its augmentation at all. We did not
train a ResNet of matched size, so part of this gap may be due to capacity, but the learning curves below
suggest that the convolutional inductive bias is simply worth a lot on $32\times 32$ images and 50\,000
training examples. Top-5 accuracy saturates above 98\,\% for all models and adds little information.

Heavy augmentation is also cheap. RandAugment and the mixing operations run on the CPU in the data-loading
workers, and with eight workers they add only
<@num value=hours(heavy) / hours(basic) - 1 percent=true decimals=0/>\,\% to the training time of the ViT
(Table~\ref{tab:main}). The ResNet-18 is the slowest model despite its simple augmentation, because its first
stage operates on the full $32\times 32$ resolution, whereas the ViT reduces the image to 64 tokens right
away. Per GPU-hour, the heavy ViT is therefore a reasonable but not a competitive choice.

<@lineplot runs=results.training x="epoch" y="train_loss" series="method" name="Training loss" xlabel="Epoch"
           height="0.34\\linewidth" label="fig:train-loss"
           caption="Training loss of the ViT with basic and heavy augmentation (seed 0). The heavy pipeline trains on mixed images with smoothed labels, which the model cannot fit exactly."/>

<@lineplot runs=results.training x="epoch" y="test_loss" series="method" name="Test loss" xlabel="Epoch"
           height="0.34\\linewidth" label="fig:test-loss"
           caption="Test loss of the same runs. The basic ViT overfits after about a third of the schedule."/>

<#assign basicCurve = results.training?filter(r -> r.method == basic),
         heavyCurve = results.training?filter(r -> r.method == heavy)>
<#assign lowest = basicCurve?map(r -> r.test_loss)?min>
<#assign bestEpoch = basicCurve?filter(r -> r.test_loss == lowest)?first>
<#assign heavyMid = heavyCurve?filter(r -> r.epoch == 100)?first>
\subsection{Overfitting and learning curves}

Figures~\ref{fig:train-loss} and~\ref{fig:test-loss} show why the basic ViT falls behind. Its training loss
decreases steadily to <@num value=basicCurve?last.train_loss decimals=2/> at epoch ${basicCurve?last.epoch}, so
the model memorises the training set almost completely. The test loss reaches its minimum of
<@num value=lowest decimals=2/> at epoch ${bestEpoch.epoch} and then rises to
<@num value=basicCurve?last.test_loss decimals=2/>. Interestingly, the test \emph{accuracy} does not drop
accordingly: it is <@num value=bestEpoch.test_top1 percent=true decimals=1/>\,\% at epoch ${bestEpoch.epoch}
and <@num value=basicCurve?last.test_top1 percent=true decimals=1/>\,\% at the end. The rising loss comes from
increasingly confident mistakes on the test images rather than from additional ones, so early stopping would
not have rescued the basic model.

The heavy pipeline behaves in the opposite way. Its training loss stays high, ending at
<@num value=heavyCurve?last.train_loss decimals=2/>, because the model is trained on mixed images with soft
targets that it cannot fit exactly, while its test loss decreases almost monotonically to
<@num value=heavyCurve?last.test_loss decimals=2/>. The test accuracy of the heavy ViT was
<@num value=heavyMid.test_top1 percent=true decimals=1/>\,\% at epoch ${heavyMid.epoch} and
<@num value=heavyCurve?last.test_top1 percent=true decimals=1/>\,\% at epoch ${heavyCurve?last.epoch}; the model
is still improving at the end of the schedule, whereas the basic one stopped improving after roughly a third of
it. Heavy augmentation thus trades fast convergence for much better generalisation, and it needs the long
schedule to pay off.
