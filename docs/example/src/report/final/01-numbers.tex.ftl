<#--
  Section 1: <@num> and <@stat>. Each example table shows the call's parameters (left, typeset verbatim thanks
  to <#noparse>) and what the call prints (right). docs/images/num.png and stat.png are cropped from here.
-->
\section{Numbers in the text}
\label{sec:numbers}

\texttt{num} prints one number; \texttt{stat} prints the mean (and spread) of a metric over runs.

\begin{center}
\footnotesize\frenchspacing
\begin{tabular}{@{}ll@{}}
\toprule
<#noparse>\texttt{<@num .../>} parameters</#noparse> & prints \\
\midrule
<#noparse>\texttt{value=results.all\_results.eval\_accuracy percent=true decimals=1}</#noparse> & <@num value=results.all_results.eval_accuracy percent=true decimals=1/> \\
<#noparse>\texttt{value=results.eval\_results.eval\_loss}</#noparse> & <@num value=results.eval_results.eval_loss/> \\
<#noparse>\texttt{value=0.8132 pm=0.0041 percent=true decimals=1}</#noparse> & <@num value=0.8132 pm=0.0041 percent=true decimals=1/> \\
<#noparse>\texttt{value=0.000123456}</#noparse> & <@num value=0.000123456/> \\
<#noparse>\texttt{value=3.14159 significant=2}</#noparse> & <@num value=3.14159 significant=2/> \\
<#noparse>\texttt{value=1.005 decimals=2}</#noparse> & <@num value=1.005 decimals=2/> \\
<#noparse>\texttt{value=-0.25 decimals=1}</#noparse> & <@num value=-0.25 decimals=1/> \\
<#noparse>\texttt{value=1234.5 decimals=0}</#noparse> & <@num value=1234.5 decimals=0/> \\
<#noparse>\texttt{value=1234567 decimals=0}</#noparse> & <@num value=1234567 decimals=0/> \\
<#noparse>\texttt{value=1234.5 decimals=0 group="always"}</#noparse> & <@num value=1234.5 decimals=0 group="always"/> \\
<#noparse>\texttt{value=1234567 decimals=0 group="none"}</#noparse> & <@num value=1234567 decimals=0 group="none"/> \\
\bottomrule
\end{tabular}
\end{center}

<#assign vit = {"method": "ViT-S", "dataset": "CIFAR-10"}>
\begin{center}
\footnotesize\frenchspacing
\begin{tabular}{@{}ll@{}}
\toprule
<#noparse>\texttt{<@stat .../>} parameters</#noparse> & prints \\
\midrule
<#noparse>\texttt{runs=results.main where=vit metric="top1"}</#noparse> & <@stat runs=results.main where=vit metric="top1"/> \\
<#noparse>\texttt{runs=results.main where=vit metric="loss"}</#noparse> & <@stat runs=results.main where=vit metric="loss"/> \\
<#noparse>\texttt{runs=results.main where=vit metric="top1" spread="sem"}</#noparse> & <@stat runs=results.main where=vit metric="top1" spread="sem"/> \\
<#noparse>\texttt{runs=results.main where=vit metric="top1" spread="none"}</#noparse> & <@stat runs=results.main where=vit metric="top1" spread="none"/> \\
<#noparse>\texttt{runs=results.main where=vit metric="top1" decimals=2}</#noparse> & <@stat runs=results.main where=vit metric="top1" decimals=2/> \\
<#noparse>\texttt{runs=results.vit metric="top1" percent=true decimals=2}</#noparse> & <@stat runs=results.vit metric="top1" percent=true decimals=2/> \\
<#noparse>\texttt{runs=results.metrics where=\{"epoch": 9\} metric="val\_acc" percent=true}</#noparse> & <@stat runs=results.metrics where={"epoch": 9} metric="val_acc" percent=true/> \\
\bottomrule
\multicolumn{2}{@{}l}{\footnotesize<#noparse>\texttt{<\#assign vit = \{"method": "ViT-S", "dataset": "CIFAR-10"\}>}</#noparse>}
\end{tabular}
\end{center}

In running text: the ViT reaches
<@stat runs=results.main where={"method": "ViT-S + RandAug", "dataset": "CIFAR-10"} metric="top1"/>\,\% top-1
accuracy with RandAugment, against <@stat runs=results.main where=vit metric="top1"/>\,\%
without it; fine-tuning a pre-trained ViT-B/16 on CIFAR-100 with the Hugging Face Trainer gives <@num value=results.all_results.eval_accuracy percent=true decimals=1/>\,\%.
