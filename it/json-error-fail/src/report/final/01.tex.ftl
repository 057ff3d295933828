\section{A}
Top-1: ${results.cifar.top1}.
