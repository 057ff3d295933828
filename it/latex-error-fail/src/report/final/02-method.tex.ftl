\section{Method}
<#list results.run.seeds as seed>
Seed ${seed} of ${results.run.name}.
</#list>
We make this \bfx bold.
Then more text.
