\section{Progress}
We compare a small vision transformer with a convolutional baseline \citep{dosovitskiy2021vit}.
<@barchart runs=results.prelim x="method" y="top1" percent=true caption="Preliminary top-1 accuracy (\\%)."/>
The baseline reaches <@stat runs=results.prelim where={"method": "ResNet-18"} metric="top1" percent=true/>\,\%.
