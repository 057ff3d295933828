\section{Results}
<@table runs=results.main rows="method" metrics=["top1"] caption="Top-1 accuracy over two seeds."/>
<@barchart runs=results.main x="method" y="top1" percent=true caption="Top-1 accuracy (\\%)."/>
