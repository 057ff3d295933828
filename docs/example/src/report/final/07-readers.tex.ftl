<#--
  Section 7: results read from TensorBoard, MLflow and W&B. docs/images/tensorboard.png is Figure 7,
  mlflow-table.png Table 5, mlflow-plot.png Figure 8, wandb-band.png Figure 9, wandb-table.png Table 6.
-->
\section{TensorBoard, MLflow and W\&B}
\label{sec:readers}

<@lineplot runs=results.tensorboard x="step" y="eval/accuracy" series="run" percent=true height="0.35\\linewidth"
           placement="h" label="fig:tensorboard" names={"adamw": "AdamW", "sgd": "SGD"}
           caption="Accuracy logged to TensorBoard by two runs (results/tensorboard/adamw and sgd)."/>

<@table runs=results.mlruns rows="run" metrics={"lr": {"name": "Learning rate"}, "val_acc": {"name": "Val. accuracy", "direction": "higher", "percent": true, "decimals": 1}, "val_loss": {"name": "Val. loss", "direction": "lower", "decimals": 3}}
        caption="An MLflow sweep (results/mlruns): each run's parameters and last logged metrics." label="tab:mlflow" placement="h"/>

<@lineplot runs=results.mlruns.history x="step" y="val_acc" series="run" percent=true name="Val. accuracy"
           xlabel="Epoch" height="0.35\\linewidth" placement="h" label="fig:mlflow"
           caption="The same sweep's history, one line per MLflow run."/>

<@lineplot runs=results.wandb_loss x="Step" y="train/loss" series="run" height="0.35\\linewidth" placement="h"
           label="fig:wandb" caption="A W&B chart export: the band spans W&B's __MIN and __MAX columns."/>

<@table runs=results.wandb rows="run" rowTitle="W&B run" metrics={"lr": {"name": "Learning rate"}, "val/acc": {"name": "Val. accuracy", "direction": "higher", "percent": true, "decimals": 1}}
        caption="Two W&B run folders (results/wandb): the config's learning rate and the summary's accuracy." label="tab:wandb" placement="h"/>
