<#-- The abstract quotes the headline numbers of Table 1, computed from the per-seed runs in results/main.json. -->
<#function mean xs><#local sum = 0><#list xs as x><#local sum = sum + x></#list><#return sum / xs?size></#function>
<#function top1 method><#return mean(results.main?filter(r -> r.method == method)?map(r -> r.top1)) * 100></#function>
<#assign basic = top1("vit_basic"), heavy = top1("vit_heavy"), resnet = top1("resnet18_basic")>
Vision Transformers (ViTs) lack the inductive biases of convolutional networks and are known to need large
data sets or strong training recipes. We ask whether a \emph{small} ViT trained from scratch on CIFAR-10
needs the heavy data augmentation that made ViTs competitive on ImageNet, and if so, which parts of it. We
train a 3.2\,M-parameter ViT with $4\times 4$ patches under three augmentation pipelines and compare it with a
ResNet-18. Heavy augmentation, combining RandAugment, mixup, CutMix, random erasing and label smoothing,
raises the ViT's top-1 accuracy from ${basic?string("0.0")}\% to ${heavy?string("0.0")}\% and shrinks the gap
to the ResNet-18 from ${(resnet - basic)?string("0.0")} to ${(resnet - heavy)?string("0.0")} percentage
points, but does not close it. An ablation shows that RandAugment accounts for most of the gain and that
CutMix is the most useful of the remaining components, while random erasing and label smoothing have no
measurable effect at this scale. On subsets of the training data, heavy augmentation is worth about as much
as doubling the data set.
