<#-- Every run of the main comparison, straight from results/main.json: one column per seed. -->
<#assign gpuHours = 0>
<#list results.main.runs as r><#assign gpuHours = gpuHours + r.gpu_hours></#list>
\section{Per-seed results}
\label{app:seeds}

Table~\ref{tab:seeds} lists the individual runs behind Table~\ref{tab:main}. Together they took
<@num value=gpuHours decimals=0/> GPU-hours; the ablations and the data-efficiency study took about as much
again.

<@table runs=results.main rows="method" rowTitle="Model, augmentation" columns="seed"
        metrics={"top1": {"decimals": 2}} size="small" placement="h" label="tab:seeds"
        caption="Test top-1 accuracy of every run in the main comparison; the column groups are the seeds."/>
