\section{Results}
We reach ${results.cifar.top1} top-1 accuracy.
