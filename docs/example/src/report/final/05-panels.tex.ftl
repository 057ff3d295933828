<#--
  Section 5: figures with panels, log axes, smoothing and a second y axis. docs/images/panels.png is Figure 4,
  smoothing.png Figure 5, second-axis.png Figure 6.
-->
\section{Panels, log axes, smoothing and a second axis}
\label{sec:panels}

Figure~\ref{fig:panels} puts two plots side by side: panel~\ref{fig:panel-acc} is the validation accuracy of
Figure~\ref{fig:lineplot}, panel~\ref{fig:panel-loss} the trainer's loss on a log scale, with one legend for both.

<@figure caption="Two panels with one legend: accuracy per epoch, and the training loss on a log axis."
         label="fig:panels" placement="h">
  <@lineplot runs=results.curves x="epoch" y="val_acc" series="method" percent=true name="Validation accuracy"
             xlabel="Epoch" caption="Validation accuracy." label="fig:panel-acc"/>
  <@curve state=results.trainer_state ymode="log" caption="Loss, log scale." label="fig:panel-loss"/>
</@figure>

<@lineplot runs=results.tensorboard x="step" y="train/loss" series="run" smooth=0.9 height="0.4\\linewidth"
           placement="h" label="fig:smoothing"
           caption="TensorBoard runs: the training loss smoothed as TensorBoard smooths it (0.9), the raw curve faint behind."/>

<@curve state=results.trainer_state metrics2=["learning_rate"] height="0.4\\linewidth" placement="h"
        label="fig:second-axis" caption="The learning rate on a second y axis, on the right."/>
