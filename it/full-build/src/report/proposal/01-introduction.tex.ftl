\section{Key idea}
Vision Transformers \citep{dosovitskiy2021vit} need much data; we study them on CIFAR-10 \citep{krizhevsky2009cifar}.
Our ${results.cifar10.model} model reaches ${(results.cifar10.top1 * 100)?string("0.0")}\,\% top-1 accuracy after ${results.cifar10.epochs} epochs.
