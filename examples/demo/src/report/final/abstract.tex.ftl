<#-- The abstract quotes the headline numbers of Table 1, from the per-seed runs in results/main.json. -->
<#import "/shared/means.ftl" as m>
<#function top1 method><#return m.mean(results.main, method, "top1")></#function>
Vision Transformers (ViTs) lack the inductive biases of convolutional networks and are known to need large
data sets or strong training recipes. We ask whether a \emph{small} ViT trained from scratch on CIFAR-10
needs the heavy data augmentation that made ViTs competitive on ImageNet, and if so, which parts of it. We
train a 3.2\,M-parameter ViT with $4\times 4$ patches under three augmentation pipelines and compare it with a
ResNet-18. Heavy augmentation, combining RandAugment, mixup, CutMix, random erasing and label smoothing,
raises the ViT's top-1 accuracy from
<@stat runs=results.main where={"method": "ViT-6/4, basic"} metric="top1" spread="none"/>\,\% to
<@stat runs=results.main where={"method": "ViT-6/4, heavy"} metric="top1" spread="none"/>\,\% and shrinks the
gap to the ResNet-18 from
<@num value=top1("ResNet-18, basic") - top1("ViT-6/4, basic") percent=true decimals=1/> to
<@num value=top1("ResNet-18, basic") - top1("ViT-6/4, heavy") percent=true decimals=1/> percentage points, but
does not close it. An ablation shows that RandAugment accounts for most of the gain and that CutMix is the most
useful of the remaining components, while random erasing and label smoothing have no measurable effect at this
scale. On subsets of the training data, heavy augmentation is worth about as much as doubling the data set.
